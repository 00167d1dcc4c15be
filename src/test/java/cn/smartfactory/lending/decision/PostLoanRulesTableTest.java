package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
            "A, CREDIT, NONE, NORMAL, BANKRUPTCY, 0, T3",
            "A, CREDIT, NONE, NORMAL, FRAUD, 0, T3",
            "A, CREDIT, NONE, NORMAL, RESTRUCTURING, 0, T2",
            "A, CREDIT, NONE, NORMAL, EXTENSION, 0, T2",
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

    /** Collateral revalued below the balance is high risk; still covered, the check's other answers decide. */
    @ParameterizedTest(name = "base {0}, covered {1}: {2}")
    @CsvSource(nullValues = "none", value = {"T1, false, T3", "T1, true, T1", "T2, true, T2", "T1, none, T1"})
    void collateralThatNoLongerCoversTheBalanceIsHighRisk(String base, Boolean covered, String tier) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("baseTier", base);
        inputs.put("checkConclusion", "NORMAL");
        inputs.put("securityIntact", "YES");
        inputs.put("salesChangePercent", 0.0);
        inputs.put("collateralCovered", covered);
        Map<String, Object> row = RULES.evaluateSingle("check-outcome-tier", inputs);
        assertThat(row).containsEntry("tier", tier);
        if (Boolean.FALSE.equals(covered)) {
            assertThat(row).containsEntry("reasonZh", "抵押物重估后不足以覆盖贷款余额");
        }
    }

    @ParameterizedTest(name = "{0}, check {1} of the quarter: every {2}, {3}, escalate {4}, {5} days to do it")
    @CsvSource({"T1, 1, P3M, OFF_SITE, false, 10", "T1, 3, P3M, OFF_SITE, false, 10", "T2, 1, P1M, OFF_SITE, false, 5",
            "T2, 2, P1M, OFF_SITE, false, 5", "T2, 3, P1M, ON_SITE, false, 10", "T3, 1, P1M, ON_SITE, true, 7"})
    void eachTierHasItsCheckRhythm(String tier, int checkInQuarter, String interval, String kind, boolean escalate,
                                   int deadlineDays) {
        Map<String, Object> row = RULES.evaluateSingle("monitoring-schedule",
                Map.of("tier", tier, "checkInQuarter", checkInQuarter));
        assertThat(row).containsEntry("interval", interval).containsEntry("checkKind", kind)
                .containsEntry("escalate", escalate);
        assertThat(((Number) row.get("deadlineDays")).intValue()).isEqualTo(deadlineDays);
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource({"MORTGAGE, PROPERTY, monitoring-check-mortgage", "CREDIT, PROPERTY, monitoring-check-mortgage",
            "GUARANTEED, GUARANTOR, monitoring-check-guaranteed", "CREDIT, GUARANTEE_COMPANY, monitoring-check-guaranteed",
            "GUARANTEED, NONE, monitoring-check-guaranteed", "CREDIT, NONE, monitoring-check-credit"})
    void theChecklistFollowsProductAndGuarantee(String product, String guarantee, String form) {
        assertThat(RULES.evaluateSingle("monitoring-checklist", Map.of("product", product, "guaranteeType", guarantee)))
                .containsEntry("form", form);
    }

    @ParameterizedTest(name = "base {0}, {1}, security {2}, sales {3}%: {4}")
    @CsvSource(nullValues = "none", value = {
            "T3, NORMAL, YES, 10, T3", "T1, SERIOUS, none, 0, T3", "T1, NORMAL, NO, 0, T3", "T1, NORMAL, YES, -30.5, T2",
            "T1, NORMAL, none, -30, T1", "T1, CONCERN, none, 0, T2", "T2, NORMAL, YES, 0, T2", "T1, NORMAL, YES, 15, T1"})
    void aCheckMovesTheTierUpOrDownButNotBelowTheBase(String base, String conclusion, String security, Double sales,
                                                      String tier) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("baseTier", base);
        inputs.put("checkConclusion", conclusion);
        inputs.put("securityIntact", security);
        inputs.put("salesChangePercent", sales);
        Map<String, Object> row = RULES.evaluateSingle("check-outcome-tier", inputs);
        assertThat(row).containsEntry("tier", tier);
        assertThat((String) row.get("reasonEn")).isNotBlank();
    }

    @ParameterizedTest(name = "{0}: {1}, to the account manager {2}, within {3} days")
    @CsvSource({"OVERDUE_PAYMENT, account-managers, true, 2", "NEW_BUREAU_OVERDUE, risk-managers, false, 3",
            "SALES_DROP, account-managers, true, 5", "LITIGATION, risk-managers, false, 2",
            "OWNER_CHANGE, investigators, false, 5", "COLLATERAL_LOSS, risk-managers, false, 2",
            "BANKRUPTCY, risk-managers, false, 1", "FRAUD, risk-managers, false, 1", "RESTRUCTURING, account-managers, true, 5",
            "EXTENSION, account-managers, true, 5"})
    void eachWarningGoesToTheRoleThatActsOnIt(String type, String group, boolean toAccountManager, int days) {
        Map<String, Object> row = RULES.evaluateSingle("warning-routing", Map.of("eventType", type));
        assertThat(row).containsEntry("candidateGroup", group).containsEntry("assignToAccountManager", toAccountManager);
        assertThat(((Number) row.get("dueInDays")).intValue()).isEqualTo(days);
        assertThat((String) row.get("nameZh")).isNotBlank();
    }

    /** Classification by judgement (2023 rules): the least severe class each event leaves, and the observation period. */
    @ParameterizedTest(name = "{0}: at least {1}, observed {2} months")
    @CsvSource(nullValues = "none", value = {"OVERDUE_PAYMENT, NORMAL, none", "NEW_BUREAU_OVERDUE, SPECIAL_MENTION, none",
            "SALES_DROP, NORMAL, none", "LITIGATION, SPECIAL_MENTION, none", "OWNER_CHANGE, NORMAL, none",
            "COLLATERAL_LOSS, SUBSTANDARD, none", "BANKRUPTCY, DOUBTFUL, none", "FRAUD, SUBSTANDARD, none",
            "RESTRUCTURING, SPECIAL_MENTION, 12", "EXTENSION, SPECIAL_MENTION, 12", "REPAID_IN_FULL, NORMAL, none"})
    void eachEventSetsAClassificationFloorByJudgement(String type, String classification, Integer months) {
        Map<String, Object> row = RULES.evaluateSingle("loan-classification-by-event", Map.of("eventType", type));
        assertThat(row.get("classification")).isEqualTo(classification);
        assertThat(row.get("observationMonths") == null ? null : ((Number) row.get("observationMonths")).intValue()).isEqualTo(months);
        assertThat((String) row.get("reasonZh")).matches("\\p{IsHan}.*");
        assertThat((String) row.get("reasonEn")).isNotBlank();
    }

    /** The upgrade path: one class at a time, arrears cleared, observation over, a run of normal repayment. */
    @ParameterizedTest(name = "{0} days, observation over {1}, {2} up from {3} after {4} months: {5}")
    @CsvSource({"5, true, 1, SUBSTANDARD, 12, false", "0, false, 1, SPECIAL_MENTION, 12, false", "0, true, 0, NORMAL, 12, false",
            "0, true, 2, DOUBTFUL, 12, false", "0, true, 1, SUBSTANDARD, 5, false", "0, true, 1, SPECIAL_MENTION, 2, false",
            "0, true, 1, SUBSTANDARD, 6, true", "0, true, 1, SPECIAL_MENTION, 3, true"})
    void anUpgradeNeedsItsConditions(int days, boolean observationOver, int steps, String current, int months, boolean allowed) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("daysOverdue", days);
        inputs.put("observationOver", observationOver);
        inputs.put("steps", steps);
        inputs.put("currentClassification", current);
        inputs.put("monthsSinceOverdue", months);
        Map<String, Object> row = RULES.evaluateSingle("classification-upgrade", inputs);
        assertThat(row.get("allowed")).isEqualTo(allowed);
        assertThat((String) row.get("reasonZh")).matches("\\p{IsHan}.*");
    }

    @Test
    void everyEventTypeHasAFloorAndARoute() {
        for (String type : cn.smartfactory.lending.monitoring.LoanEventType.names()) {
            assertThat(RULES.evaluateSingle("loan-classification-by-event", Map.of("eventType", type))).as(type).isNotNull();
            if (!type.equals("REPAID_IN_FULL")) {
                assertThat(RULES.evaluateSingle("warning-routing", Map.of("eventType", type))).as(type).isNotNull();
            }
        }
    }

    @AfterAll
    static void everyPostLoanRuleWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}
