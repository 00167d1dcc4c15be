package cn.smartfactory.lending.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.smartfactory.lending.decision.RuleCoverage;

/** Every rule of processes/station-sla.dmn, and a due date for every human task of the line, of monitoring and of the accountability review. */
class StationSlaTableTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/station-sla.dmn");
    private static final StationSla SLA = new StationSla(COVERAGE.rules());

    @ParameterizedTest(name = "{0} {1} product {2} route {3}: {4} h, lead {5}")
    @CsvSource({
            "loan-origination, Task_InvestigateOnSite, MORTGAGE, , 24, managers",
            "loan-origination, Task_InvestigateOnSite, CREDIT, , 16, managers",
            "loan-origination, Task_QueryCreditBureau, CREDIT, , 4, managers",
            "loan-origination, Task_SupplementInvestigation, GUARANTEED, , 8, managers",
            "loan-origination, Task_ApproveSingle, CREDIT, SINGLE_APPROVER, 8, risk-managers",
            "loan-origination, Task_ApproveFirstSignature, CREDIT, DUAL_SIGNATURE, 8, risk-managers",
            "loan-origination, Task_ApproveSecondSignature, CREDIT, DUAL_SIGNATURE, 8, risk-managers",
            "loan-origination, Task_CommitteeVote, MORTGAGE, CREDIT_COMMITTEE, 24, risk-managers",
            "loan-origination, Task_CommitteeVote, CREDIT, DUAL_SIGNATURE, 32, risk-managers",
            "loan-origination, Task_SignContract, CREDIT, , 16, managers",
            "loan-origination, Task_Disburse, CREDIT, , 8, managers",
            "post-loan-monitoring, Task_PeriodicCheck, CREDIT, , 40, risk-managers",
            "post-loan-monitoring, Task_HandleWarning, CREDIT, , 16, risk-managers",
            "post-loan-monitoring, Task_FollowUpLateCheck, CREDIT, , 8, risk-managers",
            "post-loan-monitoring, Task_ReviewHighRiskLoan, CREDIT, , 16, risk-managers",
            "post-loan-monitoring, Task_SendPaymentReminder, CREDIT, , 8, risk-managers",
            "post-loan-monitoring, Task_VisitBorrower, CREDIT, , 24, risk-managers",
            "post-loan-monitoring, Task_EscalateCollection, CREDIT, , 16, risk-managers",
            "post-loan-monitoring, Task_ReferToLegal, CREDIT, , 40, risk-managers",
            "post-loan-monitoring, Task_DecideWriteOff, CREDIT, , 40, risk-managers",
            "post-loan-monitoring, Task_ConfirmClosingBalance, CREDIT, , 8, risk-managers",
            "post-loan-monitoring, Task_ApproveClosing, CREDIT, , 8, risk-managers",
            "marketing-campaign, Task_ReviewCampaign, , , 40, marketing-operations",
            "overdue-follow-up, Task_FollowUpOverdueTask, , , 8, ",
            "npl-accountability-review, Task_GiveStatement, , , 40, risk-managers",
            "npl-accountability-review, Task_ProposeDetermination, , , 40, managers",
            "npl-accountability-review, Task_ConfirmDetermination, , , 16, managers",
            "classification-upgrade, Task_ConfirmUpgrade, , , 16, managers"})
    void workingHoursAndLeadPerStation(String process, String station, String product, String route, int hours, String lead) {
        StationSla.Level level = SLA.of(process, station, product, route);
        assertThat(level.workingHours()).isEqualTo(hours);
        assertThat(level.leadGroup()).isEqualTo(lead);
        assertThat(level.leadUsers()).isEmpty();
    }

    @Test
    void aStationTheTableDoesNotTimeHasNoDueDate() {
        assertThat(SLA.of("marketing-lead", "Task_Outreach", null, null).timed())
                .as("outreach follows the customer's follow-up dates").isFalse();
        assertThat(SLA.of("loan-origination", "Task_Unknown", null, null).timed()).isFalse();
    }

    @Test
    void everyHumanTaskOfTheLineAndOfMonitoringIsTimedAndLed() throws Exception {
        for (String process : List.of("loan-origination", "post-loan-monitoring", "npl-accountability-review",
                "classification-upgrade")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/" + process + ".bpmn")) {
                var model = Bpmn.readModelFromStream(in);
                String key = model.getModelElementsByType(Process.class).iterator().next().getId();
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    StationSla.Level level = SLA.of(key, task.getId(), "CREDIT", null);
                    assertThat(level.timed()).as("%s %s has a due date", key, task.getId()).isTrue();
                    assertThat(level.leadGroup()).as("%s %s has a lead", key, task.getId()).isNotBlank();
                }
            }
        }
    }

    @AfterAll
    static void everyRuleWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}
