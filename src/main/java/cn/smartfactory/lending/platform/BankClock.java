package cn.smartfactory.lending.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The bank's day: dates that staff enter, that the line checks ("not after today") and that timers fall
 * due on are days in China (Asia/Shanghai), whatever zone the server runs in — a server on UTC would
 * otherwise refuse a warning dated "today" between midnight and 08:00 Beijing time. Read by the engine's
 * clock, which tests move.
 */
public final class BankClock {

    /** The bank's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BankClock() {
    }

    /** Now in the bank's zone. */
    public static ZonedDateTime zonedNow() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZONE);
    }

    /** Now in the bank's zone, without the zone. */
    public static LocalDateTime now() {
        return zonedNow().toLocalDateTime();
    }

    /** Today in the bank's zone. */
    public static LocalDate today() {
        return zonedNow().toLocalDate();
    }

    /** The first moment of a day in the bank's zone, for timers and due dates. */
    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }
}
