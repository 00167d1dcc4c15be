package cn.smartfactory.lending.scoring;

import java.math.BigDecimal;

import cn.smartfactory.lending.industry.Band;
import cn.smartfactory.lending.industry.Band.BandStatus;
import cn.smartfactory.lending.industry.BenchmarkMetric;

/**
 * One of the borrower's ratios against its industry band (行业指标对比).
 *
 * @param value    null when the ratio cannot be computed (e.g. inventory days without cost of goods)
 * @param position band widths below (negative) or above (positive) the band, 0 inside
 */
public record BenchmarkComparison(BenchmarkMetric metric, BigDecimal value, Band band, BandStatus status,
                                  BigDecimal position) {

    static BenchmarkComparison of(BenchmarkMetric metric, BigDecimal value, Band band) {
        if (value == null) {
            return new BenchmarkComparison(metric, null, band, null, null);
        }
        return new BenchmarkComparison(metric, value, band, band.status(value),
                cn.smartfactory.lending.common.Decimals.roundRatio(band.position(value)));
    }
}
