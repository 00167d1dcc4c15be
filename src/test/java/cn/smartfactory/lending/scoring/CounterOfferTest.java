package cn.smartfactory.lending.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.limit.LimitConstraint.Kind;

/**
 * The request no longer decides the grade or knocks a case out: the debt-service indicator and knockout look at the
 * instalments before this loan, and a request above what a constraint allows gets the suggested limit as a
 * counter-offer (docs/risk-model.md §4). The cases of the review: case 3 asking 210,000 and case 2 asking 190,000.
 */
class CounterOfferTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    private static RiskAssessment asking(String workedCase, int amount) {
        return ENGINE.assess(WorkedCases.mutate(workedCase, t -> ((ObjectNode) t.get("loan")).put("amount", amount)));
    }

    /**
     * Case 3 at 210,000: repayment capacity (9,000 × 60% − 880 = 4,520 a month at grade A's 6.6% over 24 months =
     * 101,364.70) binds; rounded down, 100,000 is offered instead of a limit of 0. Its instalment 4,459.15 makes the DSR
     * (880 + 4,459.15) / 9,000 = 59.32%, within grade A's cap of 60%.
     */
    @Test
    void tooLargeARequestGetsTheSupportableAmountInsteadOfADecline() {
        RiskAssessment a = asking("3-retail-store", 210_000);
        assertThat(a.knockouts()).isEmpty();
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo("100000");
        assertThat(a.suggestion().code()).isEqualTo(Suggestion.APPROVE_WITH_CHANGES);
        CounterOffer offer = a.counterOffer();
        assertThat(offer.amount()).isEqualByComparingTo("100000");
        assertThat(offer.requested()).isEqualByComparingTo("210000");
        assertThat(offer.binding()).isEqualTo(Kind.REPAYMENT_CAPACITY);
        assertThat(offer.reasonZh()).startsWith("申请金额 210,000 超过还款能力").endsWith("建议按 100,000 发放");
        assertThat(offer.reasonEn()).startsWith("the request of 210,000 is above the repayment capacity")
                .endsWith("100,000 can be lent");
        assertThat(offer.instalment()).isEqualByComparingTo("4459.15");
        assertThat(offer.debtServiceRatio()).isEqualByComparingTo("0.5932");
    }

    /**
     * Case 2 at 190,000: still grade A (only the request-to-sales indicator moves), so capacity is 7,000 × 60% − 1,500
     * = 2,700 a month at grade A's 5.4% over 36 months = 89,549.81; 80,000 is offered.
     */
    @Test
    void caseTwoAskingTooMuchIsOfferedEightyThousand() {
        RiskAssessment a = asking("2-catering", 190_000);
        assertThat(a.knockouts()).isEmpty();
        assertThat(a.grade()).isEqualTo("A");
        assertThat(a.counterOffer().amount()).isEqualByComparingTo("80000");
        assertThat(a.counterOffer().binding()).isEqualTo(Kind.REPAYMENT_CAPACITY);
    }

    /**
     * Asking more changes only the request-to-sales indicator: case 2 at 100,000 and at 190,000 score the same on the
     * other 21 indicators (before, the debt-service ratio of the request moved the grade).
     */
    @Test
    void theGradeDependsOnTheRequestOnlyThroughRequestToSales() {
        RiskAssessment modest = asking("2-catering", 100_000);
        RiskAssessment large = asking("2-catering", 190_000);
        for (Indicator indicator : Indicator.values()) {
            if (indicator != Indicator.AMOUNT_TO_SALES) {
                assertThat(large.indicator(indicator).points()).as(indicator.name())
                        .isEqualTo(modest.indicator(indicator).points());
            }
        }
        assertThat(large.indicator(Indicator.AMOUNT_TO_SALES).points())
                .isLessThan(modest.indicator(Indicator.AMOUNT_TO_SALES).points());
    }

    /** A request within every constraint is no counter-offer; neither is an amount below the product's minimum. */
    @Test
    void noCounterOfferWhenTheRequestFitsOrNothingCanBeLent() {
        RiskAssessment fits = ENGINE.assess(WorkedCases.load("3-retail-store"));
        assertThat(fits.counterOffer()).isNull();
        assertThat(fits.suggestion().code()).isEqualTo(Suggestion.APPROVE);

        // 100,500 fits every constraint (capacity 101,364.70); rounding it down to the unit is no counter-offer
        RiskAssessment unrounded = asking("3-retail-store", 100_500);
        assertThat(unrounded.creditLimit().binding()).isEqualTo(Kind.REQUESTED);
        assertThat(unrounded.creditLimit().suggested()).isEqualByComparingTo("100000");
        assertThat(unrounded.counterOffer()).isNull();
        assertThat(unrounded.suggestion().code()).isEqualTo(Suggestion.APPROVE);

        // household spending of 12,400 leaves 1,600 a month; after the 880 instalment at most 80 more (grade A's 60%
        // cap), a principal far below the product's minimum of 10,000
        RiskAssessment tooLittle = ENGINE.assess(WorkedCases.mutate("3-retail-store",
                t -> ((ObjectNode) t.get("household")).put("monthlyExpenses", 12_400)));
        assertThat(tooLittle.creditLimit().suggested()).isLessThan(tooLittle.product().minAmount());
        assertThat(tooLittle.counterOffer()).isNull();
        assertThat(tooLittle.suggestion().code()).isEqualTo(Suggestion.DECLINE);
    }

    /**
     * The knockout is on the instalments before this loan: case 5's 7,000 declared + 18,861.60 imputed against 22,000
     * of disposable income is 117.55%, and no new loan can be repaid.
     */
    @Test
    void instalmentsBeforeThisLoanAboveIncomeStillKnockOut() {
        RiskAssessment a = ENGINE.assess(WorkedCases.load("5-logistics"));
        assertThat(a.financials().existingDebtServiceRatio()).isEqualByComparingTo("1.1755");
        assertThat(a.knockouts()).extracting(Knockout::code).containsExactly("EXISTING_DSR_ABOVE_100");
        assertThat(a.counterOffer()).isNull();
        assertThat(List.of(a.suggestion().code())).containsExactly(Suggestion.DECLINE);
    }
}
