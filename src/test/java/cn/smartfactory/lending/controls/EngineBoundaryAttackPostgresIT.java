package cn.smartfactory.lending.controls;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * The attacks of {@link BoundaryAttacks} on PostgreSQL (database {@code lending_controls_it},
 * created fresh). Skipped, saying why, without a server; mandatory in CI.
 */
class EngineBoundaryAttackPostgresIT {

    static ConfigurableApplicationContext platform;
    static BoundaryAttacks attacks;

    @BeforeAll
    static void startOnPostgres() throws SQLException {
        PostgresTestServer.require("the PostgreSQL attack suite");
        PostgresTestServer.execute("DROP DATABASE IF EXISTS lending_controls_it", "CREATE DATABASE lending_controls_it");
        platform = PostgresTestServer.startPlatform(PostgresTestServer.database("lending_controls_it"));
        attacks = new BoundaryAttacks(PostgresTestServer.rest(platform), platform.getBean(ProcessEngine.class),
                platform.getBean(cn.smartfactory.lending.monitoring.LoanMonitoring.class),
                platform.getBean(cn.smartfactory.lending.monitoring.LoanRegister.class));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
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
