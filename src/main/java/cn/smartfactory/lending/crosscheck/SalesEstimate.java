package cn.smartfactory.lending.crosscheck;

import java.math.BigDecimal;

/**
 * One estimate of monthly sales.
 *
 * @param monthlySales the estimate, or null when the source gave nothing computable
 * @param usable       whether it counts towards verified sales
 * @param basisEn      how it was reached, with the figures, e.g. "average of 12 months of inflows"
 * @param deviation    |estimate − verified| / verified, null for unusable estimates
 */
public record SalesEstimate(SalesSource source, BigDecimal monthlySales, boolean usable, String basisZh,
                            String basisEn, BigDecimal deviation) {

    SalesEstimate withDeviation(BigDecimal deviation) {
        return new SalesEstimate(source, monthlySales, usable, basisZh, basisEn, deviation);
    }
}
