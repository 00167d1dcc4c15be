package cn.smartfactory.lending.evaluation;

import static cn.smartfactory.lending.platform.RestVariables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.origination.LoanFixtures;
import cn.smartfactory.lending.platform.BankClock;

/**
 * 分层授权 over the REST API the approvers use: with last month's evaluation giving apr2 the senior level
 * and apr3 the watch level, apr2's first signature on a dual-signature loan is the only one it needs;
 * apr3 cannot approve a single-approver loan; and an approver without a level cannot declare a first
 * signature "signed alone" — each refusal leaves the loan as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TieredAuthorityRestTest {

    /** Above any version the monthly run or a manager gives, so these are the approvers' latest levels. */
    private static final int VERSION = 9_000;

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ApproverEvaluations approvers;

    private final YearMonth lastMonth = YearMonth.from(BankClock.today()).minusMonths(1);

    @BeforeEach
    void levels() {
        level("apr2", "SENIOR", "资深 Senior");
        level("apr3", "WATCH", "观察 Watch");
        assertThat(approvers.currentLevel("apr2")).contains("SENIOR");
        assertThat(approvers.currentLevel("apr1")).isNotIn(List.of("SENIOR", "WATCH"));
    }

    @AfterEach
    void forget() {
        jdbc.sql("DELETE FROM approver_evaluation WHERE version = :v").param("v", VERSION).update();
    }

    @Test
    void aSeniorApproversFirstSignatureIsTheOnlyOneNeeded() {
        // Case 1 at the credit product's cap: grade A, one soft flag (its margin under stress), so two signatures
        String pi = atApproval("1-fmcg-wholesale", Map.of("amount", 300000.0), "Task_ApproveFirstSignature");
        assertThat(variable(pi, "approvalRoute")).isEqualTo("DUAL_SIGNATURE");

        // apr1 has no level: declaring the signature "alone" is refused, and nothing of the loan changes.
        Map<String, Object> attack = new HashMap<>(Map.of("approvalDecision", "APPROVE", "approvalOpinion", "同意 approve",
                "signedAlone", true));
        String task = task(pi, "Task_ApproveFirstSignature");
        ResponseEntity<JsonNode> refused = post("apr1", "/engine-rest/task/" + task + "/submit-form", variables(attack));
        assertThat(refused.getStatusCode().is4xxClientError()).as("%s", refused.getBody()).isTrue();
        assertThat(task(pi, "Task_ApproveFirstSignature")).isEqualTo(task);
        assertThat(variable(pi, "signedAlone")).isNull();
        assertThat(variable(pi, "approvedAmount")).isNull();

        ResponseEntity<JsonNode> signed = post("apr2", "/engine-rest/task/" + task + "/submit-form",
                variables(Map.of("approvalDecision", "APPROVE", "approvalOpinion", "资深审批人单签 senior approver signs alone")));
        assertThat(signed.getStatusCode()).as("%s", signed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ApproveSecondSignature")
                .count()).isZero();
        task(pi, "Task_SignContract");
        assertThat(variable(pi, "signedAlone")).isEqualTo(true);
        assertThat(variable(pi, "approvers")).isEqualTo("apr2");
        assertThat(jdbc.sql("SELECT details FROM decision_record WHERE process_instance_id = :pi AND duty = 'APPROVAL'")
                .param("pi", pi).query(String.class).single()).contains("资深审批人", "Senior approver");
    }

    @Test
    void anApproverOnWatchCannotApproveAloneAndTheLoanIsUntouched() {
        String pi = atApproval("3-retail-store", "Task_ApproveSingle");
        String task = task(pi, "Task_ApproveSingle");
        ResponseEntity<JsonNode> refused = post("apr3", "/engine-rest/task/" + task + "/submit-form",
                variables(Map.of("approvalDecision", "APPROVE", "approvalOpinion", "同意 approve")));
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("message").asText()).contains("审批等级", "审批人处于观察级,不得单签",
                "An approver on watch does not sign alone");
        assertThat(task(pi, "Task_ApproveSingle")).isEqualTo(task);
        assertThat(variable(pi, "approvedAmount")).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM decision_record WHERE process_instance_id = :pi AND duty = 'APPROVAL'")
                .param("pi", pi).query(Long.class).single()).isZero();

        // apr1, without a level, has the route's authority: the same approval goes through.
        engine.getTaskService().setAssignee(task, null);
        assertThat(post("apr1", "/engine-rest/task/" + task + "/submit-form",
                variables(Map.of("approvalDecision", "APPROVE", "approvalOpinion", "同意 approve"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        task(pi, "Task_SignContract");
    }

    private String atApproval(String workedCase, String approvalTask) {
        return atApproval(workedCase, Map.of(), approvalTask);
    }

    private String atApproval(String workedCase, Map<String, Object> changes, String approvalTask) {
        Map<String, Object> start = new HashMap<>(LoanFixtures.startForm(workedCase));
        start.putAll(changes);
        ResponseEntity<JsonNode> started = post("am1", "/engine-rest/process-definition/key/loan-origination/submit-form",
                variables(start));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        String pi = started.getBody().get("id").asText();
        assertThat(post("ops1", "/engine-rest/task/" + task(pi, "Task_QueryCreditBureau") + "/submit-form",
                variables(LoanFixtures.bureauForm(workedCase))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("inv1", "/engine-rest/task/" + task(pi, "Task_InvestigateOnSite") + "/submit-form",
                variables(LoanFixtures.checklist(workedCase))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var management = engine.getManagementService();
        var jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        while (!jobs.isEmpty()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
            jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        }
        task(pi, approvalTask);
        return pi;
    }

    private void level(String approver, String level, String name) {
        jdbc.sql("""
                INSERT INTO approver_evaluation (evaluation_month, approver, version, loans, outstanding, overdue_rate, npl_rate,
                    overdue_loan_share, level, level_name, computed_at, computed_by)
                VALUES (:m, :a, :v, 60, 3000000, 0, 0, 0, :level, :name, :at, 'mgr1')""")
                .param("m", Date.valueOf(lastMonth.atDay(1))).param("a", approver).param("v", VERSION).param("level", level)
                .param("name", name).param("at", Timestamp.from(Instant.now())).update();
    }

    private Object variable(String pi, String name) {
        return engine.getRuntimeService().getVariable(pi, name);
    }

    private String task(String pi, String key) {
        var tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list();
        assertThat(tasks).as("open %s of %s", key, pi).hasSize(1);
        return tasks.get(0).getId();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
