package cn.smartfactory.lending.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * Keeps the performance suite from rotting: every stage with a handful of loans, jobs and tasks,
 * and the figures checked for sense (the JMH stage has its own smoke tests). An integration test
 * (own JVM) because it starts platforms whose engine is called "default", like the Spring tests'.
 */
class PerformanceSuiteIT {

    @Test
    void everyStageRunsAtSmallSize() throws Exception {
        PostgresTestServer.require("the performance suite");
        if (!PgBench.available()) {
            if ("true".equals(System.getenv("LENDING_CI"))) {
                throw new AssertionError("pgbench is required in CI (package postgresql-client)");
            }
            org.junit.jupiter.api.Assumptions.abort("pgbench is not installed");
        }
        PerformanceSuite.Result r = PerformanceSuite.run(new PerformanceSuite.Settings(8, 200, 6, 600, 2, false,
                PerformanceSuite.Settings.ALL));
        System.out.println(r.report());

        assertThat(r.origination()).extracting(PerformanceSuite.Comparison::database).containsExactly("H2 (file)", "PostgreSQL");
        for (PerformanceSuite.Comparison c : r.origination()) {
            assertThat(c.platform().loans()).isEqualTo(8);
            assertThat(c.ratio()).isPositive();
            assertThat(c.platformStatementsPerLoan()).as("the platform does more than the bare engine (its own work)")
                    .isGreaterThan(c.bareStatementsPerLoan());
            assertThat(c.bareStatementsPerLoan()).isGreaterThan(100);
            for (OriginationLine.Step step : OriginationLine.Step.values()) {
                assertThat(c.platform().stepMillis().get(step)).as("%s timed per loan", step).hasSize(8);
            }
        }
        assertThat(r.noOpDefaults().jobs()).isEqualTo(200);
        assertThat(r.noOpDefaults().statementsPerJob()).isBetween(5.0, 100.0);
        assertThat(r.pgbench().tps()).isPositive();
        assertThat(r.pgbench().script()).contains("bench_job", "COMMIT");
        assertThat(r.tuning()).hasSize(PerformanceSuite.JOB_SETTINGS.size());
        assertThat(r.tuning()).allSatisfy(t -> {
            assertThat(t.noOp().jobsPerSecond()).isPositive();
            assertThat(t.line().jobs()).as("scoring and report jobs of 6 applications, two rounds").isEqualTo(24);
        });
        assertThat(r.inbox()).hasSize(2).allSatisfy(f -> {
            assertThat(f.inboxCount()).as("the role's share of the 600 tasks (one per working role in turn), plus demo work")
                    .isGreaterThanOrEqualTo(600 / InboxAtScale.ROLES.size());
            assertThat(f.inboxPageP95()).isPositive();
        });
        assertThat(r.report()).contains("ratio", "pgbench", "Tasklist inboxes", "History and session settings");
    }
}
