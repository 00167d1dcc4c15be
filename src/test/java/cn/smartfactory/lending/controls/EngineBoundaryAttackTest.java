package cn.smartfactory.lending.controls;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The attacks of {@link BoundaryAttacks} on the platform as shipped (H2, demo staff). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineBoundaryAttackTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private cn.smartfactory.lending.monitoring.LoanMonitoring monitoring;
    @Autowired
    private cn.smartfactory.lending.monitoring.LoanRegister register;
    private BoundaryAttacks attacks;

    @BeforeEach
    void attacker() {
        attacks = new BoundaryAttacks(rest, engine, monitoring, register);
    }

    @Test
    void startingMidProcessWithoutListenersIsRefused() {
        attacks.startingMidProcessWithoutListenersIsRefused();
    }

    @Test
    void startingWithFieldsNotOnTheStartFormIsRefused() {
        attacks.startingWithFieldsNotOnTheStartFormIsRefused();
    }

    @Test
    void processesWithoutAStartFormAreStartedByThePlatformOnly() {
        attacks.processesWithoutAStartFormAreStartedByThePlatformOnly();
    }

    @Test
    void approverCannotSetTheAmountsBesideTheForm() {
        attacks.approverCannotSetTheAmountsBesideTheForm();
    }

    @Test
    void candidatesCannotWriteVariablesOutsideAForm() {
        attacks.candidatesCannotWriteVariablesOutsideAForm();
    }

    @Test
    void staffCannotModifyRestartMigrateOrMessageProcesses() {
        attacks.staffCannotModifyRestartMigrateOrMessageProcesses();
    }

    @Test
    void staffCannotDeleteHistory() {
        attacks.staffCannotDeleteHistory();
    }

    @Test
    void tasksGoOnlyToMembersOfTheirCandidateGroups() {
        attacks.tasksGoOnlyToMembersOfTheirCandidateGroups();
    }

    @Test
    void secondSignerWhoSubmitsNothingIsRefused() {
        attacks.secondSignerWhoSubmitsNothingIsRefused();
    }

    @Test
    void filesAndObjectsAreNotFormValues() {
        attacks.filesAndObjectsAreNotFormValues();
    }

    @Test
    void userWithTwoRolesIsBoundByEveryRule() {
        attacks.userWithTwoRolesIsBoundByEveryRule();
    }

    @Test
    void decisionRecordIsAppendOnly() {
        attacks.decisionRecordIsAppendOnly();
    }

    @Test
    void postLoanEventsComeFromCoreBankingAndClosingTakesTwoPeople() {
        attacks.postLoanEventsComeFromCoreBankingAndClosingTakesTwoPeople();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        attacks.badInputIsRefusedNamingTheField();
    }

    @Test
    void concurrentCompletionsNeverAnswer500() throws Exception {
        attacks.concurrentCompletionsNeverAnswer500();
    }

    @Test
    void deployingCodeIsRefused() {
        attacks.deployingCodeIsRefused();
    }

    @Test
    void activatedChangesReachNewLoansOnly() throws Exception {
        attacks.activatedChangesReachNewLoansOnly();
    }

    @Test
    void tasklistSessionReadsTheReportButWritesNothingThroughTheApi() throws Exception {
        attacks.tasklistSessionReadsTheReportButWritesNothingThroughTheApi();
    }
}
