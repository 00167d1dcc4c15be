package cn.smartfactory.lending.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.smartfactory.lending.decision.RuleCoverage;

/** Every rule of processes/officer-level.dmn; an empty cell is a rate without a case (null). */
class OfficerLevelTableTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/officer-level.dmn");

    @ParameterizedTest(name = "NPL {0}, overdue share {1}, attainment {2}, rework {3}: {4}")
    @CsvSource({
            "0.05, 0.0, 1.5, 0.0, WATCH",
            "0.01, 0.3, 1.5, 0.0, WATCH",
            "0.0, 0.0, , 0.0, UNRATED",
            ", , , , UNRATED",
            "0.005, 0.05, 1.3, 0.1, SENIOR",
            ", , 1.2, , SENIOR",
            "0.015, 0.1, 0.9, 0.3, INTERMEDIATE",
            "0.0, 0.0, 1.5, 0.2, INTERMEDIATE",
            "0.0, 0.15, 1.5, 0.0, INTERMEDIATE",
            "0.0, 0.0, 0.5, 0.0, JUNIOR",
            "0.025, 0.0, 1.0, 0.0, JUNIOR"})
    void levelFromTheMonthsIndicators(Double npl, Double overdueShare, Double attainment, Double rework, String level) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("nplRate", npl);
        inputs.put("overdueCustomerShare", overdueShare);
        inputs.put("newBalanceAttainment", attainment);
        inputs.put("reworkRate", rework);
        Map<String, Object> result = COVERAGE.rules().evaluateSingle(OfficerEvaluations.LEVEL_TABLE, inputs);
        assertThat(result.get("level")).isEqualTo(level);
        assertThat((String) result.get("levelName")).matches("\\p{IsHan}+ [A-Z][a-z]+");
    }

    @AfterAll
    static void everyRuleWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}
