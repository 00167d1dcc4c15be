package cn.smartfactory.lending.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.accountability.Dossier.Sla;
import cn.smartfactory.lending.accountability.DossierAssembler.EventRow;
import cn.smartfactory.lending.accountability.DossierAssembler.TaskTiming;
import cn.smartfactory.lending.approval.ApprovalAuthority;
import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.monitoring.LoanRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.record.RecordEntry.Duty;

/**
 * Two bad loans' histories built by hand, and what the dossier and the preliminary finding must say about
 * each officer, worked out by hand.
 */
class DossierAssemblerTest {

    private static final DossierAssembler ASSEMBLER = new DossierAssembler(new ApprovalAuthority(StandaloneDecisionRules.fromClasspath()));
    private static final DueDiligenceStandards STANDARDS = new DueDiligenceStandards(StandaloneDecisionRules.fromClasspath(
            List.of("processes/due-diligence-standards.dmn")));
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    /**
     * A retail loan approved by one approver at 350,000 — above the 300,000 a single approver may sign for
     * grade B without flags — with a condition the contract was signed without; monitored by am1, who missed
     * a check and handled a warning late, and am2, who did a check late.
     */
    @Test
    void aSingleApproversLoanWithAConditionNotFulfilledAndMonitoringLate() {
        List<RecordEntry> entries = new ArrayList<>();
        entries.add(entry(Duty.INTAKE, "StartEvent", null, "am1", "APPLIED", "350000", null, null, null));
        entries.add(entry(Duty.INVESTIGATION, "Task_InvestigateOnSite", "t-inv", "inv1", "INVESTIGATED", null, null, null, null));
        entries.add(entry(Duty.SCORING, "Task_ScoreApplication", null, RecordEntry.PLATFORM, "APPROVE", "350000", "SINGLE_APPROVER", null,
                "binding=REQUESTED; flags=; knockouts=; salesEstimates=3"));
        entries.add(entry(Duty.APPROVAL, "Task_ApproveSingle", "t-apr", "apr1", "APPROVE_MODIFIED", "350000", "SINGLE_APPROVER",
                "同意", "approvalConditions=追加配偶共同还款 spouse co-signs"));
        entries.add(entry(Duty.CONTRACT, "Task_SignContract", "t-con", "ops2", "SIGNED", "350000", null, null,
                "contractNumber=C-1; conditionsFulfilled=false"));
        entries.add(entry(Duty.MONITORING_CHECK, "Task_PeriodicCheck", "c1", "am1", "NORMAL", null, null, null, null));
        entries.add(entry(Duty.MONITORING_CHECK, "Task_PeriodicCheck", "c2", "am2", "CONCERN", null, null, null, null));
        entries.add(entry(Duty.WARNING_HANDLING, "Task_HandleWarning", "w1", "am1", "VISITED", null, null, null, null));
        entries.add(entry(Duty.COLLECTION, "Task_SendPaymentReminder", "r1", "am1", "true", null, null, null, "reminderReached=true"));
        List<TaskTiming> tasks = List.of(
                timing("t-inv", "loan-origination", "Task_InvestigateOnSite", "inv1", "2026-03-01T01:00:00Z", "2026-03-03T01:00:00Z",
                        "2026-03-02T01:00:00Z", true),
                timing("c1", "post-loan-monitoring", "Task_PeriodicCheck", "am1", "2026-06-01T01:00:00Z", "2026-06-10T01:00:00Z",
                        "2026-06-05T01:00:00Z", true),
                timing("c2", "post-loan-monitoring", "Task_PeriodicCheck", "am2", "2026-07-01T01:00:00Z", "2026-07-10T01:00:00Z",
                        "2026-07-15T01:00:00Z", false),
                timing("c3", "post-loan-monitoring", "Task_PeriodicCheck", null, "2026-08-01T01:00:00Z", "2026-08-10T01:00:00Z",
                        null, null),
                timing("w1", "post-loan-monitoring", "Task_HandleWarning", "am1", "2026-09-01T02:00:00Z", "2026-09-04T01:00:00Z",
                        "2026-09-08T01:00:00Z", false));
        List<EventRow> events = List.of(new EventRow("E-1", "SALES_DROP", LocalDate.parse("2026-08-30"), Instant.parse("2026-09-01T02:00:00Z")),
                new EventRow("E-2", "REPAID_IN_FULL", LocalDate.parse("2026-01-01"), Instant.parse("2026-01-01T02:00:00Z")));

        var assembled = ASSEMBLER.assemble("L-1-R1", "SUBSTANDARD", loan("350000", "B"), entries, tasks, events, NOW);
        Dossier d = assembled.dossier();

        assertThat(d.timeline()).hasSize(9);
        assertThat(d.timeline().get(1).sla()).isEqualTo(Sla.ON_TIME);
        assertThat(d.timeline().get(2).sla()).isEqualTo(Sla.AUTOMATIC);
        assertThat(d.checks()).extracting(Dossier.Check::sla).containsExactly(Sla.ON_TIME, Sla.LATE, Sla.OPEN_LATE);
        assertThat(d.checks()).extracting(Dossier.Check::conclusion).containsExactly("NORMAL", "CONCERN", null);
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("SALES_DROP");
            assertThat(w.sla()).isEqualTo(Sla.LATE);
            assertThat(w.handledBy()).isEqualTo("am1");
            assertThat(w.action()).isEqualTo("VISITED");
        });
        assertThat(d.collection()).singleElement().extracting(Dossier.Action::officer).isEqualTo("am1");
        assertThat(d.model().conditions()).isEqualTo("追加配偶共同还款 spouse co-signs");
        assertThat(d.model().conditionsFulfilledAtSigning()).isFalse();
        assertThat(d.model().aboveSuggestedLimit()).isFalse();
        assertThat(d.model().approvedAgainstDecline()).isFalse();

        List<Finding> findings = STANDARDS.findings(assembled.officers());
        assertThat(findings).extracting(f -> f.officer() + "/" + f.role() + "/" + f.standard() + ":" + f.met()).containsExactlyInAnyOrder(
                "inv1/INVESTIGATOR/INV_SALES_SOURCES:true",
                "apr1/APPROVER/SIGN_HARD_FLAGS_ANSWERED:true",
                "apr1/APPROVER/APR_WITHIN_AUTHORITY:false",
                "ops2/OPERATIONS/OPS_CONDITIONS_FULFILLED:false",
                "am1/MONITORING/MON_CHECKS_ON_TIME:false",
                "am1/MONITORING/MON_WARNINGS_HANDLED:false",
                "am2/MONITORING/MON_CHECKS_ON_TIME:false",
                "am2/MONITORING/MON_WARNINGS_HANDLED:true");
        assertThat(DueDiligenceStandards.notMet(findings)).containsExactly("apr1", "ops2", "am1", "am2");
        assertThat(findings.stream().filter(f -> f.officer().equals("apr1")).findFirst().orElseThrow().evidence())
                .contains("350000", "SINGLE_APPROVER", "DUAL_SIGNATURE");
    }

    /**
     * A committee loan with a hard flag the model declined: cc1's opinion names the flag, cc2's does not; the
     * investigation counted one independent sales source; approved at 400,000 against a suggestion of 300,000.
     */
    @Test
    void aCommitteeLoanApprovedAgainstTheModelWithAHardFlag() {
        List<RecordEntry> entries = List.of(
                entry(Duty.INVESTIGATION, "Task_InvestigateOnSite", "t-inv", "inv2", "INVESTIGATED", null, null, null, null),
                entry(Duty.SCORING, "Task_ScoreApplication", null, RecordEntry.PLATFORM, "DECLINE", "300000", "CREDIT_COMMITTEE", null,
                        "binding=DSR; flags=DSR_ABOVE_CAP:HARD,MARGIN_GAP:SOFT; knockouts=; salesEstimates=1"),
                entry(Duty.APPROVAL, "Task_ApproveSingle", "t-apr", "apr1", "REFER", null, "CREDIT_COMMITTEE", "提交上会", null),
                entry(Duty.COMMITTEE_VOTE, "Task_CommitteeVote", "v1", "cc1", "APPROVE", null, "CREDIT_COMMITTEE",
                        "dsr_above_cap:由担保人收入覆盖", null),
                entry(Duty.COMMITTEE_VOTE, "Task_CommitteeVote", "v2", "cc2", "APPROVE", null, "CREDIT_COMMITTEE", "同意", null),
                entry(Duty.COMMITTEE_VOTE, "Task_CommitteeVote", "v3", "cc3", "DECLINE", null, "CREDIT_COMMITTEE", "还款能力不足", null),
                entry(Duty.CONTRACT, "Task_SignContract", "t-con", "ops1", "SIGNED", "400000", null, null, "conditionsFulfilled=false"));

        var assembled = ASSEMBLER.assemble("L-1-R1", "WRITTEN_OFF", loan("400000", "C"), entries, List.of(), List.of(), NOW);
        Dossier d = assembled.dossier();
        assertThat(d.flags()).extracting(f -> f.code() + ":" + f.severity() + " named by " + f.answeredBy() + " not by " + f.notAnsweredBy())
                .containsExactly("DSR_ABOVE_CAP:HARD named by [cc1] not by [cc2]", "MARGIN_GAP:SOFT named by [] not by [cc1, cc2]");
        assertThat(d.votes()).hasSize(3);
        assertThat(d.model().approvedAgainstDecline()).isTrue();
        assertThat(d.model().aboveSuggestedLimit()).isTrue();
        assertThat(d.model().conditionsFulfilledAtSigning()).as("no condition was set").isNull();
        assertThat(d.investigation().salesEstimates()).isEqualTo(1);

        List<Finding> findings = STANDARDS.findings(assembled.officers());
        assertThat(findings).extracting(f -> f.officer() + "/" + f.role() + "/" + f.standard() + ":" + f.met()).containsExactlyInAnyOrder(
                "inv2/INVESTIGATOR/INV_SALES_SOURCES:false",
                "inv1/INVESTIGATOR/INV_SALES_SOURCES:false",
                "cc1/COMMITTEE_MEMBER/SIGN_HARD_FLAGS_ANSWERED:true",
                "cc2/COMMITTEE_MEMBER/SIGN_HARD_FLAGS_ANSWERED:false",
                "ops1/OPERATIONS/OPS_CONDITIONS_FULFILLED:true",
                "am1/MONITORING/MON_CHECKS_ON_TIME:true",
                "am1/MONITORING/MON_WARNINGS_HANDLED:true");
    }

    private static LoanRecord loan(String approved, String grade) {
        return new LoanRecord("L-1", "A-1", "pi-1", "客户", "RETAIL_STORE", "CREDIT", "CREDIT", grade, 60, new BigDecimal(approved),
                new BigDecimal(approved), 24, LocalDate.parse("2026-05-01"), LocalDate.parse("2028-05-01"), new BigDecimal("300000"),
                95, "SUBSTANDARD", "T3", "am1", "inv1", "apr1", "ACTIVE");
    }

    private static RecordEntry entry(Duty duty, String step, String taskId, String actor, String decision, String amount, String route,
                                     String opinion, String details) {
        return new RecordEntry(null, NOW, "A-1", "pi-1", step, taskId, duty, actor, null, decision,
                amount == null ? null : new BigDecimal(amount), null, route, null, duty == Duty.SCORING ? "B" : null, null, null, opinion,
                details);
    }

    private static TaskTiming timing(String id, String process, String station, String officer, String created, String due, String ended,
                                     Boolean onTime) {
        return new TaskTiming(id, process, station, station, officer, Instant.parse(created), Instant.parse(due),
                ended == null ? null : Instant.parse(ended), ended == null ? null : "COMPLETED", onTime);
    }
}
