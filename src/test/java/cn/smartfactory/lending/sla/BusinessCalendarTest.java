package cn.smartfactory.lending.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.platform.BankClock;

/** Working hours counted in the bank's working time, on the 2026 calendar around the Spring Festival. */
class BusinessCalendarTest {

    /** 2026: 16–20 and 23 February are holidays, Saturday 14 and Saturday 28 February are worked. */
    private final BusinessCalendar calendar = new BusinessCalendar(Map.of(
            LocalDate.of(2026, 2, 14), BusinessCalendar.Kind.WORKDAY,
            LocalDate.of(2026, 2, 16), BusinessCalendar.Kind.HOLIDAY, LocalDate.of(2026, 2, 17), BusinessCalendar.Kind.HOLIDAY,
            LocalDate.of(2026, 2, 18), BusinessCalendar.Kind.HOLIDAY, LocalDate.of(2026, 2, 19), BusinessCalendar.Kind.HOLIDAY,
            LocalDate.of(2026, 2, 20), BusinessCalendar.Kind.HOLIDAY, LocalDate.of(2026, 2, 23), BusinessCalendar.Kind.HOLIDAY,
            LocalDate.of(2026, 2, 28), BusinessCalendar.Kind.WORKDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    @Test
    void hoursWithinOneWorkingDay() {
        assertThat(due("2026-03-03T10:00", 4)).isEqualTo("2026-03-03T14:00");
    }

    @Test
    void whatDoesNotFitRunsIntoTheNextWorkingDay() {
        // Tuesday 15:00 + 8 h: 2 h on Tuesday, 6 h on Wednesday from 09:00.
        assertThat(due("2026-03-03T15:00", 8)).isEqualTo("2026-03-04T15:00");
    }

    @Test
    void aTaskCreatedOutsideWorkingTimeStartsAtTheNextWorkingMoment() {
        assertThat(due("2026-03-03T07:30", 2)).isEqualTo("2026-03-03T11:00");
        assertThat(due("2026-03-03T19:00", 2)).isEqualTo("2026-03-04T11:00");
    }

    @Test
    void weekendsAreSkipped() {
        // Friday 16:00 + 4 h: 1 h on Friday, 3 h on Monday.
        assertThat(due("2026-03-06T16:00", 4)).isEqualTo("2026-03-09T12:00");
    }

    @Test
    void holidaysAreSkippedAndWorkedWeekendDaysCount() {
        // Friday 13 February 16:00 + 16 h: 1 h Friday, 8 h on the worked Saturday the 14th, then the
        // holiday runs to Monday the 23rd; 7 h on Tuesday the 24th.
        assertThat(due("2026-02-13T16:00", 16)).isEqualTo("2026-02-24T16:00");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("a worked Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 18))).as("a holiday Wednesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).as("an ordinary Saturday").isFalse();
    }

    @Test
    void exactlyTheEndOfTheDayStaysOnThatDay() {
        assertThat(due("2026-03-03T09:00", 8)).isEqualTo("2026-03-03T17:00");
    }

    @Test
    void aCalendarWithoutWorkingDaysOrNegativeHoursIsRefused() {
        assertThatThrownBy(() -> calendar.addWorkingHours(Instant.now(), -1)).hasMessageContaining("工时不得为负");
        assertThatThrownBy(() -> new BusinessCalendar(Map.of(), LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("工作日结束须晚于开始");
    }

    private String due(String created, double hours) {
        Instant from = LocalDateTime.parse(created).atZone(BankClock.ZONE).toInstant();
        return calendar.addWorkingHours(from, hours).atZone(BankClock.ZONE).toLocalDateTime().toString();
    }
}
