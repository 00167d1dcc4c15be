package cn.smartfactory.lending.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.approval.ApprovalRoute.Route;

/**
 * The stress test of docs/risk-model.md §4b: the amount offered under the industry's sales drop and, separately, its
 * margin drop (reference data), each figure by hand; a flag when either leaves the instalments above disposable income.
 */
class StressTestTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    /**
     * Case 3 (retail: sales −15 %, margin −3 points) at 100,000, instalment 4,459.15 at 6.6 %; debt service with the
     * declared 880 = 5,339.15. Sales 85,000 × 22 % = 18,700 − 12,000 expenses + 4,000 other income − 5,000 household =
     * 5,700 → 93.67 %; margin 19 %: 19,000 − 12,000 + 4,000 − 5,000 = 6,000 → 88.99 %. Both below 100 %: no flag, and
     * it stays a single approver's case.
     */
    @Test
    void aBorrowerWhoStillPaysUnderStressIsNotFlagged() {
        RiskAssessment a = ENGINE.assess(WorkedCases.load("3-retail-store"));
        StressTest s = a.stress();
        assertThat(s.amount()).isEqualByComparingTo("100000");
        assertThat(s.salesDisposable()).isEqualByComparingTo("5700");
        assertThat(s.salesDsr()).isEqualByComparingTo("0.9367");
        assertThat(s.marginDisposable()).isEqualByComparingTo("6000");
        assertThat(s.marginDsr()).isEqualByComparingTo("0.8899");
        assertThat(s.worstDsr()).isEqualByComparingTo("0.9367");
        assertThat(a.flags()).noneMatch(f -> f.code().equals("STRESS_REPAYMENT"));
        assertThat(a.approvalRoute().route()).isEqualTo(Route.SINGLE_APPROVER);
    }

    /**
     * Case 1 (FMCG wholesale, margin 12 %, −2 points) at the offered 300,000: 585,227.27 × 10 % = 58,522.73 − 42,000 +
     * 3,000 − 8,000 = 11,522.73; instalments 3,000 + 9,208.36 = 12,208.36 → 105.95 %: flagged, so two signatures. A thin
     * margin is what a wholesaler's price war takes first.
     */
    @Test
    void aThinMarginThatCannotTakeItsIndustrysSqueezeIsFlagged() {
        RiskAssessment a = ENGINE.assess(WorkedCases.load("1-fmcg-wholesale"));
        assertThat(a.stress().marginDisposable()).isEqualByComparingTo("11522.73");
        assertThat(a.stress().marginDsr()).isEqualByComparingTo("1.0595");
        assertThat(a.flags()).filteredOn(f -> f.code().equals("STRESS_REPAYMENT")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("gross margin −2.00% leaves 11,523, DSR 105.95%"));
        assertThat(a.approvalRoute().route()).isEqualTo(Route.DUAL_SIGNATURE);
    }

    /**
     * Case 2 (catering, sales −20 %): 96,000 × 55 % = 52,800 − 53,000 − 6,000 = −6,200, no income at all; the margin
     * scenario (−5 points) leaves 1,000 → (1,500 + 2,412.07) / 1,000 = 391.21 % — the review's example.
     */
    @Test
    void noIncomeUnderStressIsFlaggedToo() {
        RiskAssessment a = ENGINE.assess(WorkedCases.load("2-catering"));
        assertThat(a.stress().salesDisposable()).isEqualByComparingTo("-6200");
        assertThat(a.stress().salesDsr()).isNull();
        assertThat(a.stress().marginDsr()).isEqualByComparingTo("3.9121");
        assertThat(a.stress().worstDsr()).isNull();
        assertThat(a.flags()).extracting(Flag::code).contains("STRESS_REPAYMENT");
    }

    /**
     * The drops are the industry's data: the same case 1 with FMCG's margin drop set to 0 in the reference data passes
     * the margin scenario at the unchanged margin (58,522.73 becomes 70,227.27 of gross profit: 23,227.27 left, DSR
     * 52.56 %), and the flag is gone.
     */
    @Test
    void theScenarioIsTheIndustrysData() throws Exception {
        var catalog = cn.smartfactory.lending.industry.IndustryCatalog.fromClasspath();
        assertThat(catalog.get("AGRICULTURE").stress().salesDrop()).isEqualByComparingTo("0.25");
        assertThat(catalog.get("FMCG_WHOLESALE").stress().marginDrop()).isEqualByComparingTo("0.02");
        var root = (ObjectNode) WorkedCases.JSON.readTree(getClass().getResourceAsStream("/reference/risk-reference-data.json"));
        for (var industry : root.get("industries")) {
            if (industry.get("code").asText().equals("FMCG_WHOLESALE")) {
                ((ObjectNode) industry.get("stress")).put("marginDrop", 0);
            }
        }
        var noSqueeze = cn.smartfactory.lending.industry.IndustryCatalog.load(
                new java.io.ByteArrayInputStream(WorkedCases.JSON.writeValueAsBytes(root)));
        RiskAssessment a = new RiskEngine(noSqueeze, cn.smartfactory.lending.decision.StandaloneDecisionRules.fromClasspath())
                .assess(WorkedCases.load("1-fmcg-wholesale"));
        assertThat(a.stress().marginDisposable()).isEqualByComparingTo("23227.27");
        assertThat(a.stress().marginDsr()).isEqualByComparingTo("0.5256");
        assertThat(a.flags()).noneMatch(f -> f.code().equals("STRESS_REPAYMENT"));
    }
}
