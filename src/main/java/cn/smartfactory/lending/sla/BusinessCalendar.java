package cn.smartfactory.lending.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

import cn.smartfactory.lending.platform.BankClock;

/**
 * The bank's working time: Monday to Friday, {@code dayStart} to {@code dayEnd} in Beijing, except the
 * days the calendar names — public holidays on weekdays, and weekend days worked instead (调休上班).
 * A due date is a number of working hours after a task was created, counted only in working time.
 */
public final class BusinessCalendar {

    /** What a day is, when the calendar says otherwise than the weekday rule. */
    public enum Kind { HOLIDAY, WORKDAY }

    private final Map<LocalDate, Kind> exceptions;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;

    public BusinessCalendar(Map<LocalDate, Kind> exceptions, LocalTime dayStart, LocalTime dayEnd) {
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("工作日结束须晚于开始 the working day must end after it starts");
        }
        this.exceptions = Map.copyOf(exceptions);
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
    }

    public boolean isWorkingDay(LocalDate day) {
        Kind kind = exceptions.get(day);
        if (kind != null) {
            return kind == Kind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The moment {@code hours} working hours after {@code from}; work starts at the next working moment. */
    public Instant addWorkingHours(Instant from, double hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("工时不得为负 working hours may not be negative (was " + hours + ")");
        }
        LocalDateTime at = from.atZone(BankClock.ZONE).toLocalDateTime();
        Duration left = Duration.ofSeconds(Math.round(hours * 3600));
        // A year of days without a working one means the calendar is wrong, not that the task is due never.
        for (int guard = 0; guard < 3660; guard++) {
            LocalDate day = at.toLocalDate();
            if (!isWorkingDay(day) || !at.toLocalTime().isBefore(dayEnd)) {
                at = day.plusDays(1).atTime(dayStart);
                continue;
            }
            if (at.toLocalTime().isBefore(dayStart)) {
                at = day.atTime(dayStart);
            }
            Duration rest = Duration.between(at, day.atTime(dayEnd));
            if (left.compareTo(rest) <= 0) {
                return at.plus(left).atZone(BankClock.ZONE).toInstant();
            }
            left = left.minus(rest);
            at = day.plusDays(1).atTime(dayStart);
        }
        throw new IllegalStateException("业务日历十年内无工作日 the business calendar has no working day in ten years after " + from);
    }
}
