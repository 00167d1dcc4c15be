package cn.smartfactory.lending.industry;

import static cn.smartfactory.lending.common.Decimals.MC;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An industry's business cycle (经营周期): the calendar months its sales peak in and the share of a year's sales those
 * months carry. A seasonal repayment schedule (旺季还本) puts the principal into these months, and its limit is tested
 * on each month's own income: a peak month's sales are {@code peakShare × 12 ÷ peak months} times the average month's,
 * the other months' {@code (1 − peakShare) × 12 ÷ other months} times.
 *
 * @param peakMonths    calendar months 1–12, e.g. [1, 2, 9, 10] for the Spring Festival and Mid-Autumn stock
 * @param peakShare     the peak months' share of a year's sales, more than their share of the calendar
 * @param descriptionZh why these months, e.g. "春节、中秋备货旺季"
 */
public record SalesCycle(List<Integer> peakMonths, BigDecimal peakShare, String descriptionZh, String descriptionEn) {

    /** Whether the calendar month (1–12) is a peak month. */
    public boolean isPeak(int month) {
        return peakMonths.contains(month);
    }

    /** The month's sales as a multiple of the average month's. */
    public BigDecimal salesIndex(int month) {
        int peaks = peakMonths.size();
        return isPeak(month)
                ? peakShare.multiply(BigDecimal.valueOf(12), MC).divide(BigDecimal.valueOf(peaks), MC)
                : BigDecimal.ONE.subtract(peakShare).multiply(BigDecimal.valueOf(12), MC)
                .divide(BigDecimal.valueOf(12 - peaks), MC);
    }

    SalesCycle validated(String where) {
        if (peakMonths == null || peakMonths.isEmpty() || peakMonths.size() >= 12) {
            throw new IllegalArgumentException(where + "cycle needs between 1 and 11 peak months, got " + peakMonths);
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer m : peakMonths) {
            if (m == null || m < 1 || m > 12 || !seen.add(m)) {
                throw new IllegalArgumentException(where + "cycle's peak months must be distinct months 1-12, got "
                        + peakMonths);
            }
        }
        BigDecimal calendarShare = BigDecimal.valueOf(peakMonths.size()).divide(BigDecimal.valueOf(12), MC);
        if (peakShare == null || peakShare.compareTo(calendarShare) <= 0 || peakShare.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(where + "cycle's peakShare must be above the peak months' share of the "
                    + "year (" + peakMonths.size() + "/12) and below 1, got " + peakShare);
        }
        if (descriptionZh == null || descriptionEn == null) {
            throw new IllegalArgumentException(where + "cycle needs descriptionZh and descriptionEn");
        }
        return new SalesCycle(List.copyOf(peakMonths), peakShare, descriptionZh, descriptionEn);
    }
}
