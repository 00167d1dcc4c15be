package cn.smartfactory.lending.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.approval.ApprovalRoute.Route;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * Declared debts against the bureau, the balance sheet and the liens (docs/risk-model.md §2 "Debts"), each rule with
 * its hand computation. The assumptions are the shipped reference data: tolerance CNY 10,000, imputed at 6 % a year
 * over 36 months, so one yuan of undeclared debt costs 0.005 / (1 − 1.005^−36) = 0.0304219 a month.
 */
class DebtCrossCheckTest {

    private static final CrossValidation CHECKS = new CrossValidation(IndustryCatalog.fromClasspath());
    private static final RiskEngine ENGINE = RiskEngine.standalone();

    private static InvestigationRecord retail(java.util.function.Consumer<ObjectNode> change) {
        return WorkedCases.mutate("3-retail-store", change);
    }

    /**
     * Worked case 3 as the review found it: the bureau lists a lender with 20,000 outstanding and nothing is declared.
     * Gap 20,000 > 10,000: imputed 20,000 × 0.0304219 = 608.44 a month; with this loan's 4,459.15 (grade A, 6.6%) the
     * DSR is (608.44 + 4,459.15) / 9,000 = 56.31 %; a SOFT flag, so no longer a single approver's case.
     */
    @Test
    void aBureauLoanNobodyDeclaredIsImputedAndFlagged() {
        InvestigationRecord undeclared = retail(t -> t.putArray("existingDebts"));

        DebtCrossCheck d = CHECKS.checkDebts(undeclared);
        assertThat(d.declaredOutstanding()).isEqualByComparingTo("0");
        assertThat(d.evidencedBy()).isEqualTo(DebtCrossCheck.Source.BUREAU);
        assertThat(d.gap()).isEqualByComparingTo("20000");
        assertThat(d.undeclaredDebt()).isEqualByComparingTo("20000");
        assertThat(d.imputedInstalment()).isEqualByComparingTo("608.44");
        assertThat(d.undeclaredLenders()).isEqualTo(1);

        RiskAssessment a = ENGINE.assess(undeclared);
        assertThat(a.financials().imputedInstalment()).isEqualByComparingTo("608.44");
        assertThat(a.financials().debtServiceRatio()).isEqualByComparingTo("0.5631");
        assertThat(a.flags()).extracting(f -> f.code() + ":" + f.severity()).containsExactly("UNDECLARED_DEBT:SOFT");
        assertThat(a.flags().get(0).evidence()).contains("credit bureau shows 20,000 against 0 declared",
                "1 lender(s) vs 0 declared", "20,000 undeclared", "608 a month");
        assertThat(a.approvalRoute().route()).isEqualTo(Route.DUAL_SIGNATURE);
        // declared, as worked case 3 now records it, nothing is imputed and one approver signs
        assertThat(ENGINE.assess(WorkedCases.load("3-retail-store")).approvalRoute().route()).isEqualTo(Route.SINGLE_APPROVER);
    }

    /** A gap up to the tolerance is shown but not imputed; one yuan more is. */
    @Test
    void theToleranceIsInclusive() {
        DebtCrossCheck atTolerance = CHECKS.checkDebts(retail(t -> ((ObjectNode) t.get("creditHistory"))
                .put("outstandingBalance", 30000)));
        assertThat(atTolerance.gap()).isEqualByComparingTo("10000");
        assertThat(atTolerance.undeclared()).isFalse();
        assertThat(atTolerance.imputedInstalment()).isEqualByComparingTo("0");

        DebtCrossCheck above = CHECKS.checkDebts(retail(t -> ((ObjectNode) t.get("creditHistory"))
                .put("outstandingBalance", 30000.01)));
        assertThat(above.undeclaredDebt()).isEqualByComparingTo("10000.01");
        assertThat(above.imputedInstalment()).isEqualByComparingTo("304.22"); // 10,000.01 × 0.0304219
    }

