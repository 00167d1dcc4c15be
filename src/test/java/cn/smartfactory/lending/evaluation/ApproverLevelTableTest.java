package cn.smartfactory.lending.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.smartfactory.lending.decision.RuleCoverage;

/** Every rule of processes/approver-level.dmn; an empty cell is a rate without a loan (null). */
class ApproverLevelTableTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/approver-level.dmn");

    @ParameterizedTest(name = "{0} loans, NPL {1}, overdue share {2}: {3}")
    @CsvSource({
            "0, , , UNRATED",
            "19, 0.5, 0.5, UNRATED",
            "20, 0.021, 0.0, WATCH",
            "80, 0.0, 0.16, WATCH",
            "50, 0.01, 0.05, SENIOR",
            "120, 0.0, 0.0, SENIOR",
            "49, 0.0, 0.0, INTERMEDIATE",
            "60, 0.012, 0.0, INTERMEDIATE",
            "60, 0.0, 0.06, INTERMEDIATE",
            "30, 0.016, 0.1, JUNIOR",
            "200, 0.02, 0.15, JUNIOR"})
    void levelFromTheLoansSigned(int loans, Double npl, Double overdueShare, String level) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("loans", loans);
        inputs.put("nplRate", npl);
        inputs.put("overdueLoanShare", overdueShare);
        Map<String, Object> result = COVERAGE.rules().evaluateSingle(ApproverEvaluations.LEVEL_TABLE, inputs);
        assertThat(result.get("level")).isEqualTo(level);
        assertThat((String) result.get("levelName")).matches("\\p{IsHan}+ [A-Z][a-z]+");
    }

    @AfterAll
    static void everyRuleWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}
