package cn.smartfactory.lending.scoring;

import java.math.BigDecimal;

/**
 * One indicator as scored: what it measured, which bin of the table it fell in, its points and
 * its weight (the most points the indicator can earn).
 *
 * @param value        the measured value (fraction for ratios, count, years...); null where the
 *                     indicator cannot be measured and the table scores "not available"
 * @param displayValue the value as the report writes it
 */
public record IndicatorScore(Indicator indicator, Dimension dimension, BigDecimal value, String displayValue,
                             String bin, int points, int weight) {
}
