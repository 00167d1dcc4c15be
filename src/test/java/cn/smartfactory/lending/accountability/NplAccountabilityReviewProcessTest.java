package cn.smartfactory.lending.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.platform.DecisionTasks;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.forms.FormRulesListener;
import cn.smartfactory.lending.record.InMemoryDecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.sla.CalendarStore;
import cn.smartfactory.lending.sla.StationSla;

/**
 * npl-accountability-review on a plain in-memory engine with the real people steps: an officer's statement
 * and a determination of responsibility returned once and confirmed by a second risk manager; an exemption;
 * a statement deadline passing; four eyes; nobody judging themselves; nothing ever changed, only appended.
 */
@Deployment(resources = {"processes/npl-accountability-review.bpmn", "forms/accountability-statement.form",
        "forms/accountability-proposal.form", "forms/accountability-confirmation.form"})
class NplAccountabilityReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension
            .builder("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    private ProcessEngine engine;
    private JdbcClient jdbc;
    private AccountabilityStore store;
    private final InMemoryDecisionRecord record = new InMemoryDecisionRecord();
    /** What the (mocked) dossier step finds: set per test. */
    private List<Finding> findings = List.of();

    @BeforeEach
    void setUp() {
        engine = engineExtension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:review" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__loan_register.sql"),
                new ClassPathResource("db/migration/V11__station_sla.sql"),
                new ClassPathResource("db/migration/V15__accountability.sql")).execute(db);
        jdbc = JdbcClient.create(db);
        jdbc.sql("""
                INSERT INTO loan (loan_number, application_id, process_instance_id, customer_name, industry, product, guarantee_type,
                    grade, score, approved_amount, disbursed_amount, term_months, disbursed_on, maturity_date, outstanding_balance,
                    days_overdue, classification, tier, account_manager, investigators, approvers, status, created_at)
                VALUES ('L-1', 'A-1', 'pi', '客户', 'RETAIL_STORE', 'CREDIT', 'CREDIT', 'B', 70, 300000, 300000, 24, :on, :maturity,
                    280000, 95, 'SUBSTANDARD', 'T3', 'am1', 'inv1', 'apr1', 'ACTIVE', :at)""")
                .param("on", Date.valueOf("2026-01-10")).param("maturity", Date.valueOf("2028-01-10"))
                .param("at", Timestamp.from(Instant.parse("2026-01-10T02:00:00Z"))).update();
        store = new AccountabilityStore(jdbc);
        var rules = StandaloneDecisionRules.fromClasspath(List.of("processes/station-sla.dmn"));
        Mocks.register("accountabilityReview", new ReviewTasks(store, record, new StationSla(rules),
                new CalendarStore(jdbc, LocalTime.of(9, 0), LocalTime.of(17, 0))));
        Mocks.register("formRules", new FormRulesListener(new FormRules(engine.getFormService())));
        Mocks.register("assembleDossier", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            store.insertFindings((String) execution.getVariable("reviewId"), findings);
            execution.setVariable("dossierSha256", "0".repeat(64));
        });
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void responsibleAfterAStatementReturnedOnceAndAnExemption() {
        findings = List.of(new Finding("apr1", "APPROVER", "APR_WITHIN_AUTHORITY", "在审批权限内批准 Approved within authority", false,
                        "批准 350000,路径 route SINGLE_APPROVER,所需 needed DUAL_SIGNATURE"),
                new Finding("inv1", "INVESTIGATOR", "INV_SALES_SOURCES", "两个独立来源 Two sources", true, "3"));
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_GiveStatement");
        Task statement = task(pi, "Task_GiveStatement");
        assertThat(statement.getAssignee()).as("only the officer found short is heard").isEqualTo("apr1");
        assertThat(statement.getDueDate()).as("a deadline from the station-sla table").isNotNull();
        Map<String, Object> shown = engine.getTaskService().getVariablesLocal(statement.getId());
        assertThat((String) shown.get("officerFindings")).contains("未达标 Not met", "DUAL_SIGNATURE").doesNotContain("inv1");
        assertThat(shown.get("dossierUrl")).isEqualTo("/api/accountability/reviews/L-1-R1/dossier?officer=apr1");

        refused(() -> complete(statement, "risk1", Map.of("statementText", "代为申辩")), "申辩只能由被认定人本人提交");
        refused(() -> complete(statement, "apr1", Map.of()), "申辩内容");
        complete(statement, "apr1", Map.of("statementText", "客户补充了担保,金额经电话请示 Guarantee added, amount agreed by phone"));
        assertThat(pi).isWaitingAt("Task_ProposeDetermination");
        assertThat(tasks(pi, "Task_ProposeDetermination")).hasSize(2);

        Task aprProposal = forOfficer(pi, "Task_ProposeDetermination", "apr1");
        assertThat((String) engine.getTaskService().getVariableLocal(aprProposal.getId(), "officerStatement")).contains("Guarantee added");
        refused(() -> complete(aprProposal, "risk1", Map.of("determination", "RESPONSIBLE", "determinationReason", "超权限")),
                "责任类别");
        refused(() -> complete(aprProposal, "apr1", Map.of("determination", "EXEMPT", "determinationReason", "本人")), "不能参与对本人的认定");
        complete(aprProposal, "risk1", Map.of("determination", "RESPONSIBLE", "responsibilityCategory", "APPROVAL",
                "determinationReason", "超出单人审批权限 Approved above a single approver's authority"));
        Task aprConfirmation = forOfficer(pi, "Task_ConfirmDetermination", "apr1");
        assertThat((String) engine.getTaskService().getVariableLocal(aprConfirmation.getId(), "proposal"))
                .contains("RESPONSIBLE / APPROVAL", "risk1");
        refused(() -> complete(aprConfirmation, "risk1", Map.of("confirmation", "CONFIRM")), "四眼原则");
        refused(() -> complete(aprConfirmation, "risk2", Map.of("confirmation", "RETURN")), "退回提议须说明理由");
        complete(aprConfirmation, "risk2", Map.of("confirmation", "RETURN", "confirmationNote", "请核实电话请示记录 check the call record"));
        Task again = forOfficer(pi, "Task_ProposeDetermination", "apr1");
        complete(again, "risk1", Map.of("determination", "RESPONSIBLE", "responsibilityCategory", "APPROVAL",
                "determinationReason", "无请示记录,超权限 No record of the call: above authority"));
        complete(forOfficer(pi, "Task_ConfirmDetermination", "apr1"), "risk2", Map.of("confirmation", "CONFIRM"));

        complete(forOfficer(pi, "Task_ProposeDetermination", "inv1"), "risk2", Map.of("determination", "EXEMPT",
                "determinationReason", "调查符合标准 The investigation met the standard"));
        complete(forOfficer(pi, "Task_ConfirmDetermination", "inv1"), "risk1", Map.of("confirmation", "CONFIRM",
                "confirmationNote", "同意"));
        assertThat(pi).isEnded().hasPassed("EndEvent_ReviewClosed");

        assertThat(store.entries("L-1-R1")).extracting(e -> e.officer() + ":" + e.kind() + ":" + e.determination() + ":" + e.actor())
                .containsExactly("apr1:STATEMENT:null:apr1", "apr1:PROPOSED:RESPONSIBLE:risk1", "apr1:RETURNED:RESPONSIBLE:risk2",
                        "apr1:PROPOSED:RESPONSIBLE:risk1", "apr1:CONFIRMED:RESPONSIBLE:risk2", "inv1:PROPOSED:EXEMPT:risk2",
                        "inv1:CONFIRMED:EXEMPT:risk1");
        assertThat(record.entries("A-1")).extracting(e -> e.duty() + ":" + e.actor() + ":" + e.decision()).containsExactly(
                "ACCOUNTABILITY_STATEMENT:apr1:STATEMENT", "ACCOUNTABILITY_DETERMINATION:risk1:PROPOSED_RESPONSIBLE",
                "ACCOUNTABILITY_DETERMINATION:risk2:RETURNED", "ACCOUNTABILITY_DETERMINATION:risk1:PROPOSED_RESPONSIBLE",
                "ACCOUNTABILITY_DETERMINATION:risk2:RESPONSIBLE", "ACCOUNTABILITY_DETERMINATION:risk2:PROPOSED_EXEMPT",
                "ACCOUNTABILITY_DETERMINATION:risk1:EXEMPT");
    }

    @Test
    void aStatementNotGivenByTheDeadlineIsRecordedAsNone() {
        findings = List.of(new Finding("ops2", "OPERATIONS", "OPS_CONDITIONS_FULFILLED", "条件已落实 Conditions fulfilled", false, "未落实"));
        ProcessInstance pi = start();
        Task statement = task(pi, "Task_GiveStatement");
        ClockUtil.setCurrentTime(java.util.Date.from(statement.getDueDate().toInstant().plusSeconds(60)));
        var timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        assertThat(pi).hasPassed("EndEvent_NoStatement").isWaitingAt("Task_ProposeDetermination");
        assertThat(store.entries("L-1-R1")).extracting(AccountabilityStore.Entry::kind).containsExactly("NO_STATEMENT");
        Task proposal = task(pi, "Task_ProposeDetermination");
        assertThat((String) engine.getTaskService().getVariableLocal(proposal.getId(), "officerStatement")).contains("No statement");
        complete(proposal, "risk1", Map.of("determination", "RESPONSIBLE", "responsibilityCategory", "CONTRACT",
                "determinationReason", "条件未落实即签约 Signed with the condition unfulfilled"));
        complete(task(pi, "Task_ConfirmDetermination"), "risk2", Map.of("confirmation", "CONFIRM"));
        assertThat(pi).isEnded();
        assertThat(record.entries("A-1")).extracting(RecordEntry::decision).containsExactly("NO_STATEMENT", "PROPOSED_RESPONSIBLE",
                "RESPONSIBLE");
    }

    @Test
    void everyStandardMetHearsNobodyAndStillDeterminesEveryone() {
        findings = List.of(new Finding("am1", "MONITORING", "MON_CHECKS_ON_TIME", "按时 On time", true, "按时"));
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_ProposeDetermination");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("Task_GiveStatement").count()).isZero();
        complete(task(pi, "Task_ProposeDetermination"), "risk1", Map.of("determination", "EXEMPT", "determinationReason", "按标准监控"));
        complete(task(pi, "Task_ConfirmDetermination"), "risk2", Map.of("confirmation", "CONFIRM"));
        assertThat(pi).isEnded();
    }

    private ProcessInstance start() {
        store.insert(new AccountabilityStore.Review("L-1-R1", "L-1", 1, "SUBSTANDARD", null, Instant.now(), "platform"));
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("npl-accountability-review", "L-1-R1", Map.of(
                "reviewId", "L-1-R1", "loanNumber", "L-1", "applicationId", "A-1", "customerName", "客户", "reviewTrigger", "SUBSTANDARD"));
        assertThat(pi).isWaitingAt("Task_AssembleDossier");
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .singleResult().getId());
        return pi;
    }

    private List<Task> tasks(ProcessInstance pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    private Task task(ProcessInstance pi, String key) {
        List<Task> tasks = tasks(pi, key);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private Task forOfficer(ProcessInstance pi, String key, String officer) {
        return tasks(pi, key).stream().filter(t -> officer.equals(engine.getTaskService().getVariable(t.getId(), "officer")))
                .findFirst().orElseThrow();
    }

    private void complete(Task task, String user, Map<String, Object> values) {
        DecisionTasks.completeAs(engine, task, user, values);
    }

    private static void refused(Runnable action, String messagePart) {
        DecisionTasks.assertRefused(action, messagePart);
    }
}
