package cn.smartfactory.lending.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * Keeps the scale benchmark from rotting: 200 loans through every stage, with the figures sane. An
 * integration test (failsafe's own JVM) because it starts a second platform whose engine, like the
 * Spring Boot tests' one, is called "default".
 */
class MonitoringScaleBenchmarkIT {

    @Test
    void everyStageRunsOnASmallPortfolio() throws Exception {
        PostgresTestServer.require("the monitoring scale benchmark");
        MonitoringScaleBenchmark.Result result = MonitoringScaleBenchmark.run(200);
        System.out.println(result);
        assertThat(result.loans()).isEqualTo(200);
        assertThat(result.dueJobs()).as("every loan's first check falls due within the quarter (plus the demo profile's"
                + " three monitored sample loans, when the test configuration seeds them)").isBetween(200L, 203L);
        assertThat(result.ranJobs()).as("each due check, plus late-check escalations").isGreaterThanOrEqualTo(200);
        assertThat(result.inboxOpenTasks()).isGreaterThanOrEqualTo(20);
        assertThat(result.startsPerSecond()).isPositive();
        assertThat(result.jobsPerSecond()).isPositive();
        assertThat(result.exportBytes()).isGreaterThan(0);
        assertThat(result.myTasksP95Ms()).isGreaterThan(0);
    }
}
