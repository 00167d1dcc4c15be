package cn.smartfactory.lending.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bank's day is the day in Beijing, whatever zone the server's JVM runs in. */
class BankClockTest {

    private final TimeZone jvmZone = TimeZone.getDefault();

    @AfterEach
    void restore() {
        ClockUtil.reset();
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void aServerOnUtcAtEighteenThirtyIsAlreadyTomorrowInBeijing() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T18:30:00Z")));

        assertThat(BankClock.today()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(BankClock.now()).hasToString("2026-12-02T02:30");
    }

    @Test
    void aDayStartsAtMidnightInBeijing() {
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));

        assertThat(BankClock.startOf(LocalDate.of(2026, 12, 2)).toInstant())
                .isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void followsTheEnginesClockThatTestsMove() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-06-30T15:59:59Z")));
        assertThat(BankClock.today()).isEqualTo(LocalDate.of(2030, 6, 30));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-06-30T16:00:00Z")));
        assertThat(BankClock.today()).isEqualTo(LocalDate.of(2030, 7, 1));
    }
}
