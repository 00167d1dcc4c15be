package cn.smartfactory.lending.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.smartfactory.lending.customer.CustomerKey;
import cn.smartfactory.lending.customer.CustomerRegister;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.forms.FormRulesListener;
import cn.smartfactory.lending.industry.IndustryCatalog;

/**
 * Both marketing diagrams with time travel and the real delegates over the real tables (an in-memory
 * database made by the migrations): dispatch in chunks, a list added later, follow-up timers, the
 * attempts limit, opting out, conversion into an application and back (the loan line stood in by a
 * one-task process), the campaign's end closing open leads, and the review.
 */
@Deployment(resources = {"processes/marketing-campaign.bpmn", "processes/marketing-lead.bpmn",
        "processes-test/loan-origination-stub.bpmn", "forms/campaign-start.form", "forms/campaign-review.form",
        "forms/lead-outreach.form"})
class MarketingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension
            .builder("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    static final DecisionRules RULES = StandaloneDecisionRules.fromClasspath(List.of("processes/lead-assignment.dmn",
            "processes/marketing-strategy.dmn", "processes/marketing-points.dmn"));
    static final ZoneId BANK = ZoneId.of("Asia/Shanghai");

    ProcessEngine engine;
    MarketingDatabase db;
    MarketingStore store;
    CustomerRegister customers;
    LeadListImport listImport;
    LocalDate today;
    static int databases;

    @BeforeEach
    void wire() {
        engine = engineExtension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        today = LocalDate.now(BANK);
        ClockUtil.setCurrentTime(date(today.atTime(9, 0)));
        db = MarketingDatabase.fresh("marketing-process-" + (++databases));
        store = new MarketingStore(db.jdbc, db.template);
        customers = new CustomerRegister(db.jdbc, db.dataSource);
        AccountManagerProfiles profiles = new AccountManagerProfiles(db.jdbc);
        profiles.save(new AccountManagerProfile("am1", "CHENGGUAN", List.of("RETAIL_STORE", "CATERING"), true), "mkt1");
        profiles.save(new AccountManagerProfile("am2", "QINGSHUI", List.of("LOGISTICS", "AGRICULTURE"), true), "mkt1");
        MarketingReference reference = MarketingReference.fromClasspath();
        IndustryCatalog industries = IndustryCatalog.fromClasspath();
        listImport = new LeadListImport(customers, store, profiles, new LeadAssignment(RULES), industries, reference);
        MarketingPoints points = new MarketingPoints(RULES, store);
        CampaignFigures figures = new CampaignFigures(db.jdbc);
        FormRules formRules = new FormRules(engine.getFormService());
        Mocks.register("formRules", new FormRulesListener(formRules));
        Mocks.register("campaignOpening", new CampaignOpening(store, new BankLists(db.jdbc, profiles),
                listImport));
        Mocks.register("leadDispatch", new LeadDispatch(store, new StrategyLibrary(RULES), engine.getRuntimeService(), 2));
        Mocks.register("campaignClosing", new CampaignClosing(store, figures));
        Mocks.register("campaignReview", new CampaignReview(store));
        Mocks.register("outreachTask", new OutreachTaskListener(store, industries, reference));
        Mocks.register("outreachRecorder", new OutreachRecorder(store, customers, points));
        Mocks.register("applicationOutcome", new ApplicationOutcome(store, points));
        Mocks.register("leadClosing", new LeadClosing(store));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aCampaignDispatchesItsListInChunksAddsAListLaterAndIsReviewedAfterItsEndDate() {
        ProcessInstance campaign = startCampaign(3);
        String campaignId = var(campaign, "campaignId").toString();
        assertThat(campaignId).startsWith("CMP-");
        importNames(campaignId, "CHENGGUAN", "RETAIL_STORE", 3, 100);
        runJobs(campaign);
        assertThat(campaign).hasPassed("Task_DispatchLeads").isWaitingAt("Event_CampaignEnds");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(campaign.getId())
                .activityId("Task_DispatchLeads").count()).as("3 leads in chunks of 2").isEqualTo(2);
        assertThat(outreach("am1")).hasSize(3);

        // A list added later is dispatched by the event subprocess, without disturbing the wait for the end date.
        importNames(campaignId, "QINGSHUI", "LOGISTICS", 3, 200);
        engine.getRuntimeService().createMessageCorrelation("LeadListAdded").processInstanceBusinessKey(campaignId).correlate();
        runJobs(campaign);
        assertThat(campaign).hasPassed("Task_DispatchAddedLeads", "EndEvent_AddedLeadsDispatched").isWaitingAt("Event_CampaignEnds");
        assertThat(outreach("am2")).hasSize(3);

        // One lead is reached and converted before the end; the others are still open at the end date.
        Task first = outreach("am1").get(0);
        long convertedLead = leadId(first);
        complete(first, "am1", apply());
        Task line = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_StubLine").singleResult();
        engine.getTaskService().complete(line.getId(), Map.of("applicationId", "APP-X", "loanNumber", "LN-APP-X",
                "disbursedAmount", 150000, "approvalDecision", "APPROVE"));

        travelTo(store.campaign(campaignId).orElseThrow().endDate().plusDays(1).atStartOfDay());
        runJobs(campaign);
        runLeadJobs();
        assertThat(campaign).hasPassed("Task_CloseCampaign").isWaitingAt("Task_ReviewCampaign");
        assertThat(store.campaign(campaignId).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("marketing-lead").count())
                .as("every open lead closed at the end date").isZero();
        assertThat(store.lead(leadId(5, campaignId)).orElseThrow().status()).isEqualTo(Lead.CLOSED_AT_END);
        assertThat(store.lead(convertedLead).orElseThrow().status()).isEqualTo(Lead.DISBURSED);
        @SuppressWarnings("unchecked")
        Map<String, Object> results = (Map<String, Object>) readJson(campaign, "results");
        assertThat(results).containsEntry("leads", 6).containsEntry("disbursed", 1).containsEntry("conversion", "16.7%")
                .containsEntry("coverage", "16.7%");

        Task review = engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId()).singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId())
                .contains("marketing-operations");
        complete(review, "mkt1", Map.of("reviewWorked", "上门拜访转化高 Visits converted", "reviewChange", "名单先筛经营年限 Filter by years in business"));
        assertThat(campaign).isEnded().hasPassed("EndEvent_CampaignReviewed");
        assertThat(db.jdbc.sql("SELECT review_change FROM campaign WHERE campaign_id = :id").param("id", campaignId)
                .query(String.class).single()).startsWith("名单先筛经营年限");
    }

    @Test
    void anUnreachedLeadComesBackOnTheNextDayAndClosesAfterTheCampaignsAttempts() {
        ProcessInstance campaign = startCampaign(2);
        importNames(campaign.getBusinessKey(), "QINGSHUI", "LOGISTICS", 1, 300);
        runJobs(campaign);
        Task task = outreach("am2").get(0);
        ProcessInstance lead = leadProcess(task);
        assertThat(engine.getTaskService().getVariable(task.getId(), "strategyAdvice").toString()).contains("普惠小微贷");

        complete(task, "am2", Map.of("contactChannel", "PHONE", "reached", "NO"));
        assertThat(lead).isWaitingAt("Event_FollowUpDue");
        assertThat(store.lead(leadId(task)).orElseThrow().status()).isEqualTo(Lead.FOLLOW_UP);
        travelTo(today.plusDays(1).atStartOfDay());
        runJobs(lead);
        Task second = outreach("am2").get(0);
        assertThat(engine.getTaskService().getVariable(second.getId(), "reached")).as("the last answers were cleared").isNull();
        assertThat(engine.getTaskService().getVariable(second.getId(), "contacts").toString()).contains("电话 Phone");

        complete(second, "am2", Map.of("contactChannel", "VISIT", "reached", "NO"));
        assertThat(lead).isEnded().hasPassed("EndEvent_OutreachDone", "EndEvent_LeadClosed");
        Lead closed = store.lead(leadId(task)).orElseThrow();
        assertThat(closed.status()).isEqualTo(Lead.UNREACHED);
        assertThat(closed.attempts()).isEqualTo(2);
        assertThat(store.contacts(closed.leadId())).hasSize(2);
    }

    @Test
    void aFollowUpDateBringsTheTaskBackThatDayAndTheCustomerMayDeclineMarketing() {
        ProcessInstance campaign = startCampaign(3);
        importNames(campaign.getBusinessKey(), "CHENGGUAN", "CATERING", 2, 400);
        runJobs(campaign);
        List<Task> tasks = outreach("am1");

        Task later = tasks.get(0);
        ProcessInstance lead = leadProcess(later);
        LocalDate followUp = today.plusDays(7);
        assertThatThrownBy(() -> complete(later, "am1", Map.of("contactChannel", "PHONE", "reached", "YES", "consent", "GRANTED",
                "interest", "LATER"))).hasMessageContaining("“下次跟进日期”为必填项");
        complete(later, "am1", Map.of("contactChannel", "PHONE", "reached", "YES", "consent", "GRANTED", "interest", "LATER",
                "nextFollowUp", followUp.toString()));
        assertThat(lead).isWaitingAt("Event_FollowUpDue");
        travelTo(followUp.minusDays(1).atTime(12, 0));
        runJobs(lead);
        assertThat(outreach("am1")).hasSize(1);
        travelTo(followUp.atStartOfDay());
        runJobs(lead);
        Task back = engine.getTaskService().createTaskQuery().processInstanceId(lead.getId()).singleResult();
        assertThat(back).isNotNull();
        complete(back, "am1", Map.of("contactChannel", "WECHAT", "reached", "YES", "consent", "GRANTED", "interest",
                "NOT_INTERESTED", "objection", "刚贷过款 Borrowed elsewhere"));
        assertThat(lead).isEnded().hasPassed("EndEvent_LeadClosed");
        assertThat(store.lead(leadId(later)).orElseThrow().status()).isEqualTo(Lead.NOT_INTERESTED);

        Task optOut = tasks.get(1);
        complete(optOut, "am1", Map.of("contactChannel", "PHONE", "reached", "YES", "consent", "WITHDRAWN"));
        Lead opted = store.lead(leadId(optOut)).orElseThrow();
        assertThat(opted.status()).isEqualTo(Lead.OPTED_OUT);
        assertThat(customers.find(opted.customerKey()).orElseThrow().mayBeContacted()).isFalse();
        assertThat(listImport.importRows(store.campaign(campaign.getBusinessKey()).orElseThrow(), "again",
                List.of(row(1, opted.name(), opted.customerKey(), "CHENGGUAN", "CATERING"))).rejected())
                .extracting(LeadListImport.RowNote::rule).containsExactly("DO_NOT_CONTACT");
    }

    @Test
    void aConvertedLeadRecordsHowItsApplicationEnded() {
        ProcessInstance campaign = startCampaign(3);
        importNames(campaign.getBusinessKey(), "CHENGGUAN", "RETAIL_STORE", 2, 500);
        runJobs(campaign);
        List<Task> tasks = outreach("am1");
        List<ProcessInstance> leads = new ArrayList<>();
        for (Task task : tasks) {
            leads.add(leadProcess(task));
            complete(task, "am1", apply());
        }
        List<Task> lines = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_StubLine").list();
        assertThat(lines).hasSize(2);
        ProcessInstance application = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(lines.get(0).getProcessInstanceId()).singleResult();
        assertThat(application.getBusinessKey()).matches("APP-\\d{8}-L\\d{7}");
        assertThat(engine.getRuntimeService().getVariable(application.getId(), "leadSource")).isEqualTo("CAMPAIGN_LIST");
        assertThat(engine.getRuntimeService().getVariable(application.getId(), "campaignId")).isEqualTo(campaign.getBusinessKey());
        engine.getTaskService().complete(lines.get(0).getId(), Map.of("approvalDecision", "DECLINE"));
        engine.getTaskService().complete(lines.get(1).getId(), Map.of("approvalDecision", "APPROVE", "customerWithdrew", true));
        List<String> outcomes = new ArrayList<>();
        for (ProcessInstance lead : leads) {
            assertThat(lead).isEnded().hasPassed("CallActivity_Application", "EndEvent_LeadConverted");
        }
        for (Task task : tasks) {
            Lead lead = store.lead(leadId(task)).orElseThrow();
            outcomes.add(lead.status() + ":" + lead.approved());
        }
        assertThat(outcomes).containsExactlyInAnyOrder("DECLINED:false", "WITHDRAWN:true");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private ProcessInstance startCampaign(int maxAttempts) {
        Map<String, Object> form = new HashMap<>();
        form.put("campaignName", "测试活动 Test campaign");
        form.put("objective", "测试 Test");
        form.put("targetSegment", "商户 Businesses");
        form.put("strategy", "GENERAL");
        form.put("channel", "PHONE");
        form.put("listSource", "NAME_LIST");
        form.put("startDate", today.toString());
        form.put("endDate", today.plusDays(20).toString());
        form.put("conversionTarget", 1L);
        form.put("maxAttempts", (long) maxAttempts);
        form.put("campaignOwner", "mkt1");
        return engine.getRuntimeService().startProcessInstanceByKey("marketing-campaign", form);
    }

    private void importNames(String campaignId, String region, String industry, int count, int idBase) {
        List<ListRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String seventeen = "44030519850101" + String.format("%03d", idBase + i);
            rows.add(row(i + 2, "客户" + (idBase + i), seventeen + CustomerKey.residentCheck(seventeen), region, industry));
        }
        var result = listImport.importRows(store.campaign(campaignId).orElseThrow(), "test", rows);
        assertThat(result.rejected()).isEmpty();
    }

    private static ListRow row(int number, String name, String id, String region, String industry) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("phone", "1390000" + id.substring(13, 17));
        values.put("idNumber", id);
        values.put("industry", industry);
        values.put("region", region);
        return new ListRow(number, values, null);
    }

    private Map<String, Object> apply() {
        Map<String, Object> v = new HashMap<>(Map.of("contactChannel", "VISIT", "reached", "YES", "consent", "GRANTED",
                "interest", "WANTS_TO_APPLY", "applicantAge", 45L, "product", "CREDIT", "amount", 150000L, "termMonths", 24L,
                "purpose", "进货 Stock", "guaranteeType", "NONE"));
        v.put("repaymentStructure", "EQUAL_INSTALMENT");
        v.put("drawdownMonth", "2026-12");
        return v;
    }

    private List<Task> outreach(String user) {
        return engine.getTaskService().createTaskQuery().processDefinitionKey("marketing-lead").taskAssignee(user)
                .orderByTaskCreateTime().asc().list();
    }

    private long leadId(Task task) {
        return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).variableName("leadId").singleResult().getValue()).longValue();
    }

    private long leadId(int index, String campaignId) {
        return db.jdbc.sql("SELECT lead_id FROM campaign_lead WHERE campaign_id = :id ORDER BY lead_id").param("id", campaignId)
                .query(Long.class).list().get(index);
    }

    private ProcessInstance leadProcess(Task task) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    }

    private void complete(Task task, String user, Map<String, Object> values) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().complete(task.getId(), values);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
        }
    }

    private void runLeadJobs() {
        for (Job job : engine.getManagementService().createJobQuery().processDefinitionKey("marketing-lead").executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    private Object var(ProcessInstance pi, String name) {
        return engine.getRuntimeService().getVariable(pi.getId(), name);
    }

    private Object readJson(ProcessInstance pi, String name) {
        return engine.getRuntimeService().getVariable(pi.getId(), name);
    }

    private void travelTo(LocalDateTime when) {
        ClockUtil.setCurrentTime(date(when));
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(BANK).toInstant());
    }

}
