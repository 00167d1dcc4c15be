package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.platform.RestVariables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.platform.BankClock;

/**
 * A loan driven through /engine-rest as the demo staff would through Tasklist: every call
 * authenticated, the server refusing what segregation of duties and form rules forbid with 400,
 * and what a role may not touch with 403. Runs on H2 here and on PostgreSQL in
 * {@code LoanOriginationPostgresIT}, through {@link Scenario}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoanOriginationRestTest {

    /** Today in the bank's zone: contract and disbursement dates must lie around it. */
    static final String TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private cn.smartfactory.lending.monitoring.LoanRegister loanRegister;

    @Test
    void retailLoanIsDisbursedThroughRestWithEveryRefusalOnTheWay() {
        new Scenario(rest, managementService, runtimeService, historyService, loanRegister).retailLoanWithRefusals();
    }

    @Test
    void segregationOfDutiesRefusalIsABadRequestWithTheReason() {
        new Scenario(rest, managementService, runtimeService, historyService, loanRegister).secondSignatureBySameApproverRefused();
    }

    /** The REST scenarios, independent of which database the platform runs on. */
    record Scenario(TestRestTemplate rest, ManagementService managementService, RuntimeService runtimeService,
                    HistoryService historyService, cn.smartfactory.lending.monitoring.LoanRegister loanRegister) {

        void retailLoanWithRefusals() {
            ResponseEntity<JsonNode> started = post("am2", "/engine-rest/process-definition/key/loan-origination/submit-form",
                    variables(LoanFixtures.startForm("3-retail-store")));
            assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
            String pi = started.getBody().get("id").asText();

            // Nobody outside the line's roles may start a loan.
            assertThat(post("mgr1", "/engine-rest/process-definition/key/loan-origination/submit-form",
                    variables(LoanFixtures.startForm("3-retail-store"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            // The roles of the line see the loan's open tasks (one grant per role and process); each
            // role's inbox lists its own work only; account managers work no task of the line.
            assertThat(taskIds("inv2", pi)).hasSize(2);
            assertThat(taskIds("apr2", pi)).hasSize(2);
            assertThat(taskIds("am2", pi)).isEmpty();
            assertThat(inbox("inv2")).contains(taskId("inv2", pi, "Task_InvestigateOnSite"))
                    .doesNotContain(taskId("inv2", pi, "Task_QueryCreditBureau"));
            assertThat(inbox("ops2")).contains(taskId("ops2", pi, "Task_QueryCreditBureau"))
                    .doesNotContain(taskId("ops2", pi, "Task_InvestigateOnSite"));
            assertThat(inbox("apr2")).doesNotContain(taskIds("apr2", pi).toArray(String[]::new));

            // Outside their role, staff cannot even take a task: authorization answers 403 before any
            // segregation-of-duties check (which LoanOriginationProcessTest covers for users in both roles).
            String investigation = taskId("inv2", pi, "Task_InvestigateOnSite");
            ResponseEntity<JsonNode> refused = post("am2", "/engine-rest/task/" + investigation + "/claim",
                    Map.of("userId", "am2"));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            // A form submission that breaks the form's rules is refused, naming the field; nothing is stored.
            String bureau = taskId("ops2", pi, "Task_QueryCreditBureau");
            Map<String, Object> badBureau = LoanFixtures.bureauForm("3-retail-store");
            badBureau.put("bureauInquiries6Months", -3);
            ResponseEntity<JsonNode> invalid = post("ops2", "/engine-rest/task/" + bureau + "/submit-form", variables(badBureau));
            assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(invalid.getBody().get("message").asText()).contains("“近6个月查询次数”")
                    .as("one message as the platform wrote it, Chinese first").doesNotContain("Cannot submit task form")
                    .matches("(?s)\\p{IsHan}.*");
            assertThat(runtimeService.getVariable(pi, "bureauInquiries6Months")).isNull();

            assertThat(post("ops2", "/engine-rest/task/" + bureau + "/submit-form",
                    variables(LoanFixtures.bureauForm("3-retail-store"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(post("inv2", "/engine-rest/task/" + investigation + "/submit-form",
                    variables(LoanFixtures.checklist("3-retail-store"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            runJobs(pi);
            // Scored once on record: the report step re-derives the assessment without a second history entry.
            assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(pi).decisionDefinitionKey("risk-grade")
                    .count()).isEqualTo(1);

            // The investigator is not an approver (403); an approver approves.
            String approval = taskId("apr2", pi, "Task_ApproveSingle");
            // The approver opens the credit report from the task.
            String application = String.valueOf(runtimeService.getVariable(pi, "applicationId"));
            ResponseEntity<byte[]> report = rest.withBasicAuth("apr2", "demo").getForEntity(
                    "/api/credit-reports/" + application, byte[].class);
            assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(report.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(runtimeService.getVariable(pi, "creditReportSha256"));
            assertThat(rest.withBasicAuth("corebank", "demo").getForEntity("/api/credit-reports/" + application, byte[].class)
                    .getStatusCode()).as("core banking does not read credit reports").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rest.getForEntity("/api/credit-reports/" + application, byte[].class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(report.getHeaders().getContentType()).hasToString(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(report.getBody()).startsWith('P', 'K');
            ResponseEntity<JsonNode> investigatorApproves = post("inv2", "/engine-rest/task/" + approval + "/claim",
                    Map.of("userId", "inv2"));
            assertThat(investigatorApproves.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post("apr2", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of(
                    "approvalDecision", "APPROVE", "approvalOpinion", "Checked 已核对"))).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);

            // The approver is not operations staff (403); operations staff who did not approve sign and disburse.
            String contract = taskId("ops2", pi, "Task_SignContract");
            ResponseEntity<JsonNode> approverSigns = post("apr2", "/engine-rest/task/" + contract + "/claim", Map.of("userId", "apr2"));
            assertThat(approverSigns.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post("ops2", "/engine-rest/task/" + contract + "/submit-form", variables(Map.of("contractNumber",
                    "HT-REST-0001", "contractSignedOn", TODAY, "conditionsFulfilled", true))).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            String disbursement = taskId("ops2", pi, "Task_Disburse");
            assertThat(post("ops2", "/engine-rest/task/" + disbursement + "/submit-form", variables(Map.of("disbursedAmount",
                    100000, "disbursementAccount", "6222020200112233", "disbursedOn", TODAY))).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            runJobs(pi);

            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                    .isEqualTo("EndEvent_LoanDisbursed");
            // The hand-over put the loan in the register (the platform's own table) with its officers.
            String loanNumber = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
                    .variableName("loanNumber").singleResult().getValue().toString();
            var loan = loanRegister.find(loanNumber).orElseThrow();
            assertThat(loan.tier()).isEqualTo("T1");
            assertThat(loan.outstandingBalance()).isEqualByComparingTo("100000");
            assertThat(loan.accountManager()).isEqualTo("am2");
            assertThat(loan.investigators()).isEqualTo("inv2");
            assertThat(loan.approvers()).isEqualTo("apr2");

            // ...and started its monitoring; a warning from core banking re-tiers it once, however often it is sent.
            Map<String, Object> warning = Map.of("eventId", "cb-" + loanNumber, "loanNumber", loanNumber,
                    "type", "LITIGATION", "occurredOn", BankClock.today().toString());
            assertThat(post("ops2", "/api/loan-events", warning).getStatusCode()).as("staff are not core banking").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post("corebank", "/api/loan-events", warning).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            ResponseEntity<JsonNode> repeated = post("corebank", "/api/loan-events", warning);
            assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(repeated.getBody().get("duplicate").asBoolean()).isTrue();
            assertThat(loanRegister.find(loanNumber).orElseThrow().tier()).isEqualTo("T3");
            assertThat(loanRegister.findEvent("cb-" + loanNumber).orElseThrow().tierAfter()).isEqualTo("T3");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("post-loan-monitoring")
                    .processInstanceBusinessKey(loanNumber).count()).isEqualTo(1);
        }

        void secondSignatureBySameApproverRefused() {
            ResponseEntity<JsonNode> started = post("am1", "/engine-rest/process-definition/key/loan-origination/submit-form",
                    variables(LoanFixtures.startForm("2-catering")));
            assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
            String pi = started.getBody().get("id").asText();
            String investigation = taskId("inv1", pi, "Task_InvestigateOnSite");
            ResponseEntity<JsonNode> claim = post("inv1", "/engine-rest/task/" + investigation + "/claim", Map.of("userId", "inv1"));
            assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(post("inv1", "/engine-rest/task/" + investigation + "/submit-form",
                    variables(LoanFixtures.checklist("2-catering"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(post("ops1", "/engine-rest/task/" + taskId("ops1", pi, "Task_QueryCreditBureau") + "/submit-form",
                    variables(LoanFixtures.bureauForm("2-catering"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            runJobs(pi);
            String first = taskId("apr1", pi, "Task_ApproveFirstSignature");
            assertThat(post("apr1", "/engine-rest/task/" + first + "/submit-form", variables(Map.of("approvalDecision", "APPROVE",
                    "approvalOpinion", "first"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            String second = taskId("apr1", pi, "Task_ApproveSecondSignature");
            ResponseEntity<JsonNode> sameApprover = post("apr1", "/engine-rest/task/" + second + "/submit-form",
                    variables(Map.of("approvalDecision", "APPROVE", "approvalOpinion", "again")));
            assertThat(sameApprover.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(sameApprover.getBody().get("message").asText()).contains("Segregation of duties", "different approver");
            assertThat(taskId("apr3", pi, "Task_ApproveSecondSignature")).isEqualTo(second);
        }

        private void runJobs(String pi) {
            var jobs = managementService.createJobQuery().processInstanceId(pi).executable().list();
            while (!jobs.isEmpty()) {
                jobs.forEach(j -> managementService.executeJob(j.getId()));
                jobs = managementService.createJobQuery().processInstanceId(pi).executable().list();
            }
        }

        /** The tasks in the user's Tasklist role inbox (the filter they see besides "My tasks"). */
        private java.util.List<String> inbox(String user) {
            JsonNode filters = rest.withBasicAuth(user, "demo").getForObject("/engine-rest/filter?resourceType=Task", JsonNode.class);
            java.util.List<String> ids = new java.util.ArrayList<>();
            for (JsonNode filter : filters) {
                if (filter.get("name").asText().endsWith("inbox")) {
                    JsonNode tasks = rest.withBasicAuth(user, "demo").postForObject("/engine-rest/filter/" + filter.get("id").asText()
                            + "/list?maxResults=500", null, JsonNode.class);
                    tasks.forEach(t -> ids.add(t.get("id").asText()));
                }
            }
            return ids;
        }

        private java.util.List<String> taskIds(String user, String pi) {
            JsonNode tasks = rest.withBasicAuth(user, "demo").getForObject("/engine-rest/task?processInstanceId=" + pi, JsonNode.class);
            java.util.List<String> ids = new java.util.ArrayList<>();
            tasks.forEach(t -> ids.add(t.get("id").asText()));
            return ids;
        }

        private String taskId(String user, String pi, String key) {
            JsonNode tasks = rest.withBasicAuth(user, "demo").getForObject(
                    "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + key, JsonNode.class);
            assertThat(tasks).as("%s sees %s", user, key).hasSize(1);
            return tasks.get(0).get("id").asText();
        }

        private ResponseEntity<JsonNode> post(String user, String path, Object body) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
        }

    }
}
