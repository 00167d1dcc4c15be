package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/post-loan-monitoring-rules.dmn: classification floors and monitoring tiers. */
class PostLoanRulesTableTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/post-loan-monitoring-rules.dmn");
    private static final DecisionRules RULES = COVERAGE.rules();

    @ParameterizedTest(name = "{0} days overdue: at best {1}")
    @CsvSource({"0, NORMAL", "1, SPECIAL_MENTION", "90, SPECIAL_MENTION", "91, SUBSTANDARD", "270, SUBSTANDARD",
            "271, DOUBTFUL", "360, DOUBTFUL", "361, LOSS", "2000, LOSS"})
    void daysOverdueSetTheClassificationFloor(int days, String classification) {
        Map<String, Object> row = RULES.evaluateSingle("loan-classification-floor", Map.of("daysOverdue", days));
        assertThat(row).containsEntry("classification", classification);
        assertThat((String) row.get("nameZh")).isNotBlank();
    }

    @ParameterizedTest(name = "grade {0}, {1}, {2}, industry risk {3}, event {4}, {5} days overdue: {6}")
    @CsvSource(nullValues = "none", value = {
            "A, CREDIT, NONE, NORMAL, none, 31, T3",
            "A, CREDIT, NONE, NORMAL, LITIGATION, 0, T3",
            "A, MORTGAGE, PROPERTY, NORMAL, COLLATERAL_LOSS, 0, T3",
            "A, CREDIT, NONE, NORMAL, NEW_BUREAU_OVERDUE, 0, T3",
            "E, CREDIT, NONE, NORMAL, none, 0, T3",
            "A, CREDIT, NONE, NORMAL, none, 30, T2",
            "A, CREDIT, NONE, NORMAL, SALES_DROP, 0, T2",
            "A, CREDIT, NONE, NORMAL, OWNER_CHANGE, 0, T2",
            "A, CREDIT, NONE, NORMAL, OVERDUE_PAYMENT, 0, T2",
            "C, GUARANTEED, GUARANTOR, NORMAL, none, 0, T2",
            "D, MORTGAGE, PROPERTY, NORMAL, none, 0, T2",
            "B, CREDIT, NONE, HIGH, none, 0, T2",
            "B, GUARANTEED, GUARANTOR, HIGH, none, 0, T1",
            "B, CREDIT, NONE, NORMAL, none, 0, T1",
            "A, CREDIT, NONE, HIGH, none, 0, T1"})
    void tierFollowsTheMostSevereSignal(String grade, String product, String guarantee, String industryRisk, String event,
                                        int days, String tier) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("grade", grade);
        inputs.put("product", product);
        inputs.put("guaranteeType", guarantee);
        inputs.put("industryRisk", industryRisk);
        inputs.put("latestEvent", event);
        inputs.put("daysOverdue", days);
        Map<String, Object> row = RULES.evaluateSingle("monitoring-tier", inputs);
        assertThat(row).containsEntry("tier", tier);
        assertThat((String) row.get("reasonEn")).isNotBlank();
    }

    @AfterAll
    static void everyPostLoanRuleWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}
