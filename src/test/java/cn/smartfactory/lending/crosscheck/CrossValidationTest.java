package cn.smartfactory.lending.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

class CrossValidationTest {

    private static final CrossValidation CHECKS = new CrossValidation(IndustryCatalog.fromClasspath());
    private static final String RETAIL = "3-retail-store";

    @Test
    void verifiedSalesAreTheMedianOfThreeIndependentEstimates() {
        SalesVerification sales = CHECKS.verifySales(WorkedCases.load(RETAIL));
        // S_b 96,000; S_p 78,000 / (1 - 0.22) = 100,000; S_o 3,600 x 0.95 x 30 = 102,600
        assertThat(sales.estimates()).extracting(SalesEstimate::source, e -> e.monthlySales() == null ? null
                : e.monthlySales().stripTrailingZeros().toPlainString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SalesSource.DECLARED, "100000"),
                org.assertj.core.groups.Tuple.tuple(SalesSource.BANK_STATEMENTS, "96000"),
                org.assertj.core.groups.Tuple.tuple(SalesSource.PURCHASES, "100000"),
                org.assertj.core.groups.Tuple.tuple(SalesSource.OPERATIONAL_DRIVER, "102600"));
        assertThat(sales.verifiedMonthlySales()).isEqualByComparingTo("100000");
        assertThat(sales.usableEstimates()).isEqualTo(3);
        assertThat(sales.deviation()).isEqualByComparingTo("0");
    }

    @Test
    void withTwoEstimatesTheMedianIsTheirMean() {
        InvestigationRecord r = WorkedCases.mutate(RETAIL, t -> t.remove("driverInputs"));
        SalesVerification sales = CHECKS.verifySales(r);
        assertThat(sales.usableEstimates()).isEqualTo(2);
        assertThat(sales.verifiedMonthlySales()).isEqualByComparingTo("98000");
        assertThat(sales.deviation()).isEqualByComparingTo("0.0204"); // |100,000 - 98,000| / 98,000
    }

    @Test
    void statementsShorterThanThePolicyMinimumDoNotCount() {
        InvestigationRecord r = WorkedCases.mutate(RETAIL, t -> {
            ArrayNode inflows = (ArrayNode) t.get("bankInflows");
            while (inflows.size() > 5) {
                inflows.remove(0);
            }
        });
        SalesVerification sales = CHECKS.verifySales(r);
        SalesEstimate statements = sales.estimates().get(1);
        assertThat(statements.usable()).isFalse();
        assertThat(statements.basisEn()).contains("5 month(s)").contains("6 needed");
        assertThat(sales.usableEstimates()).isEqualTo(2);
        assertThat(sales.verifiedMonthlySales()).isEqualByComparingTo("101300"); // (100,000 + 102,600) / 2
    }

    @Test
    void onlyTheLatestTwelveMonthsOfStatementsAreAveraged() {
        InvestigationRecord r = WorkedCases.mutate(RETAIL, t -> {
            ArrayNode inflows = (ArrayNode) t.get("bankInflows");
            inflows.insertObject(0).put("month", "2025-09").put("amount", 9_000_000);
            inflows.insertObject(0).put("month", "2025-10").put("amount", 9_000_000);
        });
        assertThat(CHECKS.verifySales(r).estimates().get(1).monthlySales()).isEqualByComparingTo("96000");
    }

    @Test
    void oneUsableEstimateKnocksTheCaseOutInsteadOfGuessing() {
        InvestigationRecord r = WorkedCases.mutate(RETAIL, t -> {
            t.remove("driverInputs");
            ArrayNode inflows = (ArrayNode) t.get("bankInflows");
            while (inflows.size() > 3) {
                inflows.remove(0);
            }
        });
        RiskAssessment assessment = RiskEngine.standalone().assess(r);
        assertThat(assessment.sales().usableEstimates()).isEqualTo(1);
        assertThat(assessment.knockouts()).extracting(k -> k.code()).contains("INSUFFICIENT_SALES_EVIDENCE");
        assertThat(assessment.suggestion().code()).isEqualTo("DECLINE");
        assertThat(assessment.creditLimit().suggested()).isEqualByComparingTo("0");
    }

    @Test
    void driverGivingNoSalesIsNotUsed() {
        InvestigationRecord r = WorkedCases.mutate(RETAIL,
                t -> ((ObjectNode) t.get("driverInputs")).put("openingDaysPerMonth", 0));
        SalesEstimate driver = CHECKS.verifySales(r).estimates().get(3);
        assertThat(driver.usable()).isFalse();
        assertThat(driver.monthlySales()).isNull();
    }

    @Test
    void equityReconciliationComparesHistoryWithTheBalanceSheet() {
        InvestigationRecord r = WorkedCases.load(RETAIL);
        EquityReconciliation equity = CHECKS.reconcileEquity(r, new BigDecimal("315000"));
        assertThat(equity.expectedEquity()).isEqualByComparingTo("310000"); // 150,000 + 300,000 - 140,000
        assertThat(equity.deviation()).isEqualByComparingTo("0.0161");      // 5,000 / 310,000
    }

    @Test
    void zeroExpectedEquityGivesZeroOrFullDeviation() {
        InvestigationRecord r = WorkedCases.mutate(RETAIL, t -> ((ObjectNode) t.get("equityHistory"))
                .put("openingEquity", 0).put("accumulatedProfit", 0).put("privateWithdrawals", 0));
        assertThat(CHECKS.reconcileEquity(r, BigDecimal.ZERO).deviation()).isEqualByComparingTo("0");
        assertThat(CHECKS.reconcileEquity(r, new BigDecimal("1000")).deviation()).isEqualByComparingTo("1");
    }

    @Test
    void householdSpendingIsCheckedPerPerson() {
        HouseholdCheck check = CHECKS.checkHousehold(WorkedCases.load("6-agriculture"));
        assertThat(check.expensePerPerson()).isEqualByComparingTo("375"); // 1,500 / 4
    }

    @Test
    void medianOfOddAndEvenLists() {
        assertThat(CrossValidation.median(List.of(new BigDecimal("1"), new BigDecimal("5"), new BigDecimal("9"))))
                .isEqualByComparingTo("5");
        assertThat(CrossValidation.median(List.of(new BigDecimal("1"), new BigDecimal("4")))).isEqualByComparingTo("2.5");
    }
}
