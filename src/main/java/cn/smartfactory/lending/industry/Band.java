package cn.smartfactory.lending.industry;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An industry's acceptable band for one ratio, with its median.
 *
 * @param low    lower edge of the acceptable band
 * @param median typical value in the industry
 * @param high   upper edge of the acceptable band
 */
public record Band(BigDecimal low, BigDecimal median, BigDecimal high) {

    public Band {
        if (low == null || median == null || high == null) {
            throw new IllegalArgumentException("a band needs low, median and high");
        }
        if (low.compareTo(high) >= 0 || median.compareTo(low) < 0 || median.compareTo(high) > 0) {
            throw new IllegalArgumentException("a band needs low < high and low <= median <= high, got "
                    + low + " / " + median + " / " + high);
        }
    }

    /**
     * Where a value lies against the band, in band widths: 0 inside the band, negative below the
     * lower edge, positive above the upper edge. A gross margin of 5% against a band of 8–15% lies
     * (5 − 8) / (15 − 8) = −0.43 band widths below. Scale-free, so the same scorecard bins serve
     * margins and days alike.
     */
    public BigDecimal position(BigDecimal value) {
        BigDecimal width = high.subtract(low);
        if (value.compareTo(low) < 0) {
            return value.subtract(low).divide(width, MathContext.DECIMAL64);
        }
        if (value.compareTo(high) > 0) {
            return value.subtract(high).divide(width, MathContext.DECIMAL64);
        }
        return BigDecimal.ZERO;
    }

    /** BELOW, WITHIN or ABOVE, for the report's colour coding. */
    public BandStatus status(BigDecimal value) {
        int sign = position(value).signum();
        return sign < 0 ? BandStatus.BELOW : sign > 0 ? BandStatus.ABOVE : BandStatus.WITHIN;
    }

    public enum BandStatus { BELOW, WITHIN, ABOVE }
}
