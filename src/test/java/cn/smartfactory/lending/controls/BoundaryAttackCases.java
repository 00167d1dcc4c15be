package cn.smartfactory.lending.controls;

import org.junit.jupiter.api.Test;

/**
 * Every attack of {@link BoundaryAttacks}, one test each, for the database a subclass starts the
 * platform on (H2 in {@code EngineBoundaryAttackTest}, PostgreSQL in
 * {@code EngineBoundaryAttackPostgresIT}).
 */
abstract class BoundaryAttackCases {

    abstract BoundaryAttacks attacks();

    @Test
    void startingMidProcessWithoutListenersIsRefused() {
        attacks().startingMidProcessWithoutListenersIsRefused();
    }

    @Test
    void startingWithFieldsNotOnTheStartFormIsRefused() {
        attacks().startingWithFieldsNotOnTheStartFormIsRefused();
    }

    @Test
    void processesWithoutAStartFormAreStartedByThePlatformOnly() {
        attacks().processesWithoutAStartFormAreStartedByThePlatformOnly();
    }

    @Test
    void approverCannotSetTheAmountsBesideTheForm() {
        attacks().approverCannotSetTheAmountsBesideTheForm();
    }

    @Test
    void candidatesCannotWriteVariablesOutsideAForm() {
        attacks().candidatesCannotWriteVariablesOutsideAForm();
    }

    @Test
    void staffCannotModifyRestartMigrateOrMessageProcesses() {
        attacks().staffCannotModifyRestartMigrateOrMessageProcesses();
    }

    @Test
    void staffCannotDeleteHistory() {
        attacks().staffCannotDeleteHistory();
    }

    @Test
    void tasksGoOnlyToMembersOfTheirCandidateGroups() {
        attacks().tasksGoOnlyToMembersOfTheirCandidateGroups();
    }

    @Test
    void seeingATaskThroughTheProcessGrantIsNotWorkingIt() {
        attacks().seeingATaskThroughTheProcessGrantIsNotWorkingIt();
    }

    @Test
    void secondSignerWhoSubmitsNothingIsRefused() {
        attacks().secondSignerWhoSubmitsNothingIsRefused();
    }

    @Test
    void filesAndObjectsAreNotFormValues() {
        attacks().filesAndObjectsAreNotFormValues();
    }

    @Test
    void userWithTwoRolesIsBoundByEveryRule() {
        attacks().userWithTwoRolesIsBoundByEveryRule();
    }

    @Test
    void decisionRecordIsAppendOnly() {
        attacks().decisionRecordIsAppendOnly();
    }

    @Test
    void postLoanEventsComeFromCoreBankingAndClosingTakesTwoPeople() {
        attacks().postLoanEventsComeFromCoreBankingAndClosingTakesTwoPeople();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        attacks().badInputIsRefusedNamingTheField();
    }

    @Test
    void concurrentCompletionsNeverAnswer500() throws Exception {
        attacks().concurrentCompletionsNeverAnswer500();
    }

    @Test
    void deployingCodeIsRefused() {
        attacks().deployingCodeIsRefused();
    }

    @Test
    void activatedChangesReachNewLoansOnly() throws Exception {
        attacks().activatedChangesReachNewLoansOnly();
    }

    @Test
    void tasklistSessionReadsTheReportButWritesNothingThroughTheApi() throws Exception {
        attacks().tasklistSessionReadsTheReportButWritesNothingThroughTheApi();
    }

    @Test
    void aLoanWithNoLendableAmountCannotBeApprovedButCanBeDeclined() {
        attacks().aLoanWithNoLendableAmountCannotBeApprovedButCanBeDeclined();
    }
}
