package cn.smartfactory.lending.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;

import cn.smartfactory.lending.scoring.RiskAssessment;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the benchmark's set-up and body once per case, so the benchmark cannot rot between runs,
 * and checks the fast FEEL path gives the very same assessment as Camunda's own engine.
 */
class ScoringBenchmarkSmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1-fmcg-wholesale", "2-catering", "3-retail-store", "4-light-manufacturing", "5-logistics",
            "6-agriculture"})
    void benchmarkBodyAssessesEachWorkedCaseAlikeWithBothFeelEngines(String workedCase) {
        RiskAssessment caching = run(workedCase, "caching");
        RiskAssessment stock = run(workedCase, "stock");
        assertThat(caching.indicators()).hasSize(22);
        assertThat(caching).usingRecursiveComparison().isEqualTo(stock);
    }

    private static RiskAssessment run(String workedCase, String feel) {
        ScoringBenchmark benchmark = new ScoringBenchmark();
        benchmark.workedCase = workedCase;
        benchmark.feel = feel;
        benchmark.setUp();
        return benchmark.assessOneApplication();
    }
}
