package cn.smartfactory.lending.sla;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business calendar's exceptions in {@code business_calendar} (Flyway V11), edited by managers. The
 * calendar is read for every task created, so it is kept for a minute (an edit on this node is seen at
 * once, on another node within the minute).
 */
public class CalendarStore {

    /** One exception to the weekday rule. */
    public record Day(LocalDate day, BusinessCalendar.Kind kind, String name, String changedBy, Instant changedAt) {
    }

    private static final Duration KEEP = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private volatile BusinessCalendar cached;
    private volatile Instant cachedAt = Instant.MIN;

    public CalendarStore(JdbcClient jdbc, LocalTime dayStart, LocalTime dayEnd) {
        this.jdbc = jdbc;
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
        new BusinessCalendar(Map.of(), dayStart, dayEnd); // checks the working day's hours at start
    }

    public BusinessCalendar calendar() {
        BusinessCalendar calendar = cached;
        if (calendar == null || Instant.now().isAfter(cachedAt.plus(KEEP))) {
            Map<LocalDate, BusinessCalendar.Kind> exceptions = new HashMap<>();
            jdbc.sql("SELECT calendar_day, kind FROM business_calendar").query((RowCallbackHandler) rs ->
                    exceptions.put(rs.getDate(1).toLocalDate(), BusinessCalendar.Kind.valueOf(rs.getString(2))));
            calendar = new BusinessCalendar(exceptions, dayStart, dayEnd);
            cached = calendar;
            cachedAt = Instant.now();
        }
        return calendar;
    }

    public List<Day> year(int year) {
        return jdbc.sql("SELECT calendar_day, kind, name, changed_by, changed_at FROM business_calendar"
                        + " WHERE calendar_day >= :from AND calendar_day < :to ORDER BY calendar_day")
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .query((rs, i) -> new Day(rs.getDate(1).toLocalDate(), BusinessCalendar.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Sets what a day is (a holiday or a worked weekend day), replacing what was there. */
    public void put(LocalDate day, BusinessCalendar.Kind kind, String name, String by) {
        jdbc.sql("DELETE FROM business_calendar WHERE calendar_day = :day").param("day", Date.valueOf(day)).update();
        jdbc.sql("INSERT INTO business_calendar (calendar_day, kind, name, changed_by, changed_at) VALUES (:day, :kind, :name, :by, :at)")
                .param("day", Date.valueOf(day)).param("kind", kind.name()).param("name", name).param("by", by)
                .param("at", Timestamp.from(Instant.now())).update();
        cached = null;
    }

    /** Makes a day follow the weekday rule again; false when it had no entry. */
    public boolean remove(LocalDate day) {
        boolean removed = jdbc.sql("DELETE FROM business_calendar WHERE calendar_day = :day").param("day", Date.valueOf(day)).update() == 1;
        cached = null;
        return removed;
    }

    /** Whether any day of the year is in the calendar: a year without entries has not been entered yet. */
    public boolean hasYear(int year) {
        return !year(year).isEmpty();
    }
}
