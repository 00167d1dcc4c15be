package cn.smartfactory.lending.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.forms.FormRulesListener;
import cn.smartfactory.lending.industry.IndustryCatalog;

/**
 * The post-loan-monitoring process with time travel: each tier's check schedule, re-tiering by
 * checks, warnings and overdue days, collection, classification, write-off and repayment; and the
 * officers' early-warning-report form. Real delegates, in-memory register.
 */
@Deployment(resources = {"processes/post-loan-monitoring.bpmn", "processes/early-warning-report.bpmn",
        "forms/monitoring-check-credit.form", "forms/monitoring-check-guaranteed.form",
        "forms/monitoring-check-mortgage.form", "forms/warning-handling.form", "forms/high-risk-review.form",
        "forms/late-check-follow-up.form", "forms/collection-reminder.form", "forms/collection-visit.form",
        "forms/collection-escalation.form", "forms/legal-referral.form", "forms/write-off-decision.form",
        "forms/early-warning-report.form", "forms/closing-balance-confirmation.form", "forms/closing-approval.form"})
class PostLoanMonitoringProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension
            .builder("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    static final DecisionRules RULES = StandaloneDecisionRules.fromClasspath(List.of("processes/post-loan-monitoring-rules.dmn"));
    static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 9, 0);

    ProcessEngine engine;
    InMemoryLoanRegister register;
    final cn.smartfactory.lending.record.InMemoryDecisionRecord decisionRecord = new cn.smartfactory.lending.record.InMemoryDecisionRecord();
    LoanMonitoring monitoring;

    @BeforeEach
    void wire() {
        engine = engineExtension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(date(START));
        register = new InMemoryLoanRegister();
        MonitoringTier tiers = new MonitoringTier(RULES);
        monitoring = new LoanMonitoring(register, RULES, tiers, IndustryCatalog.fromClasspath(),
                new EngineMonitoringProcess(engine.getRuntimeService(), engine.getIdentityService()));
        Mocks.register("checkSchedule", new CheckScheduleDelegate(RULES));
        Mocks.register("checkOutcome", new CheckOutcomeListener(StandaloneDecisionRules.fromClasspath(
                List.of("processes/post-loan-monitoring-rules.dmn", "processes/credit-limit.dmn")), tiers, register));
        Mocks.register("warningTask", new WarningTaskListener());
        Mocks.register("loanClosure", new LoanClosureDelegate(register, BadLoans.NONE));
        Mocks.register("recordWarning", new RecordWarningDelegate(monitoring, register, new cn.smartfactory.lending.forms.FormRules(engine.getFormService())));
        Mocks.register("closingConfirmation", new ClosingConfirmation(register, decisionRecord));
        Mocks.register("monitoringRecord", new MonitoringRecordListener(decisionRecord, new FormRules(engine.getFormService())));
        Mocks.register("formRules", new FormRulesListener(new FormRules(engine.getFormService())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    // ---- schedules by tier ----------------------------------------------------------------

    @Test
    void t1LoanIsCheckedOffSiteEachQuarterByItsAccountManager() {
        ProcessInstance pi = handOver("LN-T1", "A", "RETAIL_STORE", "CREDIT", "NONE");
        assertThat(pi).isWaitingAt("Gateway_AwaitCheck");
        assertThat(timerDue(pi)).isEqualTo(date(START.plusMonths(3)));

        travel(Period.ofMonths(3).minusDays(1));
        assertThat(openTasks(pi)).as("nothing before the quarter is up").isEmpty();
        travel(Period.ofDays(1));
        Task check = task(pi, "Task_PeriodicCheck");
        assertThat(check.getAssignee()).isEqualTo("am1");
        assertThat(candidateGroups(check)).containsExactly("account-managers");
        assertThat(check.getDueDate()).isEqualTo(date(START.plusMonths(3).plusDays(10)));
        assertThat(var(pi, "checkForm")).isEqualTo("monitoring-check-credit");
        assertThat(var(pi, "checkKind")).isEqualTo("OFF_SITE");

        complete(check, "am1", answers("RETAIL_STORE", "OFF_SITE", "NORMAL"));
        assertThat(pi).hasPassed("EndEvent_CheckCycleCompleted").isWaitingAt("Gateway_AwaitCheck");
        assertThat(timerDue(pi)).isEqualTo(date(START.plusMonths(6)));
        assertThat(register.find("LN-T1").orElseThrow().tier()).isEqualTo("T1");
    }

    @Test
    void t2LoanGetsTwoOffSiteChecksAndAnOnSiteVisitEachQuarter() {
        ProcessInstance pi = handOver("LN-T2", "C", "CATERING", "GUARANTEED", "GUARANTOR");
        assertThat(var(pi, "monitoringTier")).isEqualTo("T2");
        LocalDateTime now = START;
        for (String kind : List.of("OFF_SITE", "OFF_SITE", "ON_SITE", "OFF_SITE")) {
            now = now.plusMonths(1);
            assertThat(timerDue(pi)).isEqualTo(date(now));
            travelTo(now);
            Task check = task(pi, "Task_PeriodicCheck");
            assertThat(var(pi, "checkKind")).as("check in month %s", now.getMonthValue()).isEqualTo(kind);
            assertThat(var(pi, "checkForm")).isEqualTo("monitoring-check-guaranteed");
            assertThat(check.getDueDate()).isEqualTo(date(now.plusDays(kind.equals("ON_SITE") ? 10 : 5)));
            complete(check, "am1", answers("CATERING", kind, "NORMAL", "checkGuarantorCapable", "YES"));
        }
        assertThat(var(pi, "monitoringTier")).as("grade C stays on watch after clean checks").isEqualTo("T2");
    }

    @Test
    void t3LoanIsVisitedMonthlyAndEachVisitGoesToRiskManagers() {
        ProcessInstance pi = handOver("LN-T3", "E", "LIGHT_MANUFACTURING", "MORTGAGE", "PROPERTY");
        assertThat(var(pi, "monitoringTier")).isEqualTo("T3");
        assertThat(timerDue(pi)).isEqualTo(date(START.plusMonths(1)));
        travel(Period.ofMonths(1));
        Task check = task(pi, "Task_PeriodicCheck");
        assertThat(var(pi, "checkKind")).isEqualTo("ON_SITE");
        assertThat(var(pi, "checkForm")).isEqualTo("monitoring-check-mortgage");
        complete(check, "am1", answers("LIGHT_MANUFACTURING", "ON_SITE", "NORMAL", "checkCollateralIntact", "YES",
                "checkCollateralValue", 800000, "checkCollateralInsured", "YES"));
        Task review = task(pi, "Task_ReviewHighRiskLoan");
        assertThat(candidateGroups(review)).containsExactly("risk-managers");
        complete(review, "risk1", Map.of("reviewDecision", "KEEP_CLOSE_MONITORING",
                "reviewOpinion", "Orders are back; keep visiting monthly."));
        assertThat(pi).hasPassed("EndEvent_HighRiskReviewed").isWaitingAt("Gateway_AwaitCheck");
        assertThat(timerDue(pi)).isEqualTo(date(START.plusMonths(2)));
    }

    @Test
    void aCheckNotDoneByItsDeadlineGoesToRiskManagersAndStaysOpen() {
        ProcessInstance pi = handOver("LN-LATE", "A", "RETAIL_STORE", "CREDIT", "NONE");
        travel(Period.ofMonths(3));
        travel(Period.ofDays(10));
        Task followUp = task(pi, "Task_FollowUpLateCheck");
        assertThat(candidateGroups(followUp)).containsExactly("risk-managers");
        complete(followUp, "risk1", Map.of("followUpAction", "REMINDED_OFFICER"));
        assertThat(pi).hasPassed("EndEvent_LateCheckFollowedUp");
        assertThat(task(pi, "Task_PeriodicCheck").getAssignee()).isEqualTo("am1");
    }

    // ---- re-tiering by checks ------------------------------------------------------------------

    @Test
    void checkAnswersMoveTheTierUpAndBackDown() {
        ProcessInstance pi = handOver("LN-MOVE", "A", "RETAIL_STORE", "CREDIT", "NONE");
        travel(Period.ofMonths(3));
        complete(task(pi, "Task_PeriodicCheck"), "am1", answers("RETAIL_STORE", "OFF_SITE", "CONCERN"));
        assertThat(var(pi, "monitoringTier")).isEqualTo("T2");
        assertThat(register.find("LN-MOVE").orElseThrow().tier()).isEqualTo("T2");
        LocalDateTime now = START.plusMonths(3);
        assertThat(timerDue(pi)).as("the watch rhythm starts at once").isEqualTo(date(now.plusMonths(1)));

        travelTo(now.plusMonths(1));
        complete(task(pi, "Task_PeriodicCheck"), "am1", answers("RETAIL_STORE", "OFF_SITE", "NORMAL",
                "checkSalesChangePercent", -35));
        assertThat(var(pi, "monitoringTier")).as("sales fell over 30%").isEqualTo("T2");

        travelTo(now.plusMonths(2));
        complete(task(pi, "Task_PeriodicCheck"), "am1", answers("RETAIL_STORE", "OFF_SITE", "SERIOUS"));
        assertThat(var(pi, "monitoringTier")).isEqualTo("T3");
        complete(task(pi, "Task_ReviewHighRiskLoan"), "risk1", Map.of("reviewDecision", "FREEZE_UNDRAWN_LIMIT",
                "reviewOpinion", "Freeze until the owner explains the losses."));

        travelTo(now.plusMonths(3));
        assertThat(var(pi, "checkKind")).isEqualTo("ON_SITE");
        complete(task(pi, "Task_PeriodicCheck"), "am1", answers("RETAIL_STORE", "ON_SITE", "NORMAL"));
        assertThat(var(pi, "monitoringTier")).as("a clean visit returns the loan to its base tier").isEqualTo("T1");
        complete(task(pi, "Task_ReviewHighRiskLoan"), "risk1", Map.of("reviewDecision", "KEEP_CLOSE_MONITORING",
                "reviewOpinion", "Losses explained; back to normal checks."));
        assertThat(timerDue(pi)).isEqualTo(date(now.plusMonths(6)));
    }

    @Test
    void riskManagersConfirmAHighRiskLoanLeavingT3() {
        ProcessInstance pi = handOver("LN-DOWN", "A", "RETAIL_STORE", "CREDIT", "NONE");
        monitoring.raise(event("core-30", "LN-DOWN", "LITIGATION"));
        complete(task(pi, "Task_HandleWarning"), "risk1", Map.of("warningConfirmed", "NO",
                "warningAction", "NO_ACTION_NEEDED", "warningFindings", "The suit was withdrawn last week."));
        travel(Period.ofMonths(1));
        assertThat(var(pi, "checkKind")).isEqualTo("ON_SITE");
        complete(task(pi, "Task_PeriodicCheck"), "am1", answers("RETAIL_STORE", "ON_SITE", "NORMAL"));
        assertThat(var(pi, "monitoringTier")).isEqualTo("T1");
        assertThat(tasks(pi, "Task_ReviewHighRiskLoan")).as("a T3 visit is reviewed even when it lowers the tier")
                .hasSize(1);
    }

    @Test
    void impairedSecurityMakesTheLoanHighRisk() {
        ProcessInstance pi = handOver("LN-SEC", "A", "LIGHT_MANUFACTURING", "MORTGAGE", "PROPERTY");
        travel(Period.ofMonths(3));
        complete(task(pi, "Task_PeriodicCheck"), "am1", answers("LIGHT_MANUFACTURING", "OFF_SITE", "NORMAL",
                "checkCollateralIntact", "NO", "checkCollateralValue", 100000, "checkCollateralInsured", "NO"));
        assertThat(var(pi, "monitoringTier")).isEqualTo("T3");
        assertThat(var(pi, "tierReason").toString()).contains("collateral");
        // Lent before loans were booked with their property: the value is asked, and the review is told it was not used.
        assertThat(var(pi, "collateralRevaluation").toString()).startsWith("抵押物未登记").contains("not revalued");
    }

    /**
     * A mortgage of 200,000 outstanding, secured on a residential property (not the only home) appraised at 400,000
     * with 50,000 of liens ahead of the bank. Revalued at 350,000: 350,000 × 70 % − 50,000 = 195,000, below the
     * balance — T3 and the risk managers' review, which shows the computation. Revalued at 400,000 at the next check:
     * 230,000 covers it and the revaluation is kept.
     */
    @Test
    void collateralRevaluedBelowTheBalanceGoesToTheHighRiskReview() {
        ProcessInstance pi = securedOnAHome("LN-REVAL");
        travel(Period.ofMonths(3));
        complete(task(pi, "Task_PeriodicCheck"), "am1", answers("LIGHT_MANUFACTURING", "OFF_SITE", "NORMAL",
                "checkCollateralIntact", "YES", "checkCollateralValue", 350000, "checkCollateralInsured", "YES"));
        assertThat(var(pi, "monitoringTier")).isEqualTo("T3");
        assertThat(var(pi, "tierReason").toString()).contains("抵押物重估后不足以覆盖贷款余额");
        assertThat(var(pi, "collateralRevaluation").toString()).contains("350,000 × 70.00% − 50,000 = 195,000",
                "< 贷款余额 200,000", "no longer covered");
        assertThat(tasks(pi, "Task_ReviewHighRiskLoan")).hasSize(1);
        assertThat(register.collateral("LN-REVAL").orElseThrow().revaluedValue()).isEqualByComparingTo("350000");
        assertThat(register.find("LN-REVAL").orElseThrow().tier()).isEqualTo("T3");
    }

    /** A mortgage of 200,000 secured on a residential property (not the only home) appraised at 400,000, 50,000 of liens. */
    private ProcessInstance securedOnAHome(String number) {
        monitoring.handOver(loan(number, "A", "LIGHT_MANUFACTURING", "MORTGAGE", "PROPERTY"), List.of(),
                new LoanCollateral(number, "MORTGAGE", "RESIDENTIAL", false, new BigDecimal("400000"),
                        new BigDecimal("50000"), "BANK_APPRAISER", null, null));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    @Test
    void collateralThatStillCoversTheBalanceLeavesTheTierToTheOtherAnswers() {
        ProcessInstance pi = securedOnAHome("LN-COVER");
        travel(Period.ofMonths(3));
        complete(task(pi, "Task_PeriodicCheck"), "am1", answers("LIGHT_MANUFACTURING", "OFF_SITE", "NORMAL",
                "checkCollateralIntact", "YES", "checkCollateralValue", 400000, "checkCollateralInsured", "YES"));
        assertThat(var(pi, "collateralRevaluation").toString()).contains("= 230,000 ≥", "fully covered");
        assertThat(var(pi, "monitoringTier")).isNotEqualTo("T3");
        assertThat(register.collateral("LN-COVER").orElseThrow().revaluedOn()).hasToString(clockDate());
    }

    @Test
    void theChecklistRequiresTheSectionOfTheLoansIndustryOnly() {
        ProcessInstance pi = handOver("LN-FORM", "A", "CATERING", "CREDIT", "NONE");
        travel(Period.ofMonths(3));
        Task check = task(pi, "Task_PeriodicCheck");
        Map<String, Object> retailAnswers = answers("RETAIL_STORE", "OFF_SITE", "NORMAL");
        assertThatThrownBy(() -> complete(check, "am1", retailAnswers))
                .hasMessageContaining("“客流变化”为必填项").hasMessageNotContaining("门店客流变化")
                .hasMessageNotContaining("checkVisitDate");
        assertThat(openTasks(pi)).extracting(Task::getId).containsExactly(check.getId());
        complete(check, "am1", answers("CATERING", "OFF_SITE", "NORMAL"));
        assertThat(pi).isWaitingAt("Gateway_AwaitCheck");
    }

    // ---- early warnings ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: tier {1}, task for {2}")
    @CsvSource(nullValues = "none", value = {
            "OVERDUE_PAYMENT, T2, account-managers, am1",
            "NEW_BUREAU_OVERDUE, T3, risk-managers, none",
            "SALES_DROP, T2, account-managers, am1",
            "LITIGATION, T3, risk-managers, none",
            "OWNER_CHANGE, T2, investigators, none",
            "COLLATERAL_LOSS, T3, risk-managers, none"})
    void eachWarningReTiersAtOnceAndRaisesATaskForTheRightRole(String type, String tier, String group, String assignee) {
        ProcessInstance pi = handOver("LN-W", "A", "LIGHT_MANUFACTURING", "MORTGAGE", "PROPERTY");
        travel(Period.ofDays(20));
        var outcome = monitoring.raise(event("core-1", "LN-W", type));
        assertThat(outcome.tierBefore()).isEqualTo("T1");
        assertThat(outcome.tierAfter()).isEqualTo(tier);
        assertThat(var(pi, "monitoringTier")).isEqualTo(tier);
        assertThat(register.find("LN-W").orElseThrow().tier()).isEqualTo(tier);
        assertThat(pi).as("the waiting check was rescheduled for the new tier").hasPassed("EndEvent_CheckRescheduled");
        assertThat(timerDue(pi)).isEqualTo(date(START.plusDays(20).plusMonths(1)));

        Task warning = task(pi, "Task_HandleWarning");
        assertThat(candidateGroups(warning)).containsExactly(group);
        assertThat(warning.getAssignee()).isEqualTo(assignee);
        assertThat(warning.getName()).endsWith((String) RULES.evaluateSingle(LoanMonitoring.WARNING_ROUTING,
                Map.of("eventType", type)).get("nameEn"));
        assertThat(warning.getDueDate()).as("due within the routing table's time limit").isAfter(ClockUtil.getCurrentTime());
        assertThat(engine.getTaskService().getVariableLocal(warning.getId(), "warningType")).isEqualTo(type);
        complete(warning, assignee == null ? "risk1" : assignee, Map.of("warningConfirmed", "YES",
                "warningAction", "CONTACTED_CUSTOMER", "warningFindings", "Spoke to the owner, confirmed."));
        assertThat(pi).hasPassed("EndEvent_WarningHandled");
    }

    @Test
    void theSameEventTwiceIsHandledOnceAndBadEventsChangeNothing() {
        ProcessInstance pi = handOver("LN-IDEM", "A", "RETAIL_STORE", "CREDIT", "NONE");
        var first = monitoring.raise(event("core-7", "LN-IDEM", "LITIGATION"));
        var again = monitoring.raise(event("core-7", "LN-IDEM", "LITIGATION"));
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.tierAfter()).isEqualTo("T3");
        assertThat(tasks(pi, "Task_HandleWarning")).hasSize(1);

        assertRefused(() -> monitoring.raise(event("core-7", "LN-IDEM", "SALES_DROP")), 409, "eventId");
        assertRefused(() -> monitoring.raise(event("core-8", "LN-NOPE", "LITIGATION")), 404, "loanNumber");
        assertRefused(() -> monitoring.raise(event("core-9", "LN-IDEM", "FIRE")), 400, "type");
        assertRefused(() -> monitoring.raise(new LoanEvent("core-10", "LN-IDEM", "SALES_DROP", LocalDate.of(2026, 1, 4),
                null, null, new BigDecimal("-12"), null, "core")), 400, "salesChangePercent");
        assertRefused(() -> monitoring.raise(new LoanEvent("core-11", "LN-IDEM", "OVERDUE_PAYMENT", LocalDate.of(2026, 1, 4),
                null, null, null, null, "core")), 400, "daysOverdue");
        assertRefused(() -> monitoring.raise(new LoanEvent("bad id!", "LN-IDEM", "LITIGATION", LocalDate.of(2027, 1, 1),
                null, null, null, null, "core")), 400, "occurredOn");
        assertThat(tasks(pi, "Task_HandleWarning")).hasSize(1);
        assertThat(register.events()).hasSize(1);
    }

    @Test
    void anOfficerReportsAWarningThroughTheStartForm() {
        ProcessInstance pi = handOver("LN-OFF", "A", "RETAIL_STORE", "CREDIT", "NONE");
        engine.getIdentityService().setAuthenticatedUserId("inv1");
        Map<String, Object> form = new HashMap<>(Map.of("warningLoanNumber", "LN-OFF", "warningType", "OWNER_CHANGE",
                "warningOccurredOn", clockDate(), "warningDescription", "The owner sold the shop to his cousin."));
        var report = engine.getFormService().submitStartForm(definitionId("early-warning-report"), form);
        assertThat(report).isEnded().hasPassed("EndEvent_WarningRecorded");
        assertThat(task(pi, "Task_HandleWarning")).satisfies(t -> assertThat(candidateGroups(t)).containsExactly("investigators"));
        assertThat(engine.getTaskService().getVariableLocal(task(pi, "Task_HandleWarning").getId(), "warningSource"))
                .isEqualTo("inv1");

        form.put("warningLoanNumber", "LN-MISSING");
        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definitionId("early-warning-report"), form))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("LN-MISSING");
        form.put("warningLoanNumber", "LN-OFF");
        form.put("warningType", "SALES_DROP");
        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definitionId("early-warning-report"), form))
                .hasMessageContaining("“销售额变化(%)”为必填项");
        assertThat(register.events()).hasSize(1);
    }

    // ---- overdue, collection, classification, closure ---------------------------------------

    @Test
    void overdueOverThirtyDaysGoesThroughCollectionToLegalReferralAndWriteOff() {
        ProcessInstance pi = handOver("LN-NPL", "B", "LOGISTICS", "CREDIT", "NONE");
        monitoring.reportOverdue("LN-NPL", 10, new BigDecimal("150000"));
        assertThat(register.find("LN-NPL").orElseThrow().classification()).isEqualTo("SPECIAL_MENTION");
        assertThat(var(pi, "monitoringTier")).isEqualTo("T2");
        assertThat(pi).isWaitingAt("Gateway_AwaitCheck");

        monitoring.reportOverdue("LN-NPL", 31, new BigDecimal("150000"));
        assertThat(var(pi, "monitoringTier")).isEqualTo("T3");
        Task reminder = task(pi, "Task_SendPaymentReminder");
        assertThat(candidateGroups(reminder)).containsExactly("central-operations");
        assertThat(tasks(pi, "Task_PeriodicCheck")).as("collection replaces routine checks").isEmpty();
        complete(reminder, "ops1", Map.of("reminderChannel", "PHONE", "reminderReached", "YES"));

        travel(Period.ofDays(7));
        Task visit = task(pi, "Task_VisitBorrower");
        assertThat(visit.getAssignee()).isEqualTo("am1");
        complete(visit, "am1", Map.of("visitDate", clockDate(), "repaymentWillingness", "LOW",
                "visitFindings", "Trucks idle, owner promises to pay next month."));
        complete(task(pi, "Task_EscalateCollection"), "risk1", Map.of("collectionDecision", "CONTINUE_COLLECTION",
                "escalationOpinion", "Give him one more round."));
        monitoring.reportOverdue("LN-NPL", 100, new BigDecimal("150000"));
        assertThat(register.find("LN-NPL").orElseThrow().classification()).isEqualTo("SUBSTANDARD");

        travel(Period.ofDays(7));
        complete(task(pi, "Task_VisitBorrower"), "am1", Map.of("visitDate", clockDate(), "repaymentWillingness", "NONE",
                "visitFindings", "The owner refuses to pay anything."));
        complete(task(pi, "Task_EscalateCollection"), "risk1", Map.of("collectionDecision", "REFER_TO_LEGAL",
                "escalationOpinion", "Sue and freeze the trucks."));
        complete(task(pi, "Task_ReferToLegal"), "risk1", Map.of("lawFirm", "County Law Office", "legalClaimAmount", 150000,
                "legalReferredOn", clockDate()));
        monitoring.reportOverdue("LN-NPL", 300, new BigDecimal("150000"));
        assertThat(register.find("LN-NPL").orElseThrow().classification()).isEqualTo("DOUBTFUL");

        complete(task(pi, "Task_DecideWriteOff"), "risk1", Map.of("writeOffDecision", "KEEP_PURSUING",
                "writeOffOpinion", "The court case is still open."));
        travel(Period.ofMonths(3));
        monitoring.reportOverdue("LN-NPL", 400, new BigDecimal("150000"));
        assertThat(register.find("LN-NPL").orElseThrow().classification()).isEqualTo("LOSS");
        assertRefused(() -> complete(task(pi, "Task_DecideWriteOff"), "risk1", Map.of("writeOffDecision", "WRITE_OFF",
                "writeOffOpinion", "Nothing left to recover.")), -1, "“核销审批文号”为必填项");
        complete(task(pi, "Task_DecideWriteOff"), "risk1", Map.of("writeOffDecision", "WRITE_OFF",
                "writeOffApprovalReference", "HX-2026-17", "writeOffOpinion", "Nothing left to recover."));
        // Writing off needs central operations to confirm the balance and a second person to agree.
        assertThat(pi).isWaitingAt("Task_ConfirmClosingBalance");
        assertThat(register.find("LN-NPL").orElseThrow().status()).isEqualTo("CLOSING");
        assertRefused(() -> monitoring.raise(event("core-npl-late", "LN-NPL", "LITIGATION")), 409, "loanNumber");
        complete(task(pi, "Task_ConfirmClosingBalance"), "ops1", closingBalance("YES", 150000));
        complete(task(pi, "Task_ApproveClosing"), "risk1", closingApproval("YES"));
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("EndEvent_WriteOffApproved", "Task_ConfirmClosingBalance", "Task_ApproveClosing",
                "Task_CloseWrittenOffLoan", "EndEvent_LoanWrittenOff");
        // How the bad loan was handled is on the decision record, step by step, with each person's answers.
        assertThat(decisionRecord.all()).extracting(e -> e.duty() + ":" + e.step() + ":" + e.actor() + ":" + e.decision())
                .contains("COLLECTION:Task_EscalateCollection:risk1:REFER_TO_LEGAL", "WRITE_OFF_DECISION:Task_DecideWriteOff:risk1:KEEP_PURSUING",
                        "WRITE_OFF_DECISION:Task_DecideWriteOff:risk1:WRITE_OFF", "CLOSING_CONFIRMATION:Task_ConfirmClosingBalance:ops1:CONFIRMED");
        assertThat(decisionRecord.all()).filteredOn(e -> "Task_VisitBorrower".equals(e.step())).first()
                .satisfies(e -> assertThat(e.details()).contains("visitFindings=", "repaymentWillingness="));
        assertThat(register.find("LN-NPL").orElseThrow().status()).isEqualTo("WRITTEN_OFF");
    }

    @Test
    void arrearsClearedDuringCollectionResumeRoutineChecksWithoutUpgradingTheClassification() {
        ProcessInstance pi = handOver("LN-CURE", "A", "AGRICULTURE", "GUARANTEED", "GUARANTEE_COMPANY");
        monitoring.reportOverdue("LN-CURE", 45, new BigDecimal("90000"));
        assertThat(pi).isWaitingAt("Task_SendPaymentReminder");
        complete(task(pi, "Task_SendPaymentReminder"), "ops1", Map.of("reminderChannel", "SMS", "reminderReached", "NO"));
        travel(Period.ofDays(3));
        monitoring.reportOverdue("LN-CURE", 0, new BigDecimal("85000"));
        assertThat(pi).hasPassed("Boundary_ArrearsCleared").isWaitingAt("Gateway_AwaitCheck");
        LoanRecord loan = register.find("LN-CURE").orElseThrow();
        assertThat(loan.classification()).isEqualTo("SPECIAL_MENTION");
        assertThat(loan.tier()).as("only a check lowers the tier").isEqualTo("T3");
        assertThat(timerDue(pi)).isEqualTo(date(START.plusDays(3).plusMonths(1)));
    }

    @Test
    void repaymentInFullEndsMonitoringAndLaterEventsAreRefused() {
        ProcessInstance pi = handOver("LN-PAID", "A", "FMCG_WHOLESALE", "CREDIT", "NONE");
        monitoring.raise(event("core-20", "LN-PAID", "SALES_DROP"));
        assertThat(tasks(pi, "Task_HandleWarning")).hasSize(1);
        monitoring.raise(new LoanEvent("core-21", "LN-PAID", "REPAID_IN_FULL", LocalDate.of(2026, 1, 5), null, null, null,
                null, "core"));
        // Core banking's word alone closes nothing: central operations confirm a balance of 0, a second person agrees.
        assertThat(pi).isWaitingAt("Task_ConfirmClosingBalance");
        assertThat(tasks(pi, "Task_HandleWarning")).as("open warnings end with active monitoring").isEmpty();
        assertThat(register.find("LN-PAID").orElseThrow().status()).isEqualTo("CLOSING");
        assertRefused(() -> complete(task(pi, "Task_ConfirmClosingBalance"), "ops1", closingBalance("YES", 1200)), -1,
                "must be 0");
        complete(task(pi, "Task_ConfirmClosingBalance"), "ops1", closingBalance("YES", 0));
        assertRefused(() -> complete(task(pi, "Task_ApproveClosing"), "ops1", closingApproval("YES")), -1,
                "may not also approve the closing");
        complete(task(pi, "Task_ApproveClosing"), "ops2", closingApproval("YES"));
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("Boundary_RepaidInFull", "Task_ConfirmClosingBalance", "Task_ApproveClosing",
                "Task_CloseRepaidLoan", "EndEvent_LoanRepaid");
        assertThat(openTasks(pi)).isEmpty();
        assertThat(decisionRecord.all()).extracting(e -> e.duty() + ":" + e.actor() + ":" + e.decision())
                .containsExactly("CLOSING_CONFIRMATION:ops1:CONFIRMED", "CLOSING_APPROVAL:ops2:APPROVED");
        LoanRecord loan = register.find("LN-PAID").orElseThrow();
        assertThat(loan.status()).isEqualTo("REPAID");
        assertThat(loan.outstandingBalance()).isZero();
        assertRefused(() -> monitoring.raise(event("core-22", "LN-PAID", "LITIGATION")), 409, "loanNumber");
        assertRefused(() -> monitoring.reportOverdue("LN-PAID", 5, BigDecimal.ONE), 409, "loanNumber");
    }

    @Test
    void aRetriedHandOverStartsMonitoringOnce() {
        LoanRecord loan = loan("LN-TWICE", "A", "RETAIL_STORE", "CREDIT", "NONE");
        assertThat(monitoring.handOver(loan)).isTrue();
        assertThat(monitoring.handOver(loan)).isFalse();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("LN-TWICE").count())
                .isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------------

    ProcessInstance handOver(String number, String grade, String industry, String product, String guarantee) {
        monitoring.handOver(loan(number, grade, industry, product, guarantee));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    LoanRecord loan(String number, String grade, String industry, String product, String guarantee) {
        String tier = monitoring.initialTier(grade, product, guarantee, industry);
        return new LoanRecord(number, "APP-" + number, "origination-pi", "Customer " + number, industry, product, guarantee,
                grade, 80, new BigDecimal("200000"), new BigDecimal("200000"), 24, START.toLocalDate(),
                START.toLocalDate().plusMonths(24), new BigDecimal("200000"), 0, "NORMAL", tier, "am1", "inv1", "apr1", "ACTIVE");
    }

    static LoanEvent event(String id, String loanNumber, String type) {
        return new LoanEvent(id, loanNumber, type, LocalDate.of(2026, 1, 4), type.equals("OVERDUE_PAYMENT") ? 3 : null, null,
                type.equals("SALES_DROP") ? new BigDecimal("-42") : null, "Reported by core banking", "core");
    }

    /** A complete checklist for the loan's industry and check kind; extra pairs override or add answers. */
    static Map<String, Object> answers(String industry, String kind, String conclusion, Object... extra) {
        Map<String, Object> a = new HashMap<>(Map.of("checkRepaymentOnTime", "YES", "checkBankFlowsConsistent", "YES",
                "checkSalesChangePercent", 4, "checkNewBureauIssues", "NO", "checkNewExternalDebt", "NO",
                "checkOwnerInCharge", "YES", "checkConclusion", conclusion, "checkFindings", "Routine check."));
        if (kind.equals("ON_SITE")) {
            a.putAll(Map.of("checkVisitDate", clockDate(), "checkPremisesOperating", "YES", "checkInventoryMatches", "YES"));
        }
        a.putAll(switch (industry) {
            case "AGRICULTURE" -> Map.of("checkCropCondition", "GOOD", "checkWeatherDamage", "NO");
            case "CATERING" -> Map.of("checkCateringFootfall", "STABLE", "checkCateringLicenceValid", "YES");
            case "FMCG_WHOLESALE" -> Map.of("checkWholesaleReceivableDays", 35, "checkWholesaleKeyCustomerLost", "NO");
            case "LIGHT_MANUFACTURING" -> Map.of("checkFactoryOrderBacklogMonths", 4, "checkFactoryCapacityUsePercent", 75);
            case "LOGISTICS" -> Map.of("checkFleetUtilisationPercent", 80, "checkLogisticsContractLost", "NO");
            default -> Map.of("checkStoreLeaseMonthsLeft", 30, "checkStoreFootfall", "STABLE");
        });
        for (int i = 0; i < extra.length; i += 2) {
            a.put((String) extra[i], extra[i + 1]);
        }
        return a;
    }

    void complete(Task task, String user, Map<String, Object> variables) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Moves the clock forward and runs every job that has fallen due, as the job executor would. */
    void travel(Period period) {
        travelTo(LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()).plus(period));
    }

    void travelTo(LocalDateTime when) {
        ClockUtil.setCurrentTime(date(when));
        runDueJobs();
    }

    void runDueJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> engine.getManagementService().executeJob(j.getId()));
        }
    }

    void runJobs(ProcessInstance pi) {
        engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list()
                .forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }

    Date timerDue(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_CheckDue")
                .singleResult().getDuedate();
    }

    Object var(ProcessInstance pi, String name) {
        return engine.getRuntimeService().getVariable(pi.getId(), name);
    }

    Task task(ProcessInstance pi, String key) {
        List<Task> found = tasks(pi, key);
        assertThat(found).as("open %s", key).hasSize(1);
        return found.get(0);
    }

    List<Task> tasks(ProcessInstance pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    List<Task> openTasks(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list();
    }

    List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(l -> l.getGroupId()).toList();
    }

    String definitionId(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
    }

    @Test
    void aRepaymentThatCoreBankingCannotConfirmReturnsTheLoanToMonitoring() {
        ProcessInstance pi = handOver("LN-NOT-PAID", "A", "FMCG_WHOLESALE", "CREDIT", "NONE");
        monitoring.raise(new LoanEvent("core-31", "LN-NOT-PAID", "REPAID_IN_FULL", LocalDate.of(2026, 1, 5), null, null, null,
                null, "core"));
        complete(task(pi, "Task_ConfirmClosingBalance"), "ops1", closingBalance("NO", 35000));
        complete(task(pi, "Task_ApproveClosing"), "risk1", closingApproval("YES"));
        assertThat(pi).isNotEnded().hasPassed("Gateway_ClosingApproved").isWaitingAt("Gateway_AwaitCheck");
        assertThat(register.find("LN-NOT-PAID").orElseThrow().status()).isEqualTo("ACTIVE");
        // Monitoring goes on: a later warning is handled as before.
        monitoring.raise(event("core-32", "LN-NOT-PAID", "LITIGATION"));
        assertThat(tasks(pi, "Task_HandleWarning")).hasSize(1);
    }

    /** The engine clock's day in the bank's zone: forms accept dates only around today. */
    static String clockDate() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
    }

    static Map<String, Object> closingBalance(String confirmed, long balance) {
        return Map.of("closingBalanceConfirmed", confirmed, "confirmedBalance", balance, "closingEvidence", "CB-STMT-0001");
    }

    static Map<String, Object> closingApproval(String approved) {
        return Map.of("closingApproved", approved, "closingApprovalOpinion", "已核对流水 statement checked");
    }

    static void assertRefused(Runnable action, int status, String field) {
        assertThatThrownBy(action::run).satisfies(e -> {
            if (status > 0) {
                assertThat(e).isInstanceOf(LoanEventRefused.class);
                assertThat(((LoanEventRefused) e).status()).isEqualTo(status);
                assertThat(((LoanEventRefused) e).violations()).extracting(v -> v.field()).contains(field);
            } else {
                assertThat(e).hasMessageContaining(field);
            }
        });
    }

    static Date date(LocalDateTime t) {
        return Date.from(t.atZone(ZoneId.systemDefault()).toInstant());
    }
}
