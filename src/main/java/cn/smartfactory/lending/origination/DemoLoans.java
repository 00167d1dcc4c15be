package cn.smartfactory.lending.origination;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.monitoring.LoanEvent;
import cn.smartfactory.lending.monitoring.LoanMonitoring;
import cn.smartfactory.lending.platform.BankClock;

/**
 * Demo profile: on the first start only (no loan in the history yet), puts a few applications at
 * different stations of the line so every inbox has work — investigation and bureau query, single
 * approval, both signatures of a dual approval, a committee vote, contract signing — and one loan
 * disbursed into post-loan monitoring with a sales-drop warning for its account manager. Each step
 * is taken as the demo staff would, through the same listeners and checks.
 */
@Component
@Profile("demo")
public class DemoLoans implements cn.smartfactory.lending.platform.DemoSeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoans.class);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final RepositoryService repositoryService;
    private final FormService formService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final LoanMonitoring monitoring;

    public DemoLoans(RepositoryService repositoryService, FormService formService, TaskService taskService,
                     IdentityService identityService, ManagementService managementService, HistoryService historyService,
                     LoanMonitoring monitoring) {
        this.monitoring = monitoring;
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.historyService = historyService;
    }

    @Override
    public void seedOnce() {
        if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(LoanVariables.PROCESS_KEY).count() > 0) {
            LOG.info("Demo profile: loans exist already, no sample applications added");
            return;
        }
        // First, what the factory did in the weeks before, with the engine's clock moved back so that the
        // dashboard's figures have durations, a late station, a decline and a check done on time.
        try {
            history();
        } finally {
            ClockUtil.reset();
        }
        // Waiting for the investigator and the bureau query. (The worked case asks 400,000 on a credit
        // loan, which the pre-screen stops at the product cap; the demo asks for the cap itself.)
        apply("am1", "1-fmcg-wholesale", Map.of("amount", 300000.0));
        // Waiting for a single approver.
        ProcessInstance retail = apply("am2", "3-retail-store");
        dueDiligence(retail, "3-retail-store", "inv1", "ops1");
        // Waiting for the first of two signatures.
        ProcessInstance catering = apply("am1", "2-catering");
        dueDiligence(catering, "2-catering", "inv2", "ops2");
        // First signature given, waiting for the second.
        ProcessInstance secondCatering = apply("am2", "2-catering");
        dueDiligence(secondCatering, "2-catering", "inv1", "ops1");
        complete(secondCatering, "Task_ApproveFirstSignature", "apr1", Map.of("approvalDecision", "APPROVE",
                "approvalOpinion", "还款能力约束额度,同意 Repayment capacity binds; agree"));
        // Undeclared bank debt: the instalments before this loan exceed income, so the risk model declines it at scoring.
        ProcessInstance logistics = apply("am2", "5-logistics");
        dueDiligence(logistics, "5-logistics", "inv1", "ops1");
        // Referred to the credit committee.
        ProcessInstance referred = apply("am1", "3-retail-store");
        dueDiligence(referred, "3-retail-store", "inv2", "ops2");
        complete(referred, "Task_ApproveSingle", "apr2", Map.of("approvalDecision", "REFER",
                "approvalOpinion", "关联交易需贷审会审议 Related-party trade: committee to decide"));
        // Approved, waiting for the contract.
        ProcessInstance manufacturing = apply("am2", "4-light-manufacturing");
        dueDiligence(manufacturing, "4-light-manufacturing", "inv1", "ops1");
        complete(manufacturing, "Task_ApproveFirstSignature", "apr2", Map.of("approvalDecision", "APPROVE",
                "approvalOpinion", "抵押充足 Collateral sufficient"));
        complete(manufacturing, "Task_ApproveSecondSignature", "apr3", Map.of("approvalDecision", "APPROVE",
                "approvalOpinion", "同意 Agree"));
        // Disbursed and monitored: the account manager has a sales-drop warning to handle.
        ProcessInstance disbursed = apply("am1", "3-retail-store");
        dueDiligence(disbursed, "3-retail-store", "inv2", "ops2");
        complete(disbursed, "Task_ApproveSingle", "apr1", Map.of("approvalDecision", "APPROVE",
                "approvalOpinion", "经营稳定,同意 Stable business; agree"));
        String today = BankClock.today().toString();
        complete(disbursed, "Task_SignContract", "ops1", Map.of("contractNumber", "HT-DEMO-0001", "contractSignedOn", today,
                "conditionsFulfilled", true));
        complete(disbursed, "Task_Disburse", "ops1", Map.of("disbursedAmount", 100000, "disbursementAccount",
                "6222020200112233", "disbursedOn", today));
        drainJobs(disbursed);
        String loanNumber = historyService.createHistoricVariableInstanceQuery().processInstanceId(disbursed.getId())
                .variableName(LoanVariables.LOAN_NUMBER).singleResult().getValue().toString();
        monitoring.raise(new LoanEvent("demo-sales-drop-" + loanNumber, loanNumber, "SALES_DROP", BankClock.today(), null, null,
                new BigDecimal("-35"), "POS turnover down 35% on the quarter 收银流水环比下降35%", "demo"));
        LOG.info("Demo profile: 7 sample applications added at different stations of the line, one declined by the risk"
                + " model for undeclared debt, one in post-loan monitoring, and 3 finished ones from the weeks before");
    }

    /**
     * Three applications finished in the weeks before: one disbursed about a hundred days ago, whose first
     * quarterly check its account manager did before the deadline; one disbursed a month ago; one declined
     * last week.
     */
    private void history() {
        LocalDate today = BankClock.today();
        ProcessInstance disbursed = historicLoan("am2", workday(today.minusDays(100)), "HT-DEMO-0000", "6222020200445566");
        historicLoan("am1", workday(today.minusDays(30)), "HT-DEMO-0002", "6222020200778899");
        // Its first quarterly check falls due now: the account manager does it before the deadline.
        String loanNumber = historyService.createHistoricVariableInstanceQuery().processInstanceId(disbursed.getId())
                .variableName(LoanVariables.LOAN_NUMBER).singleResult().getValue().toString();
        var monitoringInstance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("post-loan-monitoring")
                .processInstanceBusinessKey(loanNumber).singleResult();
        Job checkDue = managementService.createJobQuery().processInstanceId(monitoringInstance.getId()).timers()
                .orderByJobDuedate().asc().list().get(0);
        LocalDate checkDay = workday(checkDue.getDuedate().toInstant().atZone(BankClock.ZONE).toLocalDate().plusDays(2));
        at(checkDay, 10, 0);
        managementService.executeJob(checkDue.getId());
        at(checkDay, 15, 0);
        Task check = taskService.createTaskQuery().processInstanceId(monitoringInstance.getId())
                .taskDefinitionKey("Task_PeriodicCheck").singleResult();
        authenticate("am2");
        try {
            formService.submitTaskForm(check.getId(), new java.util.HashMap<>(Map.of("checkRepaymentOnTime", "YES",
                    "checkBankFlowsConsistent", "YES", "checkSalesChangePercent", 3, "checkNewBureauIssues", "NO",
                    "checkNewExternalDebt", "NO", "checkOwnerInCharge", "YES", "checkConclusion", "NORMAL",
                    "checkFindings", "经营正常,按时还款 Trading as usual, repaying on time", "checkStoreLeaseMonthsLeft", 28,
                    "checkStoreFootfall", "STABLE")));
        } finally {
            identityService.clearAuthentication();
        }

        // Declined by the approver last week: cash flow does not carry the request.
        LocalDate declinedTaken = workday(today.minusDays(12));
        at(declinedTaken, 10, 0);
        ProcessInstance declined = apply("am1", "2-catering", Map.of("amount", 150000.0));
        InvestigationRecord catering = load("2-catering");
        claim(declined, "Task_QueryCreditBureau", "ops1");
        at(declinedTaken, 13, 30);
        submit(declined, "Task_QueryCreditBureau", "ops1", InvestigationVariables.bureauFormValues(catering));
        at(workday(declinedTaken.plusDays(1)), 9, 30);
        claim(declined, "Task_InvestigateOnSite", "inv2");
        at(workday(declinedTaken.plusDays(1)), 17, 0);
        submit(declined, "Task_InvestigateOnSite", "inv2", InvestigationVariables.checklistValues(catering));
        drainJobs(declined);
        // The model may already have declined it; otherwise the (first) approver does.
        Task approval = taskService.createTaskQuery().processInstanceId(declined.getId()).taskDefinitionKeyLike("Task_Approve%")
                .singleResult();
        if (approval != null) {
            at(workday(declinedTaken.plusDays(3)), 10, 0);
            claim(declined, approval.getTaskDefinitionKey(), "apr2");
            at(workday(declinedTaken.plusDays(3)), 11, 0);
            submit(declined, approval.getTaskDefinitionKey(), "apr2", Map.of("approvalDecision", "DECLINE",
                    "declineReasonCode", "CASH_FLOW", "approvalOpinion", "压力下现金流不足以覆盖月供 Cash flow does not carry the instalment"));
        }
    }

    /**
     * A retail loan taken on a day and disbursed a week later, each station taking its time; the
     * investigation takes three working days against its two.
     */
    private ProcessInstance historicLoan(String accountManager, LocalDate taken, String contract, String account) {
        at(taken, 9, 30);
        ProcessInstance loan = apply(accountManager, "3-retail-store");
        InvestigationRecord record = load("3-retail-store");
        claim(loan, "Task_QueryCreditBureau", "ops2");
        at(taken, 11, 0);
        submit(loan, "Task_QueryCreditBureau", "ops2", InvestigationVariables.bureauFormValues(record));
        at(workday(taken.plusDays(1)), 10, 0);
        claim(loan, "Task_InvestigateOnSite", "inv1");
        at(workday(taken.plusDays(4)), 16, 0);
        submit(loan, "Task_InvestigateOnSite", "inv1", InvestigationVariables.checklistValues(record));
        drainJobs(loan);
        LocalDate approved = workday(taken.plusDays(5));
        at(approved, 14, 0);
        claim(loan, "Task_ApproveSingle", "apr1");
        at(approved, 16, 30);
        submit(loan, "Task_ApproveSingle", "apr1", Map.of("approvalDecision", "APPROVE",
                "approvalOpinion", "流水与访谈一致,同意 Flows match the interview; agree"));
        LocalDate signed = workday(taken.plusDays(7));
        at(signed, 10, 0);
        claim(loan, "Task_SignContract", "ops2");
        submit(loan, "Task_SignContract", "ops2", Map.of("contractNumber", contract, "contractSignedOn",
                signed.toString(), "conditionsFulfilled", true));
        at(signed, 15, 0);
        claim(loan, "Task_Disburse", "ops2");
        submit(loan, "Task_Disburse", "ops2", Map.of("disbursedAmount", 100000, "disbursementAccount", account,
                "disbursedOn", signed.toString()));
        drainJobs(loan);
        return loan;
    }

    /** The day itself if a weekday, else the Friday before. */
    private static LocalDate workday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(2);
            default -> day;
        };
    }

    /** Moves the engine's clock to a bank time. */
    private static void at(LocalDate day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, minute).atZone(BankClock.ZONE).toInstant()));
    }

    private void claim(ProcessInstance pi, String taskKey, String user) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        taskService.claim(task.getId(), user);
    }

    private void submit(ProcessInstance pi, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        authenticate(user);
        try {
            formService.submitTaskForm(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ProcessInstance apply(String accountManager, String workedCase) {
        return apply(accountManager, workedCase, Map.of());
    }

    private ProcessInstance apply(String accountManager, String workedCase, Map<String, Object> changes) {
        Map<String, Object> start = InvestigationVariables.startFormValues(load(workedCase), "11010119800101123X", "WALK_IN");
        start.putAll(changes);
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(LoanVariables.PROCESS_KEY)
                .latestVersion().singleResult().getId();
        authenticate(accountManager);
        try {
            return formService.submitStartForm(definition, start);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void dueDiligence(ProcessInstance pi, String workedCase, String investigator, String operator) {
        InvestigationRecord record = load(workedCase);
        complete(pi, "Task_QueryCreditBureau", operator, InvestigationVariables.bureauFormValues(record));
        complete(pi, "Task_InvestigateOnSite", investigator, InvestigationVariables.checklistValues(record));
        drainJobs(pi);
    }

    private void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        taskService.claim(task.getId(), user);
        authenticate(user);
        try {
            formService.submitTaskForm(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** As the user with their groups, so authorization checks apply as they would in Tasklist. */
    private void authenticate(String user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        identityService.setAuthentication(user, groups);
    }

    /** Runs the loan's jobs here, or waits for the job executor if it took them first. */
    private void drainJobs(ProcessInstance pi) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(pi.getId()).list()).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Demo loan " + pi.getBusinessKey() + " still has jobs after 30 s");
            }
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (ProcessEngineException busy) {
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding demo loans", e);
        }
    }

    private static InvestigationRecord load(String workedCase) {
        try (InputStream in = DemoLoans.class.getClassLoader().getResourceAsStream("demo/worked-cases/" + workedCase + ".json")) {
            if (in == null) {
                throw new IllegalStateException("demo case " + workedCase + " is not on the classpath");
            }
            return JSON.readValue(in, InvestigationRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
