package cn.smartfactory.lending.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.limit.LimitConstraint.Kind;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

class CreditLimitCalculatorTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    @Test
    void tieBetweenRequestAndProductCapNamesTheRequest() {
        var r = WorkedCases.mutate("1-fmcg-wholesale", t -> ((ObjectNode) t.get("loan")).put("amount", 300000));
        CreditLimit limit = ENGINE.assess(r).creditLimit();
        assertThat(limit.constraint(Kind.PRODUCT_CAP).amount()).isEqualByComparingTo("300000");
        assertThat(limit.binding()).isEqualTo(Kind.REQUESTED);
        assertThat(limit.suggested()).isEqualByComparingTo("300000");
    }

    @Test
    void limitIsRoundedDownToTheProductUnit() {
        CreditLimit limit = ENGINE.assess(WorkedCases.load("2-catering")).creditLimit();
        assertThat(limit.binding()).isEqualTo(Kind.REPAYMENT_CAPACITY);
        assertThat(limit.constraint(Kind.REPAYMENT_CAPACITY).amount()).isEqualByComparingTo("89549.81");
        assertThat(limit.suggested()).isEqualByComparingTo("80000");
    }

    @Test
    void collateralConstraintAppliesOnlyToProductsThatTakeCollateral() {
        assertThat(ENGINE.assess(WorkedCases.load("3-retail-store")).creditLimit().constraint(Kind.COLLATERAL)).isNull();
        CreditLimit mortgage = ENGINE.assess(WorkedCases.load("4-light-manufacturing")).creditLimit();
        assertThat(mortgage.constraint(Kind.COLLATERAL).amount()).isEqualByComparingTo("600000"); // 1M x 70% - 100k
        assertThat(mortgage.binding()).isEqualTo(Kind.COLLATERAL);
    }

    @Test
    void knockoutLeavesNoLimitButStillShowsEveryConstraint() {
        RiskAssessment a = ENGINE.assess(WorkedCases.load("6-agriculture"));
        assertThat(a.knockedOut()).isTrue();
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo("0");
        assertThat(a.creditLimit().constraints()).extracting(LimitConstraint::kind)
                .containsExactly(Kind.REQUESTED, Kind.REPAYMENT_CAPACITY, Kind.SALES_CAP, Kind.PRODUCT_CAP);
    }

    @Test
    void noSpareIncomeMeansNoRepaymentCapacity() {
        var r = WorkedCases.mutate("3-retail-store", t -> ((ObjectNode) t.get("household")).put("monthlyExpenses", 20000));
        RiskAssessment a = ENGINE.assess(r);
        assertThat(a.financials().disposableIncome()).isNegative();
        assertThat(a.creditLimit().constraint(Kind.REPAYMENT_CAPACITY).amount()).isEqualByComparingTo("0");
        assertThat(a.knockouts()).extracting(k -> k.code()).contains("NO_REPAYMENT_CAPACITY");
        assertThat(a.financials().debtServiceRatio()).isNull();
    }
}
