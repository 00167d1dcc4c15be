package cn.smartfactory.lending.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.platform.BankClock;

/**
 * Early warnings and repayment over HTTP as core banking and officers send them: authorization,
 * idempotency, clear 4xx answers that change nothing, and the warning task in the right inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoanEventApiTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private LoanRegister register;
    @Autowired
    private LoanMonitoring monitoring;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ManagementService managementService;

    @Test
    void coreBankingReportsAWarningOnceAndItReachesTheRightInbox() {
        monitoring.handOver(loan("LN-EVT-1"));
        Map<String, Object> litigation = event("cb-1001", "LN-EVT-1", "LITIGATION");

        assertThat(post("mgr1", litigation).getStatusCode()).as("managers only watch").isEqualTo(HttpStatus.FORBIDDEN);
        for (String staff : new String[] {"ops1", "am1", "risk1"}) {
            assertThat(post(staff, litigation).getStatusCode()).as("%s is staff, not core banking", staff)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        ResponseEntity<JsonNode> first = post("corebank", litigation);
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("tierBefore").asText()).isEqualTo("T1");
        assertThat(first.getBody().get("tierAfter").asText()).isEqualTo("T3");
        ResponseEntity<JsonNode> again = post("corebank", litigation);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();

        List<Task> warnings = taskService.createTaskQuery().processInstanceBusinessKey("LN-EVT-1")
                .taskDefinitionKey("Task_HandleWarning").list();
        assertThat(warnings).hasSize(1);
        assertThat(inbox("risk1")).contains(warnings.get(0).getId());
        assertThat(inbox("am1")).doesNotContain(warnings.get(0).getId());
        // The account manager may see the warning (a task of a process the role works in) but not take it.
        String assignee = warnings.get(0).getAssignee();
        assertThat(rest.withBasicAuth("am1", "demo").postForEntity("/engine-rest/task/" + warnings.get(0).getId() + "/claim",
                Map.of("userId", "am1"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(warnings.get(0).getId()).singleResult().getAssignee()).isEqualTo(assignee);
        assertThat(register.find("LN-EVT-1").orElseThrow().tier()).isEqualTo("T3");
        assertThat(register.findEvent("cb-1001").orElseThrow().event().source()).isEqualTo("corebank");
    }

    @Test
    void badEventsAreRefusedNamingTheFieldAndChangeNothing() {
        monitoring.handOver(loan("LN-EVT-2"));
        assertRefused(post("corebank", event("cb-2001", "LN-EVT-404", "LITIGATION")), HttpStatus.NOT_FOUND, "loanNumber");
        ResponseEntity<JsonNode> unknownType = post("corebank", event("cb-2002", "LN-EVT-2", "EARTHQUAKE"));
        assertRefused(unknownType, HttpStatus.BAD_REQUEST, "type");
        assertThat(unknownType.getBody().get("error").asText()).isEqualTo("INVALID_EVENT");
        Map<String, Object> noDays = event("cb-2003", "LN-EVT-2", "OVERDUE_PAYMENT");
        noDays.remove("daysOverdue");
        assertRefused(post("corebank", noDays), HttpStatus.BAD_REQUEST, "daysOverdue");
        Map<String, Object> badDate = event("cb-2004", "LN-EVT-2", "LITIGATION");
        badDate.put("occurredOn", "22/11/2026");
        ResponseEntity<JsonNode> unreadable = post("corebank", badDate);
        assertRefused(unreadable, HttpStatus.BAD_REQUEST, "occurredOn");
        assertThat(unreadable.getBody().get("error").asText()).isEqualTo("UNREADABLE_REQUEST");
        assertThat(post("corebank", event("cb-2005", "LN-EVT-2", "SALES_DROP")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertRefused(post("corebank", event("cb-2005", "LN-EVT-2", "LITIGATION")), HttpStatus.CONFLICT, "eventId");

        for (String id : List.of("cb-2001", "cb-2002", "cb-2003", "cb-2004")) {
            assertThat(register.findEvent(id)).as(id).isEmpty();
        }
        assertThat(register.find("LN-EVT-2").orElseThrow().tier()).as("only the sales drop counted").isEqualTo("T2");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("LN-EVT-2").taskDefinitionKey("Task_HandleWarning")
                .count()).isEqualTo(1);
    }

    @Test
    void repaymentInFullClosesTheLoanOnceTwoPeopleConfirmedIt() {
        monitoring.handOver(loan("LN-EVT-3"));
        Map<String, Object> repaid = event("cb-3001", "LN-EVT-3", "REPAID_IN_FULL");
        assertThat(post("corebank", repaid).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(register.find("LN-EVT-3").orElseThrow().status()).isEqualTo("CLOSING");
        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey("LN-EVT-3")
                .taskDefinitionKey("Task_ConfirmClosingBalance").singleResult();
        assertThat(rest.withBasicAuth("ops1", "demo").postForEntity("/engine-rest/task/" + confirm.getId() + "/submit-form",
                variables(Map.of("closingBalanceConfirmed", "YES", "confirmedBalance", 0, "closingEvidence", "CB-STMT-3001")),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Task approve = taskService.createTaskQuery().processInstanceBusinessKey("LN-EVT-3")
                .taskDefinitionKey("Task_ApproveClosing").singleResult();
        ResponseEntity<JsonNode> sameOfficer = rest.withBasicAuth("ops1", "demo").postForEntity("/engine-rest/task/"
                + approve.getId() + "/submit-form", variables(Map.of("closingApproved", "YES",
                "closingApprovalOpinion", "核对无误 all checked")), JsonNode.class);
        assertThat(sameOfficer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(sameOfficer.getBody().get("message").asText()).contains("Four eyes");
        assertThat(rest.withBasicAuth("ops2", "demo").postForEntity("/engine-rest/task/" + approve.getId() + "/submit-form",
                variables(Map.of("closingApproved", "YES", "closingApprovalOpinion", "核对无误 all checked")),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        managementService.createJobQuery().activityId("Task_CloseRepaidLoan").list()
                .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(register.find("LN-EVT-3").orElseThrow().status()).isEqualTo("REPAID");
        assertRefused(post("corebank", event("cb-3002", "LN-EVT-3", "LITIGATION")), HttpStatus.CONFLICT, "loanNumber");
    }

    @Test
    void anOfficerReportsAWarningFromTasklistsStartForm() {
        monitoring.handOver(loan("LN-EVT-4"));
        Map<String, Object> form = new HashMap<>(Map.of("warningLoanNumber", "LN-EVT-4", "warningType", "OWNER_CHANGE",
                "warningOccurredOn", BankClock.today().toString(), "warningDescription", "The owner sold the business."));
        ResponseEntity<JsonNode> refused = rest.withBasicAuth("inv1", "demo").postForEntity(
                "/engine-rest/process-definition/key/early-warning-report/submit-form",
                variables(Map.of("warningLoanNumber", "LN-EVT-404", "warningType", "OWNER_CHANGE",
                        "warningOccurredOn", BankClock.today().toString(), "warningDescription", "The owner sold the business.")),
                JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("LN-EVT-404");

        ResponseEntity<JsonNode> notTheirs = rest.withBasicAuth("inv2", "demo").postForEntity(
                "/engine-rest/process-definition/key/early-warning-report/submit-form", variables(form), JsonNode.class);
        assertThat(notTheirs.getStatusCode()).as("inv2 does not serve LN-EVT-4").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notTheirs.getBody().get("message").asText()).contains("loans they serve");
        assertThat(register.find("LN-EVT-4").orElseThrow().tier()).isEqualTo("T1");

        ResponseEntity<JsonNode> reported = rest.withBasicAuth("inv1", "demo").postForEntity(
                "/engine-rest/process-definition/key/early-warning-report/submit-form", variables(form), JsonNode.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.OK);
        Task warning = taskService.createTaskQuery().processInstanceBusinessKey("LN-EVT-4").taskDefinitionKey("Task_HandleWarning")
                .singleResult();
        assertThat(inbox("inv2")).contains(warning.getId());
        assertThat(register.find("LN-EVT-4").orElseThrow().tier()).isEqualTo("T2");
    }

    static LoanRecord loan(String number) {
        return new LoanRecord(number, "APP-" + number, "pi", "Customer", "RETAIL_STORE", "CREDIT", "NONE", "A", 85,
                new BigDecimal("100000"), new BigDecimal("100000"), 24, BankClock.today(), BankClock.today().plusMonths(24),
                new BigDecimal("100000"), 0, "NORMAL", "T1", "am1", "inv1", "apr1", "ACTIVE");
    }

    static Map<String, Object> event(String id, String loanNumber, String type) {
        Map<String, Object> e = new HashMap<>(Map.of("eventId", id, "loanNumber", loanNumber, "type", type,
                "occurredOn", BankClock.today().toString(), "description", "From core banking"));
        if (type.equals("OVERDUE_PAYMENT")) {
            e.put("daysOverdue", 5);
        }
        if (type.equals("SALES_DROP")) {
            e.put("salesChangePercent", -40);
        }
        return e;
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/loan-events", body, JsonNode.class);
    }

    /** The tasks of the user's Tasklist inboxes (the role inbox filters). */
    private List<String> inbox(String user) {
        JsonNode filters = rest.withBasicAuth(user, "demo").getForObject("/engine-rest/filter?resourceType=Task", JsonNode.class);
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().endsWith("inbox")) {
                JsonNode tasks = rest.withBasicAuth(user, "demo").postForObject("/engine-rest/filter/" + filter.get("id").asText()
                        + "/list?maxResults=500", null, JsonNode.class);
                tasks.forEach(t -> ids.add(t.get("id").asText()));
            }
        }
        return ids;
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> vars = new HashMap<>();
        values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return Map.of("variables", vars);
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody().at("/violations/0/field").asText()).isEqualTo(field);
    }
}
