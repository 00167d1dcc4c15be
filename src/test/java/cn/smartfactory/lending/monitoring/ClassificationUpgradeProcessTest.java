package cn.smartfactory.lending.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.platform.DecisionTasks;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.forms.FormRulesListener;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.record.InMemoryDecisionRecord;

/**
 * classification-upgrade on a plain in-memory engine: the account manager proposes, a risk manager confirms
 * (never the proposer) and the register moves one class up; a rejection leaves it; a proposal the table
 * refuses — someone else's loan, two classes at once, arrears, a restructuring under observation, too short a
 * run of normal repayment — starts nothing.
 */
@Deployment(resources = {"processes/classification-upgrade.bpmn", "forms/classification-upgrade-proposal.form",
        "forms/classification-upgrade-confirmation.form"})
class ClassificationUpgradeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension
            .builder("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    private static final DecisionRules RULES = StandaloneDecisionRules.fromClasspath(List.of("processes/post-loan-monitoring-rules.dmn"));
    private static final LocalDate TODAY = BankClock.today();

    private ProcessEngine engine;
    private InMemoryLoanRegister register;
    private final InMemoryDecisionRecord record = new InMemoryDecisionRecord();

    @BeforeEach
    void setUp() {
        engine = engineExtension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        register = new InMemoryLoanRegister();
        register.register(loan("LN-S", "SUBSTANDARD", 0));
        register.overdueLastOn("LN-S", TODAY.minusMonths(7));
        register.register(loan("LN-A", "SPECIAL_MENTION", 12));
        register.register(loan("LN-R", "SPECIAL_MENTION", 0));
        register.overdueLastOn("LN-R", TODAY.minusMonths(8));
        register.recordEvent(new RecordedEvent(new LoanEvent("rs-1", "LN-R", "RESTRUCTURING", TODAY.minusMonths(4), null, null, null,
                "重组", "core"), "T2", "T2"));
        register.register(loan("LN-N", "SUBSTANDARD", 0));
        register.overdueLastOn("LN-N", TODAY.minusMonths(2));
        LoanMonitoring monitoring = new LoanMonitoring(register, RULES, new MonitoringTier(RULES), IndustryCatalog.fromClasspath(),
                new RecordingMonitoringProcess());
        Mocks.register("classificationUpgrade", new ClassificationUpgrade(register, monitoring, RULES, record));
        Mocks.register("formRules", new FormRulesListener(new FormRules(engine.getFormService())));
        var identity = engine.getIdentityService();
        // The platform's group ids have hyphens; the plain test engine is told so, as the platform's configuration does.
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .setGroupResourceWhitelistPattern("[a-zA-Z0-9-]+");
        if (identity.createGroupQuery().groupId("risk-managers").count() == 0) {
            identity.saveGroup(identity.newGroup("risk-managers"));
            for (String user : List.of("risk1", "risk2")) {
                identity.saveUser(identity.newUser(user));
                identity.createMembership(user, "risk-managers");
            }
        }
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void theAccountManagerProposesARiskManagerConfirmsAndTheLoanMovesOneClassUp() {
        ProcessInstance pi = propose("am1", "LN-S", "SPECIAL_MENTION");
        assertThat(pi).isWaitingAt("Task_ConfirmUpgrade");
        Task confirm = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "upgradeEligibility")).contains("7");
        refused(() -> complete(confirm, "am1", Map.of("upgradeDecision", "CONFIRM", "upgradeOpinion", "同意")), "四眼原则");
        assertThat(register.find("LN-S").orElseThrow().classification()).isEqualTo("SUBSTANDARD");
        refused(() -> complete(confirm, "risk1", Map.of("upgradeDecision", "CONFIRM")), "复核意见");
        complete(confirm, "risk1", Map.of("upgradeDecision", "CONFIRM", "upgradeOpinion", "连续7个月正常还款 seven months repaid"));
        assertThat(pi).isEnded().hasPassed("EndEvent_Upgraded");
        assertThat(register.find("LN-S").orElseThrow().classification()).isEqualTo("SPECIAL_MENTION");
        assertThat(record.entries("APP-LN-S")).extracting(e -> e.duty() + ":" + e.actor() + ":" + e.decision()).containsExactly(
                "CLASSIFICATION_UPGRADE:am1:PROPOSED_SPECIAL_MENTION", "CLASSIFICATION_UPGRADE:risk1:UPGRADED_SPECIAL_MENTION");
    }

    @Test
    void aRejectedUpgradeLeavesTheClass() {
        ProcessInstance pi = propose("risk1", "LN-S", "SPECIAL_MENTION");
        Task confirm = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        refused(() -> complete(confirm, "risk1", Map.of("upgradeDecision", "CONFIRM", "upgradeOpinion", "同意")), "四眼原则");
        complete(confirm, "risk2", Map.of("upgradeDecision", "REJECT", "upgradeOpinion", "担保未落实 guarantee not in place"));
        assertThat(pi).isEnded().hasPassed("EndEvent_UpgradeRejected");
        assertThat(register.find("LN-S").orElseThrow().classification()).isEqualTo("SUBSTANDARD");
    }

    @Test
    void aProposalTheTableRefusesStartsNothing() {
        refused(() -> propose("am2", "LN-S", "SPECIAL_MENTION"), "只能为本人管户的贷款提出上调");
        refused(() -> propose("am1", "LN-S", "NORMAL"), "每次只能上调一级");
        refused(() -> propose("am1", "LN-A", "NORMAL"), "逾期未结清");
        refused(() -> propose("am1", "LN-R", "NORMAL"), "观察期未满");
        refused(() -> propose("am1", "LN-N", "SPECIAL_MENTION"), "连续6个月正常还款");
        refused(() -> propose("am1", "LN-404", "NORMAL"), "贷款编号不存在");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("classification-upgrade").count())
                .isZero();
        assertThat(record.all()).isEmpty();
    }

    private ProcessInstance propose(String user, String loan, String proposed) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("classification-upgrade")
                    .latestVersion().singleResult().getId();
            return engine.getFormService().submitStartForm(definition, new HashMap<>(Map.of("upgradeLoanNumber", loan,
                    "proposedClassification", proposed, "upgradeReason", "欠款已结清,经营恢复 arrears cleared, trading recovered")));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void complete(Task task, String user, Map<String, Object> values) {
        DecisionTasks.completeAs(engine, task, user, values);
    }

    private static void refused(Runnable action, String messagePart) {
        DecisionTasks.assertRefused(action, messagePart);
    }

    private static LoanRecord loan(String number, String classification, int days) {
        return new LoanRecord(number, "APP-" + number, "pi", "Customer", "RETAIL_STORE", "CREDIT", "NONE", "B", 70,
                new BigDecimal("100000"), new BigDecimal("100000"), 24, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1),
                new BigDecimal("80000"), days, classification, "T2", "am1", "inv1", "apr1", "ACTIVE");
    }
}
