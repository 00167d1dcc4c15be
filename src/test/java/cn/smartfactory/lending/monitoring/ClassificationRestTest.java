package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.platform.RestVariables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.platform.BankClock;

/**
 * Classification by judgement and its upgrade path over the platform's REST surfaces: core banking reports a
 * bankruptcy and the loan, 0 days overdue, is doubtful at once (and its accountability review starts); an
 * upgrade is proposed by the loan's account manager from Tasklist's start form and confirmed by a risk
 * manager; whoever may not — an investigator, another account manager, the proposer confirming — is refused
 * and nothing changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassificationRestTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private LoanMonitoring monitoring;
    @Autowired
    private LoanRegister register;
    @Autowired
    private TaskService tasks;
    @Autowired
    private HistoryService history;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aBankruptBorrowerZeroDaysOverdueIsDoubtfulAtOnce() {
        monitoring.handOver(LoanEventApiTest.loan("LN-JDG-1"));
        ResponseEntity<JsonNode> bankrupt = rest.withBasicAuth("corebank", "demo").postForEntity("/api/loan-events",
                LoanEventApiTest.event("cb-jdg-1", "LN-JDG-1", "BANKRUPTCY"), JsonNode.class);
        assertThat(bankrupt.getStatusCode()).as("%s", bankrupt.getBody()).isEqualTo(HttpStatus.CREATED);
        LoanRecord loan = register.find("LN-JDG-1").orElseThrow();
        assertThat(loan.daysOverdue()).isZero();
        assertThat(loan.classification()).isEqualTo("DOUBTFUL");
        assertThat(loan.tier()).isEqualTo("T3");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accountability_review WHERE loan_number = 'LN-JDG-1'").query(Long.class).single())
                .as("a loan bad by judgement is reviewed like one bad by days").isEqualTo(1);
    }

    @Test
    void anUpgradeIsProposedByTheAccountManagerAndConfirmedByARiskManager() {
        monitoring.handOver(LoanEventApiTest.loan("LN-UPG-1"));
        Map<String, Object> overdue = LoanEventApiTest.event("cb-upg-1", "LN-UPG-1", "OVERDUE_PAYMENT");
        overdue.put("daysOverdue", 95);
        assertThat(rest.withBasicAuth("corebank", "demo").postForEntity("/api/loan-events", overdue, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        monitoring.reportOverdue("LN-UPG-1", 0, new BigDecimal("90000"));
        assertThat(register.find("LN-UPG-1").orElseThrow().classification()).isEqualTo("SUBSTANDARD");
        Map<String, Object> proposal = Map.of("upgradeLoanNumber", "LN-UPG-1", "proposedClassification", "SPECIAL_MENTION",
                "upgradeReason", "欠款已结清 arrears cleared");

        // Arrears cleared today: six months of normal repayment first.
        ResponseEntity<JsonNode> early = propose("am1", proposal);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(early.getBody().get("message").asText()).contains("连续6个月正常还款", "Six months");
        jdbc.sql("UPDATE loan SET last_overdue_on = :d WHERE loan_number = 'LN-UPG-1'")
                .param("d", Date.valueOf(BankClock.today().minusMonths(7))).update();

        for (String user : List.of("inv1", "ops1", "apr1")) {
            assertThat(propose(user, proposal).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<JsonNode> notHers = propose("am2", proposal);
        assertThat(notHers.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notHers.getBody().get("message").asText()).contains("只能为本人管户的贷款提出上调");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("classification-upgrade")
                .variableValueEquals("upgradeLoanNumber", "LN-UPG-1").count()).as("refused proposals start nothing").isZero();

        ResponseEntity<JsonNode> proposed = propose("am1", proposal);
        assertThat(proposed.getStatusCode()).as("%s", proposed.getBody()).isEqualTo(HttpStatus.OK);
        Task confirm = tasks.createTaskQuery().processInstanceId(proposed.getBody().get("id").asText()).singleResult();
        Map<String, Object> confirmation = Map.of("upgradeDecision", "CONFIRM", "upgradeOpinion", "同意 agree");
        assertThat(rest.withBasicAuth("am1", "demo").postForEntity("/engine-rest/task/" + confirm.getId() + "/submit-form",
                variables(confirmation), JsonNode.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
        assertThat(register.find("LN-UPG-1").orElseThrow().classification()).isEqualTo("SUBSTANDARD");
        assertThat(rest.withBasicAuth("risk1", "demo").postForEntity("/engine-rest/task/" + confirm.getId() + "/submit-form",
                variables(confirmation), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(register.find("LN-UPG-1").orElseThrow().classification()).isEqualTo("SPECIAL_MENTION");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM decision_record WHERE application_id = 'APP-LN-UPG-1' AND duty = 'CLASSIFICATION_UPGRADE'")
                .query(Long.class).single()).isEqualTo(2);
    }

    private ResponseEntity<JsonNode> propose(String user, Map<String, Object> proposal) {
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/classification-upgrade/submit-form",
                variables(proposal), JsonNode.class);
    }
}
