package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/risk-flags.dmn at its threshold and just past it. */
class FlagAndKnockoutTablesTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/risk-flags.dmn");
    private static final DecisionRules RULES = COVERAGE.rules();

    @ParameterizedTest(name = "sales deviation {0} raises {1}")
    @CsvSource(nullValues = "none", value = {"0.2, none", "0.2001, SALES_INCONSISTENT:SOFT", "0.5, SALES_INCONSISTENT:SOFT",
            "0.5001, SALES_INCONSISTENT:HARD"})
    void salesDeviationFlagTurnsHardAboveFiftyPercent(BigDecimal deviation, String expected) {
        assertThat(flags(deviation, BigDecimal.ZERO, new BigDecimal("2000")))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "equity deviation {0} raises {1}")
    @CsvSource(nullValues = "none", value = {"0.2, none", "0.2001, EQUITY_GAP:SOFT"})
    void equityGapAboveTwentyPercent(BigDecimal deviation, String expected) {
        assertThat(flags(BigDecimal.ZERO, deviation, new BigDecimal("2000")))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    /** The norm is the region's (reference data); the table compares the declaration per person with it. */
    @ParameterizedTest(name = "household spending {0} per person against a norm of {1} raises {2}")
    @CsvSource(nullValues = "none", value = {"800, 800, none", "799.99, 800, EXPENSES_IMPLAUSIBLE:SOFT",
            "0, 800, EXPENSES_IMPLAUSIBLE:SOFT", "1000, 1200, EXPENSES_IMPLAUSIBLE:SOFT", "1200, 1200, none"})
    void householdSpendingBelowTheRegionsNormIsImplausible(BigDecimal perPerson, BigDecimal norm, String expected) {
        assertThat(RULES.evaluate("cross-validation-flags", Map.of("salesDeviation", BigDecimal.ZERO, "equityDeviation",
                        BigDecimal.ZERO, "householdExpensePerPerson", perPerson, "householdExpenseNorm", norm,
                        "undeclaredDebt", BigDecimal.ZERO)).stream().map(r -> r.get("flag") + ":" + r.get("severity")).toList())
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    /** The tolerance is applied before the table (reference data): any undeclared debt it receives is flagged. */
    @ParameterizedTest(name = "undeclared debt {0} raises {1}")
    @CsvSource(nullValues = "none", value = {"0, none", "0.01, UNDECLARED_DEBT:SOFT", "100000, UNDECLARED_DEBT:SOFT",
            "100000.01, UNDECLARED_DEBT:HARD", "620000, UNDECLARED_DEBT:HARD"})
    void undeclaredDebtTurnsHardAboveOneHundredThousand(BigDecimal undeclared, String expected) {
        assertThat(RULES.evaluate("cross-validation-flags", Map.of("salesDeviation", BigDecimal.ZERO, "equityDeviation",
                        BigDecimal.ZERO, "householdExpensePerPerson", new BigDecimal("2000"), "householdExpenseNorm", new BigDecimal("800"),
                        "undeclaredDebt", undeclared))
                .stream().map(r -> r.get("flag") + ":" + r.get("severity")).toList())
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "stressed DSR {0}, no income {1} raises {2}")
    @CsvSource(nullValues = "none", value = {"1, false, none", "1.0001, false, STRESS_REPAYMENT:SOFT",
            "none, true, STRESS_REPAYMENT:SOFT", "0.5, false, none"})
    void repaymentUnderTheIndustrysStress(BigDecimal stressedDsr, boolean noIncome, String expected) {
        Map<String, Object> inputs = new HashMap<>(Map.of("salesDeviation", BigDecimal.ZERO, "equityDeviation", BigDecimal.ZERO,
                "householdExpensePerPerson", new BigDecimal("2000"), "householdExpenseNorm", new BigDecimal("800"),
                "undeclaredDebt", BigDecimal.ZERO, "stressLeavesNoIncome", noIncome));
        inputs.put("stressedDebtServiceRatio", stressedDsr);
        assertThat(RULES.evaluate("cross-validation-flags", inputs).stream().map(r -> r.get("flag") + ":" + r.get("severity"))
                .toList()).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    /** A guarantor in a mutual or joint guarantee group is a soft flag; a member in default makes it hard. */
    @ParameterizedTest(name = "guarantee group {0}, member in default {1} raises {2}")
    @CsvSource(nullValues = "none", value = {"none, none, none", "NONE, none, none", "MUTUAL, false, GUARANTEE_CHAIN:SOFT",
            "JOINT, false, GUARANTEE_CHAIN:SOFT", "MUTUAL, true, GUARANTEE_CHAIN:HARD", "JOINT, true, GUARANTEE_CHAIN:HARD"})
    void aGuarantorsGuaranteeGroup(String chain, Boolean memberInDefault, String expected) {
        Map<String, Object> inputs = new HashMap<>(Map.of("salesDeviation", BigDecimal.ZERO, "equityDeviation", BigDecimal.ZERO,
                "householdExpensePerPerson", new BigDecimal("2000"), "householdExpenseNorm", new BigDecimal("800"),
                "undeclaredDebt", BigDecimal.ZERO, "stressLeavesNoIncome", false, "stressedDebtServiceRatio", BigDecimal.ONE));
        inputs.put("guaranteeChain", chain);
        inputs.put("chainMemberInDefault", memberInDefault);
        List<Map<String, Object>> rows = RULES.evaluate("cross-validation-flags", inputs);
        assertThat(rows.stream().map(r -> r.get("flag") + ":" + r.get("severity")).toList())
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
        assertThat(rows).allSatisfy(row -> assertThat((String) row.get("reasonZh")).contains("担保圈"));
    }

    @ParameterizedTest(name = "guarantor income {0} × the instalment raises {1}")
    @CsvSource(nullValues = "none", value = {"none, none", "1, none", "0.9999, GUARANTOR_INCOME_SHORT:SOFT", "3, none"})
    void aGuarantorWhoEarnsLessThanTheInstalment(BigDecimal cover, String expected) {
        Map<String, Object> inputs = new HashMap<>(Map.of("salesDeviation", BigDecimal.ZERO, "equityDeviation", BigDecimal.ZERO,
                "householdExpensePerPerson", new BigDecimal("2000"), "householdExpenseNorm", new BigDecimal("800"),
                "undeclaredDebt", BigDecimal.ZERO, "stressLeavesNoIncome", false, "stressedDebtServiceRatio", BigDecimal.ONE));
        inputs.put("guarantorIncomeCover", cover);
        assertThat(RULES.evaluate("cross-validation-flags", inputs).stream().map(r -> r.get("flag") + ":" + r.get("severity"))
                .toList()).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void everyFlagCarriesBilingualReasons() {
        List<Map<String, Object>> rows = RULES.evaluate("cross-validation-flags", Map.of("salesDeviation", 0.6,
                "equityDeviation", 0.6, "householdExpensePerPerson", 10, "householdExpenseNorm", 800, "undeclaredDebt", 5000));
        assertThat(rows).hasSize(4).allSatisfy(row -> {
            assertThat((String) row.get("reasonZh")).isNotBlank();
            assertThat((String) row.get("reasonEn")).isNotBlank();
        });
    }

    @Test
    void cleanApplicantHasNoKnockout() {
        assertThat(knockouts(clean())).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} knocks out with {2}")
    @CsvSource(nullValues = "none", value = {
            "bureauCurrentOverdue, true, BUREAU_CURRENT_OVERDUE", "blacklisted, true, BLACKLISTED",
            "age, 17, AGE_OUT_OF_RANGE", "age, 18, none", "age, 65, none", "age, 66, AGE_OUT_OF_RANGE",
            "salesDeviation, 0.5, none", "salesDeviation, 0.5001, SALES_DEVIATION_SEVERE",
            "existingDebtServiceRatio, 1, none", "existingDebtServiceRatio, 1.0001, EXISTING_DSR_ABOVE_100",
            "disposableIncome, 0.01, none", "disposableIncome, 0, NO_REPAYMENT_CAPACITY",
            "disposableIncome, -500, NO_REPAYMENT_CAPACITY",
            "usableSalesEstimates, 2, none", "usableSalesEstimates, 1, INSUFFICIENT_SALES_EVIDENCE",
            "usableSalesEstimates, 0, INSUFFICIENT_SALES_EVIDENCE"})
    void eachKnockoutFiresAtItsThreshold(String variable, String value, String expected) {
        Map<String, Object> inputs = clean();
        inputs.put(variable, switch (variable) {
            case "bureauCurrentOverdue", "blacklisted" -> Boolean.valueOf(value);
            case "age", "usableSalesEstimates" -> Integer.valueOf(value);
            default -> new BigDecimal(value);
        });
        assertThat(knockouts(inputs)).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @AfterAll
    static void everyRuleOfFlagsAndKnockoutsWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }

    private static Map<String, Object> clean() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("bureauCurrentOverdue", false);
        inputs.put("blacklisted", false);
        inputs.put("age", 40);
        inputs.put("salesDeviation", new BigDecimal("0.1"));
        inputs.put("existingDebtServiceRatio", new BigDecimal("0.3"));
        inputs.put("disposableIncome", new BigDecimal("10000"));
        inputs.put("usableSalesEstimates", 3);
        return inputs;
    }

    private static List<String> knockouts(Map<String, Object> inputs) {
        return RULES.evaluate("risk-knockouts", inputs).stream().map(r -> (String) r.get("knockout")).toList();
    }

    private static List<String> flags(BigDecimal sales, BigDecimal equity, BigDecimal perPerson) {
        return RULES.evaluate("cross-validation-flags", Map.of("salesDeviation", sales, "equityDeviation", equity,
                        "householdExpensePerPerson", perPerson, "householdExpenseNorm", new BigDecimal("800"),
                        "undeclaredDebt", BigDecimal.ZERO)).stream()
                .map(r -> r.get("flag") + ":" + r.get("severity")).toList();
    }
}
