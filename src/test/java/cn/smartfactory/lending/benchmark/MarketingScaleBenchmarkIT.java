package cn.smartfactory.lending.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * Keeps the marketing scale benchmark from rotting: 2,000 names through every stage, with the figures
 * sane. In failsafe's own JVM, since it starts a second platform.
 */
class MarketingScaleBenchmarkIT {

    @Test
    void everyStageRunsOnASmallList() throws Exception {
        PostgresTestServer.require("the marketing scale benchmark");
        MarketingScaleBenchmark.Result result = MarketingScaleBenchmark.run(2_000, 400);
        System.out.println(result);
        // Of 2,000 rows every 50th repeats an earlier customer (40) and every 100th another has a bad phone (20).
        assertThat(result.rejected()).isEqualTo(60);
        assertThat(result.imported()).isEqualTo(2_000 - result.rejected());
        assertThat(result.openTasks()).isGreaterThanOrEqualTo(400);
        assertThat(result.importSeconds()).isPositive();
        assertThat(result.myTasksP95Ms()).isPositive();
        assertThat(result.figuresP95Ms()).isPositive();
    }
}
