package cn.smartfactory.lending.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvalidInvestigationException;
import cn.smartfactory.lending.limit.LimitConstraint.Kind;
import cn.smartfactory.lending.limit.RepaymentSchedule;
import cn.smartfactory.lending.product.RepaymentStructure;

/**
 * The repayment structure through the whole model: the limit is the structure's, the DSR counts its average month, the
 * schedule is in the assessment, and the structures a product does not offer are refused naming the field.
 */
class RepaymentStructureTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    /** Case 1 (FMCG) over 12 months, the money needed in the given month, repaid as given. */
    private static RiskAssessment fmcg(String structure, String drawdown) {
        return ENGINE.assess(WorkedCases.mutate("1-fmcg-wholesale", root -> {
            ObjectNode loan = (ObjectNode) root.get("loan");
            loan.put("termMonths", 12);
            loan.put("repaymentStructure", structure);
            loan.put("drawdownMonth", drawdown);
        }));
    }

    @Test
    void theDocumentedCasesAreRepaidInEqualInstalments() {
        RiskAssessment a = ENGINE.assess(WorkedCases.load("3-retail-store"));
        assertThat(a.schedule().structure()).isEqualTo(RepaymentStructure.EQUAL_INSTALMENT);
        assertThat(a.schedule().instalments()).hasSize(24);
        assertThat(a.schedule().instalments().get(0).month()).isEqualTo(YearMonth.of(2026, 12)); // drawdown 2026-11
        assertThat(a.schedule().principal()).isEqualByComparingTo(a.creditLimit().suggested());
        assertThat(a.schedule().instalments().get(0).payment()).isEqualByComparingTo(a.financials().newInstalment());
    }

    /**
     * The seasonal limit follows the cycle: drawn in November the first repayment falls in December, a peak month,
     * so the principal is repaid from the Spring Festival trade; drawn in February, the loan first sees six ordinary
     * months and its September peak carries more. The limit differs with the month, each month's own income counting.
     */
    @Test
    void aSeasonalLimitIsTheCyclesAndMovesWithTheDrawdownMonth() {
        RiskAssessment november = fmcg("SEASONAL", "2026-11");
        RiskAssessment february = fmcg("SEASONAL", "2027-02");
        var capacityNov = november.creditLimit().constraint(Kind.REPAYMENT_CAPACITY);
        var capacityFeb = february.creditLimit().constraint(Kind.REPAYMENT_CAPACITY);
        assertThat(capacityNov.amount()).isNotEqualByComparingTo(capacityFeb.amount());
        assertThat(capacityNov.basisZh()).contains("旺季还本按行业经营周期逐月计算", "累计可还款额不低于累计应还额");
        assertThat(capacityNov.basisEn()).contains("by the industry's business cycle");
        assertThat(november.schedule().instalments().stream().filter(i -> i.principal().signum() > 0)
                .map(i -> i.month().getMonthValue())).allMatch(m -> m == 1 || m == 2 || m == 9 || m == 12);
        // The DSR counts the schedule's average month at the requested amount.
        var plan = RiskEngine.plan(WorkedCases.mutate("1-fmcg-wholesale", root -> {
            ObjectNode loan = (ObjectNode) root.get("loan");
            loan.put("termMonths", 12);
            loan.put("repaymentStructure", "SEASONAL");
            loan.put("drawdownMonth", "2026-11");
        }), IndustryCatalog.fromClasspath().get("FMCG_WHOLESALE"));
        assertThat(november.financials().newInstalment()).isEqualByComparingTo(plan.monthlyDebtService(
                november.requestedAmount(), november.product().annualRate(), 12));
    }

    /**
     * A month's disposable income on the cycle: FMCG's peak months carry 45 % of the year's sales in 4 months, so a
     * peak month sells 0.45 × 12 ÷ 4 = 1.35 times the average month and the others 0.55 × 12 ÷ 8 = 0.825 times; the
     * gross profit moves with the sales, everything else stays.
     */
    @Test
    void aMonthsIncomeFollowsTheCycle() {
        RiskAssessment a = fmcg("SEASONAL", "2026-11");
        FinancialProfile f = a.financials();
        var byMonth = FinancialAnalysis.disposableByMonth(f, IndustryCatalog.fromClasspath().get("FMCG_WHOLESALE").cycle());
        BigDecimal grossProfit = f.monthlySales().multiply(f.grossMargin());
        BigDecimal january = f.disposableIncome().add(grossProfit.multiply(new BigDecimal("0.35")));
        BigDecimal march = f.disposableIncome().subtract(grossProfit.multiply(new BigDecimal("0.175")));
        assertThat(byMonth.apply(YearMonth.of(2027, 1)).subtract(january).abs()).isLessThan(new BigDecimal("0.02"));
        assertThat(byMonth.apply(YearMonth.of(2027, 3)).subtract(march).abs()).isLessThan(new BigDecimal("0.02"));
        assertThat(FinancialAnalysis.disposableByMonth(f, null).apply(YearMonth.of(2027, 1)))
                .isEqualByComparingTo(f.disposableIncome());
    }

    /** Interest-only: the balloon has to be earned within the term, so the capacity is below the annuity's. */
    @Test
    void aBalloonLendsLessThanEqualInstalmentsOnTheSameIncome() {
        BigDecimal equal = fmcg("EQUAL_INSTALMENT", "2026-11").creditLimit().constraint(Kind.REPAYMENT_CAPACITY).amount();
        BigDecimal balloon = fmcg("INTEREST_ONLY", "2026-11").creditLimit().constraint(Kind.REPAYMENT_CAPACITY).amount();
        assertThat(balloon).isLessThan(equal).isPositive();
        assertThat(fmcg("INTEREST_ONLY", "2026-11").schedule().largestPayment().number()).isEqualTo(12);
    }

    @Test
    void aStructureBeyondItsLongestTermOrWithoutACycleIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ENGINE.assess(WorkedCases.mutate("3-retail-store", root ->
                ((ObjectNode) root.get("loan")).put("repaymentStructure", "INTEREST_ONLY"))))
                .isInstanceOf(InvalidInvestigationException.class)
                .hasMessageContaining("loan.termMonths").hasMessageContaining("at most 12 months");
        assertThatThrownBy(() -> ENGINE.assess(WorkedCases.mutate("3-retail-store", root ->
                ((ObjectNode) root.get("loan")).remove("drawdownMonth"))))
                .isInstanceOf(InvalidInvestigationException.class).hasMessageContaining("loan.drawdownMonth");
    }

    /** An industry whose reference data has no cycle is not lent to seasonally: the data, not the code, decides. */
    @Test
    void aSeasonalScheduleNeedsTheIndustrysCycleInTheReferenceData() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        ObjectNode data = (ObjectNode) mapper.readTree(java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/resources/reference/risk-reference-data.json")));
        for (var industry : data.get("industries")) {
            if (industry.get("code").asText().equals("FMCG_WHOLESALE")) {
                ((ObjectNode) industry).remove("cycle");
            }
        }
        RiskEngine withoutCycle = new RiskEngine(IndustryCatalog.load(new java.io.ByteArrayInputStream(
                mapper.writeValueAsBytes(data))), cn.smartfactory.lending.decision.StandaloneDecisionRules.fromClasspath());
        var seasonal = WorkedCases.mutate("1-fmcg-wholesale", root -> {
            ObjectNode loan = (ObjectNode) root.get("loan");
            loan.put("termMonths", 12);
            loan.put("repaymentStructure", "SEASONAL");
        });
        assertThatThrownBy(() -> withoutCycle.assess(seasonal)).isInstanceOf(InvalidInvestigationException.class)
                .hasMessageContaining("loan.repaymentStructure").hasMessageContaining("business cycle");
        assertThat(ENGINE.assess(seasonal).schedule().structure()).isEqualTo(RepaymentStructure.SEASONAL);
        assertThat(new RepaymentSchedule.Plan(RepaymentStructure.INTEREST_ONLY, YearMonth.of(2027, 1), null).peakMonths())
                .isEmpty();
    }
}
