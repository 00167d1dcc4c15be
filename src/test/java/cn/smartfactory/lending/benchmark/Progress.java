package cn.smartfactory.lending.benchmark;

import java.time.Duration;

/** Fails a benchmark stage instead of waiting forever when its counter stops moving for two minutes. */
final class Progress {

    private final String stage;
    private long last = -1;
    private long since = System.nanoTime();

    Progress(String stage) {
        this.stage = stage;
    }

    void check(long value) {
        if (value != last) {
            last = value;
            since = System.nanoTime();
        } else if (System.nanoTime() - since > Duration.ofMinutes(2).toNanos()) {
            throw new IllegalStateException("No progress for two minutes while " + stage + " (at " + value + ")");
        }
    }
}
