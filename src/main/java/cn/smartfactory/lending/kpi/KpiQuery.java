package cn.smartfactory.lending.kpi;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import cn.smartfactory.lending.platform.BankClock;

/**
 * A period of bank days, both ends included, and optional filters: product, station (a task's
 * definition key) and officer (a user id; it selects what that person did in each role).
 */
public record KpiQuery(LocalDate from, LocalDate to, String product, String station, String officer) {

    /** The longest period one request covers: three years of figures. */
    static final long MAX_DAYS = 3 * 366;

    public KpiQuery {
        if (from == null || to == null) {
            throw new IllegalArgumentException("起止日期必填 from and to are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("结束日期 to (" + to + ") 不得早于开始日期 from (" + from + ") must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("期间不得超过三年 the period may not exceed three years (" + from + " to " + to + ")");
        }
        product = blankToNull(product);
        station = blankToNull(station);
        officer = blankToNull(officer);
    }

    /** The quarter a day falls in. */
    public static KpiQuery quarterOf(LocalDate day) {
        LocalDate start = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
        return new KpiQuery(start, start.plusMonths(3).minusDays(1), null, null, null);
    }

    /** The first moment of the period. */
    Timestamp start() {
        return new Timestamp(BankClock.startOf(from).getTime());
    }

    /** The first moment after the period. */
    Timestamp end() {
        return new Timestamp(BankClock.startOf(to.plusDays(1)).getTime());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
