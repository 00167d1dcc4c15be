package cn.smartfactory.lending.accountability;

import static cn.smartfactory.lending.platform.RestVariables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
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

import cn.smartfactory.lending.platform.BankClock;

/**
 * The demo loan disbursed a hundred days before start-up goes bad over the REST API, as core banking reports
 * it: a 95-day overdue makes it substandard, which starts its one accountability review; the dossier is
 * assembled, its SHA-256 is on the decision record, risk managers and managers download it, the loan's
 * account manager only their own extract, other officers nothing; a second default starts nothing; risk
 * managers determine every officer four eyes over Tasklist's REST API; a new round needs a risk manager and a
 * reason. Each attack is refused and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountabilityReviewRestTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ProcessEngine engine;

    @Test
    void aDemoLoanGoesBadItsDossierIsDownloadedAndItsOfficersAreDetermined() throws Exception {
        String loan = jdbc.sql("""
                SELECT l.loan_number FROM loan l JOIN decision_record d ON d.application_id = l.application_id
                WHERE d.duty = 'CONTRACT' AND d.details LIKE '%HT-DEMO-0000%'""").query(String.class).single();
        String reviewId = loan + "-R1";
        assertThat(reviews(loan)).isZero();

        // Nobody starts a review by hand, nor opens a round of a loan never reviewed.
        assertThat(post("risk1", "/engine-rest/process-definition/key/npl-accountability-review/start",
                variables(Map.of("reviewId", "forged", "loanNumber", loan))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("am1", "/api/accountability/reviews?loanNumber=" + loan + "&reason=x", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("risk1", "/api/accountability/reviews?loanNumber=" + loan + "&reason=x", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reviews(loan)).isZero();

        // Core banking reports 95 days overdue: substandard, and the review starts in the same transaction.
        ResponseEntity<JsonNode> overdue = post("corebank", "/api/loan-events", event("acc-" + loan + "-1", loan, 95));
        assertThat(overdue.getStatusCode()).as("%s", overdue.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(reviews(loan)).isEqualTo(1);
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("npl-accountability-review")
                .processInstanceBusinessKey(reviewId).singleResult();
        assertThat(instance).isNotNull();
        runJobs(instance.getId());

        // The dossier, as generated, with its hash on the decision record.
        String recorded = jdbc.sql("SELECT report_sha256 FROM decision_record WHERE duty = 'ACCOUNTABILITY_DOSSIER' AND details LIKE :r")
                .param("r", "review=" + reviewId + ";%").query(String.class).single();
        ResponseEntity<byte[]> dossier = rest.withBasicAuth("risk1", "demo").getForEntity("/api/accountability/reviews/" + reviewId
                + "/dossier", byte[].class);
        assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dossier.getBody()))).isEqualTo(recorded);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(dossier.getBody()))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("概要 Summary");
            assertThat(text(wb.getSheet("概要 Summary"))).contains(loan, "SUBSTANDARD");
            assertThat(text(wb.getSheet("时间线 Timeline"))).contains("am2", "APPROVAL", "DISBURSEMENT", "按时 On time");
            assertThat(text(wb.getSheet("贷后检查 Checks"))).contains("am2", "按时 On time", "NORMAL");
            assertThat(text(wb.getSheet("初步认定 Findings"))).contains("INV_SALES_SOURCES", "MON_CHECKS_ON_TIME");
        }
        assertThat(rest.withBasicAuth("mgr1", "demo").getForEntity("/api/accountability/reviews/" + reviewId + "/dossier", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // The account manager sees only their own part; an officer of another loan sees nothing.
        JsonNode own = get("am2", "/api/accountability/reviews/" + reviewId).getBody();
        assertThat(own.get("findings")).isNotEmpty().allSatisfy(f -> assertThat(f.get("officer").asText()).isEqualTo("am2"));
        ResponseEntity<byte[]> extract = rest.withBasicAuth("am2", "demo").getForEntity("/api/accountability/reviews/" + reviewId
                + "/dossier", byte[].class);
        assertThat(extract.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(extract.getBody()))) {
            assertThat(text(wb.getSheet("概要 Summary"))).contains("仅本人工作 Own work only: am2");
            assertThat(text(wb.getSheet("时间线 Timeline"))).contains("am2").doesNotContain("apr", "inv");
            assertThat(text(wb.getSheet("初步认定 Findings"))).doesNotContain("INV_SALES_SOURCES");
        }
        String investigator = jdbc.sql("SELECT MIN(officer) FROM accountability_finding WHERE review_id = :r AND officer_role = 'INVESTIGATOR'")
                .param("r", reviewId).query(String.class).single();
        assertThat(rest.withBasicAuth("am2", "demo").getForEntity("/api/accountability/reviews/" + reviewId + "/dossier?officer="
                + investigator, byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        List<String> involved = jdbc.sql("SELECT DISTINCT officer FROM accountability_finding WHERE review_id = :r").param("r", reviewId)
                .query(String.class).list();
        List<String> others = new ArrayList<>(List.of("am1", "ops1", "ops2", "inv1", "inv2", "apr1", "apr2", "apr3", "mkt1", "itops1"));
        others.removeAll(involved);
        assertThat(others).hasSizeGreaterThan(3);
        // The list: everything for risk managers, only the reviews of one's own work for an officer, 403 for other roles.
        assertThat(get("risk2", "/api/accountability/reviews").getBody().get("reviews").findValuesAsText("reviewId")).contains(reviewId);
        JsonNode amList = get("am2", "/api/accountability/reviews").getBody().get("reviews");
        assertThat(amList.findValuesAsText("reviewId")).contains(reviewId);
        assertThat(amList.findValues("officer")).allSatisfy(o -> assertThat(o.asText()).isEqualTo("am2"));
        assertThat(get("am1", "/api/accountability/reviews").getBody().get("reviews").findValuesAsText("reviewId"))
                .doesNotContain(reviewId);
        for (String user : List.of("mkt1", "itops1", "corebank")) {
            assertThat(get(user, "/api/accountability/reviews").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String user : others) {
            assertThat(get(user, "/api/accountability/reviews/" + reviewId).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/accountability/reviews/" + reviewId + "/dossier", byte[].class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }

        // A second default of the same loan starts nothing.
        assertThat(post("corebank", "/api/loan-events", event("acc-" + loan + "-2", loan, 280)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reviews(loan)).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("npl-accountability-review")
                .variableValueEquals("loanNumber", loan).count()).isEqualTo(1);

        // Every officer heard who fell short; then determined by one risk manager and confirmed by another.
        for (Task statement : tasks(instance.getId(), "Task_GiveStatement")) {
            assertThat(post("risk1", "/engine-rest/task/" + statement.getId() + "/submit-form",
                    variables(Map.of("statementText", "代写 written for them"))).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
            assertThat(post(statement.getAssignee(), "/engine-rest/task/" + statement.getId() + "/submit-form",
                    variables(Map.of("statementText", "按规定办理 done by the standard"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(post("risk1", "/api/accountability/reviews?loanNumber=" + loan + "&reason=新证据 new evidence", null).getStatusCode())
                .as("a round is open").isEqualTo(HttpStatus.CONFLICT);
        List<Task> proposals = tasks(instance.getId(), "Task_ProposeDetermination");
        assertThat(proposals).isNotEmpty();
        Task first = proposals.get(0);
        assertThat(post("am2", "/engine-rest/task/" + first.getId() + "/submit-form", variables(Map.of("determination", "EXEMPT",
                "determinationReason", "x"))).getStatusCode()).as("not a risk manager").isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
        for (Task proposal : proposals) {
            assertThat(post("risk1", "/engine-rest/task/" + proposal.getId() + "/submit-form", variables(Map.of("determination", "EXEMPT",
                    "determinationReason", "按标准办理 followed the standard"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        for (Task confirmation : tasks(instance.getId(), "Task_ConfirmDetermination")) {
            ResponseEntity<JsonNode> own4eyes = post("risk1", "/engine-rest/task/" + confirmation.getId() + "/submit-form",
                    variables(Map.of("confirmation", "CONFIRM")));
            assertThat(own4eyes.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(own4eyes.getBody().path("message").asText()).contains("四眼原则", "four eyes");
            engine.getTaskService().setAssignee(confirmation.getId(), null);
            assertThat(post("risk2", "/engine-rest/task/" + confirmation.getId() + "/submit-form",
                    variables(Map.of("confirmation", "CONFIRM"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        JsonNode decided = get("risk2", "/api/accountability/reviews/" + reviewId).getBody();
        assertThat(decided.get("entries").findValuesAsText("kind")).contains("PROPOSED", "CONFIRMED").doesNotContain("RETURNED");

        // A later round: risk managers only, with a reason; the first round's determinations stay as they were.
        long kept = jdbc.sql("SELECT COUNT(*) FROM accountability_determination WHERE review_id = :r").param("r", reviewId)
                .query(Long.class).single();
        assertThat(post("risk1", "/api/accountability/reviews?loanNumber=" + loan + "&reason=", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> round2 = post("risk1", "/api/accountability/reviews?loanNumber=" + loan + "&reason=新证据 new evidence", null);
        assertThat(round2.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(round2.getBody().get("reviewId").asText()).isEqualTo(loan + "-R2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accountability_determination WHERE review_id = :r").param("r", reviewId)
                .query(Long.class).single()).isEqualTo(kept);
        assertThat(update("UPDATE accountability_determination SET determination = 'RESPONSIBLE' WHERE review_id = '" + reviewId + "'"))
                .as("determinations cannot be changed").isFalse();

        // Attribution: the default is the demo account manager's; risk managers and managers read it, others not.
        JsonNode attribution = get("risk1", "/api/accountability/attribution").getBody();
        assertThat(attribution.get("portfolio").get("defaults").asLong()).isPositive();
        assertThat(attribution.get("byAccountManager").findParents("key").stream().filter(l -> l.get("key").asText().equals("am2"))
                .findFirst().orElseThrow().get("defaults").asLong()).isPositive();
        assertThat(attribution.get("determinations").findValuesAsText("officer")).contains("am2");
        assertThat(rest.withBasicAuth("mgr1", "demo").getForEntity("/api/accountability/attribution/export", byte[].class).getBody())
                .startsWith('P', 'K');
        for (String user : List.of("am2", "apr1", "corebank")) {
            assertThat(get(user, "/api/accountability/attribution").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/accountability/attribution/export", byte[].class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String user : List.of("am1", "mgr1", "apr1")) {
            assertThat(post(user, "/api/accountability/reviews?loanNumber=" + loan + "&reason=x", null).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(reviews(loan)).as("refused rounds open nothing").isEqualTo(2);
        assertThat(get("risk1", "/api/accountability/attribution?from=2026-13-01").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private boolean update(String sql) {
        try {
            jdbc.sql(sql).update();
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private long reviews(String loan) {
        return jdbc.sql("SELECT COUNT(*) FROM accountability_review WHERE loan_number = :l").param("l", loan).query(Long.class).single();
    }

    private List<Task> tasks(String pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list();
    }

    private void runJobs(String pi) {
        var management = engine.getManagementService();
        var jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        while (!jobs.isEmpty()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
            jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        }
    }

    private static Map<String, Object> event(String id, String loan, int days) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", id);
        e.put("loanNumber", loan);
        e.put("type", "OVERDUE_PAYMENT");
        e.put("occurredOn", BankClock.today().toString());
        e.put("daysOverdue", days);
        e.put("description", "逾期 overdue " + days + " 天 days");
        return e;
    }

    private static String text(Sheet sheet) {
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            row.forEach(c -> cells.add(c.toString()));
        }
        return String.join(" | ", cells);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
