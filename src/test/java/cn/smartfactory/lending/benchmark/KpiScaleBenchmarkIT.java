package cn.smartfactory.lending.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.platform.PostgresTestServer;

/** Keeps the KPI scale benchmark from rotting: 2,000 applications and two page loads; the figures are not judged here. */
class KpiScaleBenchmarkIT {

    @Test
    void everyStageRunsOnASmallHistory() throws Exception {
        PostgresTestServer.require("the KPI scale benchmark");
        KpiScaleBenchmark.Result result = KpiScaleBenchmark.run(2_000, 2);
        System.out.println(result);
        assertThat(result.tasks()).isGreaterThan(2_000 * 2);
        assertThat(result.loans()).isPositive();
        assertThat(result.reportP95Ms()).isPositive();
        if (cn.smartfactory.lending.browser.Tasklist.available()) {
            assertThat(result.pageSamples()).isEqualTo(2);
        }
    }
}