    /** The sources overlap, so the largest counts, not their sum; each can be the largest. */
    @Test
    void theLargestSourceIsTheDebtTheBorrowerHasAtLeast() {
        DebtCrossCheck balanceSheet = CHECKS.checkDebts(retail(t -> ((ObjectNode) t.get("balanceSheet"))
                .put("shortTermDebt", 50000).put("longTermDebt", 40000)));
        assertThat(balanceSheet.evidencedBy()).isEqualTo(DebtCrossCheck.Source.BALANCE_SHEET);
        assertThat(balanceSheet.evidencedDebt()).isEqualByComparingTo("90000");
        assertThat(balanceSheet.undeclaredDebt()).isEqualByComparingTo("70000"); // 90,000 − 20,000 declared

        // worked case 4 with a lien of 300,000 on the apartment: above the bureau's 250,000
        DebtCrossCheck liens = CHECKS.checkDebts(WorkedCases.mutate("4-light-manufacturing",
                t -> ((ObjectNode) t.get("collateral")).put("existingLiens", 300000)));
        assertThat(liens.evidencedBy()).isEqualTo(DebtCrossCheck.Source.COLLATERAL_LIENS);
        assertThat(liens.undeclaredDebt()).isEqualByComparingTo("150000"); // 300,000 − 150,000 declared

        // on a tie the bureau is named; a declaration at least as large as every source leaves no gap
        DebtCrossCheck tie = CHECKS.checkDebts(WorkedCases.mutate("4-light-manufacturing",
                t -> ((ObjectNode) t.get("balanceSheet")).put("shortTermDebt", 250000)));
        assertThat(tie.evidencedBy()).isEqualTo(DebtCrossCheck.Source.BUREAU);
        DebtCrossCheck declared = CHECKS.checkDebts(WorkedCases.load("1-fmcg-wholesale"));
        assertThat(declared.evidencedBy()).isEqualTo(DebtCrossCheck.Source.DECLARED);
        assertThat(declared.gap()).isEqualByComparingTo("0");
    }

    /**
     * Worked case 5: 800,000 of borrowing on the balance sheet and the bureau, 180,000 declared. 620,000 × 0.0304219 =
     * 18,861.60 a month; before this loan (7,000 + 18,861.60) / 22,000 = 117.55 %: declined, and the
     * flag is HARD (above 100,000). Before the cross-check it was approved with conditions at 130,000.
     */
    @Test
    void hiddenBankDebtKnocksOutWorkedCaseFive() {
        RiskAssessment a = ENGINE.assess(WorkedCases.load("5-logistics"));
        assertThat(a.debts().undeclaredDebt()).isEqualByComparingTo("620000");
        assertThat(a.financials().imputedInstalment()).isEqualByComparingTo("18861.60");
        assertThat(a.financials().existingDebtServiceRatio()).isEqualByComparingTo("1.1755");
        assertThat(a.knockouts()).extracting(k -> k.code()).containsExactly("EXISTING_DSR_ABOVE_100");
        assertThat(a.flags()).extracting(f -> f.code() + ":" + f.severity()).contains("UNDECLARED_DEBT:HARD");
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo("0");
    }

    /** The bureau's balance is required, never negative, and above 0 exactly when it lists lenders. */
    @Test
    void theBureauBalanceMustMatchItsLenders() {
        var validator = ENGINE.validator();
        assertThat(validator.validate(retail(t -> ((ObjectNode) t.get("creditHistory")).remove("outstandingBalance"))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("creditHistory.outstandingBalance", "REQUIRED"));
        assertThat(validator.validate(retail(t -> ((ObjectNode) t.get("creditHistory")).put("outstandingBalance", 0))))
                .extracting(Violation::rule).containsExactly("MATCHES_LENDERS");
        assertThat(validator.validate(retail(t -> ((ObjectNode) t.get("creditHistory"))
                .put("lendersWithOutstanding", 0).put("outstandingBalance", 5000))))
                .extracting(Violation::rule).containsExactly("MATCHES_LENDERS");
        assertThat(validator.validate(retail(t -> ((ObjectNode) t.get("creditHistory")).put("outstandingBalance", -1))))
                .extracting(Violation::rule).containsExactly("NOT_NEGATIVE");
        assertThat(cn.smartfactory.lending.origination.InvestigationVariables.bureauFormValues(
                WorkedCases.load("3-retail-store"))).containsEntry("bureauOutstandingBalance", 20000.0);
    }
}
