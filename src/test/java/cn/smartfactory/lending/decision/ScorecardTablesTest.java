package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.smartfactory.lending.scoring.Dimension;
import cn.smartfactory.lending.scoring.Indicator;

/** Every bin of processes/risk-scorecard.dmn, tested at its edges, plus the weights' structure. */
class ScorecardTablesTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/risk-scorecard.dmn");
    private static final DecisionRules RULES = COVERAGE.rules();

    @ParameterizedTest(name = "{0} with {1} = {2} scores {3} points")
    @CsvSource(nullValues = "null", value = {
            "AGE, age, 17, 0", "AGE, age, 18, 1", "AGE, age, 24, 1", "AGE, age, 25, 3", "AGE, age, 55, 3",
            "AGE, age, 56, 2", "AGE, age, 65, 2", "AGE, age, 66, 0",
            "YEARS_IN_INDUSTRY, yearsInIndustry, 1.9, 0", "YEARS_IN_INDUSTRY, yearsInIndustry, 2, 2",
            "YEARS_IN_INDUSTRY, yearsInIndustry, 4.9, 2", "YEARS_IN_INDUSTRY, yearsInIndustry, 5, 3",
            "YEARS_IN_INDUSTRY, yearsInIndustry, 9.9, 3", "YEARS_IN_INDUSTRY, yearsInIndustry, 10, 4",
            "OVERDUE_24M, overdueCount24Months, 0, 5", "OVERDUE_24M, overdueCount24Months, 1, 3",
            "OVERDUE_24M, overdueCount24Months, 2, 3", "OVERDUE_24M, overdueCount24Months, 3, 1",
            "OVERDUE_24M, overdueCount24Months, 5, 1", "OVERDUE_24M, overdueCount24Months, 6, 0",
            "INQUIRIES_6M, inquiries6Months, 0, 3", "INQUIRIES_6M, inquiries6Months, 2, 3",
            "INQUIRIES_6M, inquiries6Months, 3, 2", "INQUIRIES_6M, inquiries6Months, 4, 2",
            "INQUIRIES_6M, inquiries6Months, 5, 1", "INQUIRIES_6M, inquiries6Months, 6, 1",
            "INQUIRIES_6M, inquiries6Months, 7, 0",
            "LENDERS, lendersWithOutstanding, 0, 3", "LENDERS, lendersWithOutstanding, 1, 3",
            "LENDERS, lendersWithOutstanding, 2, 2", "LENDERS, lendersWithOutstanding, 3, 1",
            "LENDERS, lendersWithOutstanding, 4, 0",
            "YEARS_RESIDENT, yearsResidentLocally, 2.9, 0", "YEARS_RESIDENT, yearsResidentLocally, 3, 1",
            "YEARS_RESIDENT, yearsResidentLocally, 9.9, 1", "YEARS_RESIDENT, yearsResidentLocally, 10, 2",
            "YEARS_IN_OPERATION, yearsInOperation, 0.5, 0", "YEARS_IN_OPERATION, yearsInOperation, 1, 2",
            "YEARS_IN_OPERATION, yearsInOperation, 2.9, 2", "YEARS_IN_OPERATION, yearsInOperation, 3, 4",
            "YEARS_IN_OPERATION, yearsInOperation, 4.9, 4", "YEARS_IN_OPERATION, yearsInOperation, 5, 6",
            "EMPLOYEES, employees, 0, 1", "EMPLOYEES, employees, 1, 2", "EMPLOYEES, employees, 2, 2",
            "EMPLOYEES, employees, 3, 3",
            "SALES_GROWTH, salesGrowth, null, 2", "SALES_GROWTH, salesGrowth, -0.21, 0",
            "SALES_GROWTH, salesGrowth, -0.2, 2", "SALES_GROWTH, salesGrowth, -0.01, 2",
            "SALES_GROWTH, salesGrowth, 0, 6", "SALES_GROWTH, salesGrowth, 0.3, 6", "SALES_GROWTH, salesGrowth, 0.31, 4",
            "GROSS_MARGIN_BAND, grossMarginBandPosition, -0.51, 0", "GROSS_MARGIN_BAND, grossMarginBandPosition, -0.5, 3",
            "GROSS_MARGIN_BAND, grossMarginBandPosition, -0.01, 3", "GROSS_MARGIN_BAND, grossMarginBandPosition, 0, 5",
            "GROSS_MARGIN_BAND, grossMarginBandPosition, 0.01, 4", "GROSS_MARGIN_BAND, grossMarginBandPosition, 0.5, 4",
            "GROSS_MARGIN_BAND, grossMarginBandPosition, 0.51, 1",
            "DEBT_TO_ASSETS, debtToAssets, 0.3, 5", "DEBT_TO_ASSETS, debtToAssets, 0.31, 4",
            "DEBT_TO_ASSETS, debtToAssets, 0.5, 4", "DEBT_TO_ASSETS, debtToAssets, 0.51, 2",
            "DEBT_TO_ASSETS, debtToAssets, 0.7, 2", "DEBT_TO_ASSETS, debtToAssets, 0.71, 0",
            "CURRENT_RATIO, currentRatio, null, 4", "CURRENT_RATIO, currentRatio, 2, 4",
            "CURRENT_RATIO, currentRatio, 1.99, 3", "CURRENT_RATIO, currentRatio, 1.2, 3",
            "CURRENT_RATIO, currentRatio, 1.19, 1", "CURRENT_RATIO, currentRatio, 1, 1",
            "CURRENT_RATIO, currentRatio, 0.99, 0",
            "INVENTORY_DAYS_BAND, inventoryDaysBandPosition, null, 2", "INVENTORY_DAYS_BAND, inventoryDaysBandPosition, -1, 4",
            "INVENTORY_DAYS_BAND, inventoryDaysBandPosition, 0, 4", "INVENTORY_DAYS_BAND, inventoryDaysBandPosition, 0.01, 2",
            "INVENTORY_DAYS_BAND, inventoryDaysBandPosition, 0.5, 2", "INVENTORY_DAYS_BAND, inventoryDaysBandPosition, 0.51, 0",
            "RECEIVABLE_DAYS_BAND, receivableDaysBandPosition, -0.5, 3", "RECEIVABLE_DAYS_BAND, receivableDaysBandPosition, 0, 3",
            "RECEIVABLE_DAYS_BAND, receivableDaysBandPosition, 0.01, 2", "RECEIVABLE_DAYS_BAND, receivableDaysBandPosition, 0.5, 2",
            "RECEIVABLE_DAYS_BAND, receivableDaysBandPosition, 0.51, 1", "RECEIVABLE_DAYS_BAND, receivableDaysBandPosition, 1, 1",
            "RECEIVABLE_DAYS_BAND, receivableDaysBandPosition, 1.01, 0",
            "EQUITY_DEVIATION, equityDeviation, 0.1, 4", "EQUITY_DEVIATION, equityDeviation, 0.11, 2",
            "EQUITY_DEVIATION, equityDeviation, 0.2, 2", "EQUITY_DEVIATION, equityDeviation, 0.21, 1",
            "EQUITY_DEVIATION, equityDeviation, 0.4, 1", "EQUITY_DEVIATION, equityDeviation, 0.41, 0",
            "DEBT_SERVICE_RATIO, existingDebtServiceRatio, null, 0", "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0, 9",
            "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0.1, 9", "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0.1001, 6",
            "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0.25, 6", "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0.2501, 3",
            "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0.4, 3", "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0.4001, 1",
            "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0.6, 1", "DEBT_SERVICE_RATIO, existingDebtServiceRatio, 0.6001, 0",
            "INFLOW_COVERAGE, inflowCoverage, null, 0", "INFLOW_COVERAGE, inflowCoverage, 1.5, 6",
            "INFLOW_COVERAGE, inflowCoverage, 0.8, 6", "INFLOW_COVERAGE, inflowCoverage, 0.79, 4",
            "INFLOW_COVERAGE, inflowCoverage, 0.6, 4", "INFLOW_COVERAGE, inflowCoverage, 0.59, 2",
            "INFLOW_COVERAGE, inflowCoverage, 0.4, 2", "INFLOW_COVERAGE, inflowCoverage, 0.39, 0",
            "SALES_DEVIATION, salesDeviation, 0.1, 5", "SALES_DEVIATION, salesDeviation, 0.11, 3",
            "SALES_DEVIATION, salesDeviation, 0.2, 3", "SALES_DEVIATION, salesDeviation, 0.21, 1",
            "SALES_DEVIATION, salesDeviation, 0.5, 1", "SALES_DEVIATION, salesDeviation, 0.51, 0",
            "AMOUNT_TO_SALES, amountToAnnualSales, 0.1, 5", "AMOUNT_TO_SALES, amountToAnnualSales, 0.11, 4",
            "AMOUNT_TO_SALES, amountToAnnualSales, 0.2, 4", "AMOUNT_TO_SALES, amountToAnnualSales, 0.21, 2",
            "AMOUNT_TO_SALES, amountToAnnualSales, 0.3, 2", "AMOUNT_TO_SALES, amountToAnnualSales, 0.31, 0",
            "TOP3_CUSTOMERS, topCustomerShare, 0, 5", "TOP3_CUSTOMERS, topCustomerShare, 0.3, 5",
            "TOP3_CUSTOMERS, topCustomerShare, 0.31, 3", "TOP3_CUSTOMERS, topCustomerShare, 0.5, 3",
            "TOP3_CUSTOMERS, topCustomerShare, 0.51, 1", "TOP3_CUSTOMERS, topCustomerShare, 0.7, 1",
            "TOP3_CUSTOMERS, topCustomerShare, 0.71, 0",
            "TOP3_SUPPLIERS, topSupplierShare, 0.5, 5", "TOP3_SUPPLIERS, topSupplierShare, 0.51, 3",
            "TOP3_SUPPLIERS, topSupplierShare, 0.7, 3", "TOP3_SUPPLIERS, topSupplierShare, 0.71, 1",
            "TOP3_SUPPLIERS, topSupplierShare, 0.9, 1", "TOP3_SUPPLIERS, topSupplierShare, 0.91, 0"})
    void indicatorFallsInExactlyOneBin(Indicator indicator, String variable, BigDecimal value, int points) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(variable, value);
        assertThat(pointsOf(indicator, inputs)).containsExactly(points);
    }

    @ParameterizedTest(name = "premises owned={0}, lease {1} months scores {2} points")
    @CsvSource(nullValues = "null", value = {"true, null, 5", "false, 36, 4", "false, 35, 2", "false, 12, 2",
            "false, 11, 0", "false, 0, 0"})
    void premisesScoreOwnershipThenRemainingLease(boolean owned, Integer leaseMonths, int points) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("premisesOwned", owned);
        inputs.put("remainingLeaseMonths", leaseMonths);
        assertThat(pointsOf(Indicator.PREMISES, inputs)).containsExactly(points);
    }

    @ParameterizedTest(name = "total {0} is grade {1}")
    @CsvSource({"100, A", "80, A", "79, B", "70, B", "69, C", "60, C", "59, D", "50, D", "49, E", "0, E"})
    void gradeFollowsScoreBands(int total, String grade) {
        assertThat(RULES.evaluateSingle("risk-grade", Map.of("totalScore", total))).containsEntry("grade", grade);
    }

    @ParameterizedTest(name = "grade {0}, knocked out {1}, hard flag {2}, below minimum {3}, below the request {4} suggests {5}")
    @CsvSource({"A, true, false, false, false, DECLINE", "E, false, false, false, false, DECLINE",
            "D, false, false, false, false, REFER_TO_COMMITTEE", "D, false, false, false, true, REFER_TO_COMMITTEE",
            "A, false, true, false, false, REFER_TO_COMMITTEE", "C, false, true, false, false, REFER_TO_COMMITTEE",
            "A, false, true, false, true, REFER_TO_COMMITTEE",
            "C, false, false, false, false, APPROVE_WITH_CONDITIONS", "C, false, false, false, true, APPROVE_WITH_CONDITIONS",
            "A, false, false, false, false, APPROVE", "B, false, false, false, false, APPROVE",
            "A, false, false, false, true, APPROVE_WITH_CHANGES", "B, false, false, false, true, APPROVE_WITH_CHANGES",
            "A, false, false, true, true, DECLINE", "C, false, true, true, true, DECLINE"})
    void suggestionLetsKnockoutsAndHardFlagsOverrideTheGrade(String grade, boolean knockedOut, boolean hardFlag,
                                                            boolean belowMinimum, boolean belowRequest, String suggestion) {
        Map<String, Object> row = RULES.evaluateSingle("decision-suggestion", Map.of("grade", grade, "knockedOut",
                knockedOut, "hardFlag", hardFlag, "belowMinimum", belowMinimum, "belowRequest", belowRequest));
        assertThat(row).containsEntry("suggestion", suggestion);
        assertThat((String) row.get("suggestionZh")).isNotBlank();
        assertThat((String) row.get("suggestionEn")).isNotBlank();
    }

    /** Weights of RISK-MODEL.md §3: D1 20, D2 20, D3 25, D4 25, D5 10 = 100; one weight per indicator. */
    @Test
    void weightsAddUpToTheDimensionWeightsAndOneHundred() throws Exception {
        Map<String, Map<String, Integer>> weights = new TreeMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/risk-scorecard.dmn")) {
            for (Decision decision : Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)) {
                if (!decision.getId().startsWith("scorecard-")) {
                    continue;
                }
                DecisionTable table = (DecisionTable) decision.getExpression();
                List<Output> outputs = List.copyOf(table.getOutputs());
                int indicatorColumn = indexOf(outputs, "indicator");
                int weightColumn = indexOf(outputs, "maxPoints");
                Map<String, Integer> byIndicator = new TreeMap<>();
                for (Rule rule : table.getRules()) {
                    List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
                    String indicator = entries.get(indicatorColumn).getTextContent().replace("\"", "");
                    int weight = Integer.parseInt(entries.get(weightColumn).getTextContent().trim());
                    Integer previous = byIndicator.put(indicator, weight);
                    assertThat(previous).as("weight of %s in %s", indicator, decision.getId()).isIn(null, weight);
                }
                weights.put(decision.getId(), byIndicator);
            }
        }
        Map<Dimension, Integer> expected = Map.of(Dimension.D1_BORROWER, 20, Dimension.D2_OPERATIONS, 20,
                Dimension.D3_FINANCIALS, 25, Dimension.D4_CASH_FLOW, 25, Dimension.D5_CUSTOMER_BASE, 10);
        int total = 0;
        for (Dimension dimension : Dimension.values()) {
            Map<String, Integer> table = weights.get(dimension.decisionKey());
            List<String> indicators = java.util.Arrays.stream(Indicator.values())
                    .filter(i -> i.dimension() == dimension).map(Enum::name).sorted().toList();
            assertThat(table.keySet()).as("indicators in %s", dimension).containsExactlyElementsOf(indicators);
            int sum = table.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(sum).as("weight of %s", dimension).isEqualTo(expected.get(dimension));
            total += sum;
        }
        assertThat(total).isEqualTo(100);
        assertThat(Indicator.values()).hasSize(22);
    }

    @AfterAll
    static void everyRuleOfTheScorecardWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }

    private static List<Integer> pointsOf(Indicator indicator, Map<String, Object> inputs) {
        return RULES.evaluate(indicator.dimension().decisionKey(), inputs).stream()
                .filter(row -> indicator.name().equals(row.get("indicator")))
                .map(row -> ((Number) row.get("points")).intValue())
                .toList();
    }

    private static int indexOf(List<Output> outputs, String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getName())) {
                return i;
            }
        }
        throw new AssertionError("no output " + name);
    }
}
