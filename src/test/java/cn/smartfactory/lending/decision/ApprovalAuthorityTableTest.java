package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.smartfactory.lending.approval.ApprovalAuthority;
import cn.smartfactory.lending.approval.ApprovalRoute;
import cn.smartfactory.lending.approval.ApprovalRoute.Route;

/**
 * Every rule of processes/approval-authority.dmn (RISK-MODEL.md §5), with and without the signing
 * approver's level (分层授权, docs/risk-model.md §5).
 */
class ApprovalAuthorityTableTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/approval-authority.dmn");
    private static final ApprovalAuthority AUTHORITY = new ApprovalAuthority(COVERAGE.rules());

    @ParameterizedTest(name = "{0} CNY, grade {1}, hard flag {2}, {3} flags, referral {4}, approver {6} goes to {5}")
    @CsvSource({
            "100000, A, false, 0, true, CREDIT_COMMITTEE, ",
            "100000, A, true, 1, false, CREDIT_COMMITTEE, ",
            "100000, D, false, 0, false, CREDIT_COMMITTEE, ",
            "100000, E, false, 0, false, CREDIT_COMMITTEE, ",
            "1000001, A, false, 0, false, CREDIT_COMMITTEE, ",
            "300000, A, false, 0, false, SINGLE_APPROVER, ",
            "300000, B, false, 0, false, SINGLE_APPROVER, ",
            "300001, A, false, 0, false, DUAL_SIGNATURE, ",
            "300000, A, false, 1, false, DUAL_SIGNATURE, ",
            "300000, C, false, 0, false, DUAL_SIGNATURE, ",
            "1000000, A, false, 0, false, DUAL_SIGNATURE, ",
            // 分层授权: the signing approver's level (empty when the loan is routed after scoring).
            "100000, A, false, 0, false, DUAL_SIGNATURE, WATCH",
            "300000, B, false, 0, false, SINGLE_APPROVER, JUNIOR",
            "500000, C, false, 1, false, SINGLE_APPROVER, SENIOR",
            "500001, A, false, 0, false, DUAL_SIGNATURE, SENIOR",
            "400000, A, false, 2, false, DUAL_SIGNATURE, SENIOR",
            "400000, D, false, 0, false, CREDIT_COMMITTEE, SENIOR",
            "400000, A, true, 1, false, CREDIT_COMMITTEE, SENIOR",
            "400000, A, false, 0, true, CREDIT_COMMITTEE, SENIOR",
            "1000001, A, false, 0, false, CREDIT_COMMITTEE, SENIOR",
            "400000, B, false, 1, false, DUAL_SIGNATURE, INTERMEDIATE"})
    void routesByAmountGradeFlagsAndTheApproversLevel(BigDecimal amount, String grade, boolean hardFlag, int flags,
                                                      boolean referral, Route expected, String approverLevel) {
        ApprovalRoute route = AUTHORITY.route(amount, grade, "CREDIT", hardFlag, flags, referral, approverLevel);
        assertThat(route.route()).isEqualTo(expected);
        assertThat(route.reasonZh()).isNotBlank();
        assertThat(route.reasonEn()).isNotBlank();
    }

    @AfterAll
    static void everyAuthorityRuleWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}
