package cn.smartfactory.lending.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
 * The facts agree with the engine's history for every task and application the platform has run in
 * this JVM (the demo line and whatever other tests ran before), and {@code /api/kpis} answers managers
 * and risk managers only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KpiApiTest {

    /**
     * The engine stamps a task's or process's start and end in its history with its own reading of the
     * clock, a moment apart from the listeners' (milliseconds in practice), so times agree to within this.
     */
    static final long CLOCK_READS_MS = 1_000;

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private HistoryService history;
    @Autowired
    private JdbcClient jdbc;

    record TaskFactRow(String taskId, String processKey, String processInstanceId, String station, Timestamp created,
                       Timestamp ended, String endKind, String officer) {
    }

    @Test
    void everyTaskInHistoryHasItsFactWithTheSameTimesAndPeople() {
        Map<String, TaskFactRow> facts = jdbc.sql("SELECT task_id, process_key, process_instance_id, station, created_at,"
                        + " ended_at, end_kind, officer FROM task_fact")
                .query((rs, i) -> new TaskFactRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5), rs.getTimestamp(6), rs.getString(7), rs.getString(8)))
                .list().stream().collect(Collectors.toMap(TaskFactRow::taskId, Function.identity()));
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().list().stream()
                .filter(t -> t.getProcessInstanceId() != null).toList();
        assertThat(tasks).as("the demo line has run").isNotEmpty();
        for (HistoricTaskInstance t : tasks) {
            TaskFactRow f = facts.get(t.getId());
            assertThat(f).as("fact of task %s (%s)", t.getId(), t.getTaskDefinitionKey()).isNotNull();
            assertThat(f.processKey()).isEqualTo(t.getProcessDefinitionKey());
            assertThat(f.processInstanceId()).isEqualTo(t.getProcessInstanceId());
            assertThat(f.station()).isEqualTo(t.getTaskDefinitionKey());
            assertThat(f.created().getTime()).as("created %s", t.getId()).isCloseTo(t.getStartTime().getTime(), within(CLOCK_READS_MS));
            if (t.getEndTime() == null) {
                assertThat(f.ended()).as("open task %s", t.getId()).isNull();
            } else {
                assertThat(f.ended().getTime()).as("ended %s", t.getId()).isCloseTo(t.getEndTime().getTime(), within(CLOCK_READS_MS));
                boolean completed = "completed".equals(t.getDeleteReason());
                assertThat(f.endKind()).as("%s ended %s", t.getId(), t.getDeleteReason()).isEqualTo(completed ? "COMPLETED" : "DELETED");
                if (completed) {
                    // Who completed it: the signed-in person in the user operation log, else (the platform
                    // completing it) the assignee.
                    String completer = history.createUserOperationLogQuery().taskId(t.getId())
                            .operationType(org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                            .list().stream().map(e -> e.getUserId()).filter(java.util.Objects::nonNull).findFirst()
                            .orElse(t.getAssignee());
                    assertThat(f.officer()).as("who completed %s", t.getId()).isEqualTo(completer);
                }
            }
        }
    }

    @Test
    void everyApplicationInHistoryHasItsFactAndItsOutcomeMatchesTheEndEvent() {
        Map<String, Map<String, Object>> facts = jdbc.sql("SELECT * FROM application_fact").query().listOfRows().stream()
                .collect(Collectors.toMap(r -> (String) r.get("PROCESS_INSTANCE_ID"), Function.identity()));
        List<HistoricProcessInstance> applications = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("loan-origination").list();
        assertThat(applications).isNotEmpty();
        assertThat(applications).anySatisfy(a -> assertThat(a.getEndActivityId()).isEqualTo("EndEvent_LoanDisbursed"));
        for (HistoricProcessInstance a : applications) {
            Map<String, Object> f = facts.get(a.getId());
            assertThat(f).as("fact of application %s", a.getBusinessKey()).isNotNull();
            long applied = ((Timestamp) f.get("APPLIED_AT")).getTime();
            assertThat(applied).as("taken as its process started").isBetween(a.getStartTime().getTime(), a.getStartTime().getTime() + 5_000);
            if (a.getEndTime() == null) {
                assertThat(f.get("OUTCOME")).isNull();
                continue;
            }
            assertThat(((Timestamp) f.get("ENDED_AT")).getTime()).isCloseTo(a.getEndTime().getTime(), within(CLOCK_READS_MS));
            String end = String.valueOf(a.getEndActivityId());
            String expected = end.equals("EndEvent_LoanDisbursed") ? "DISBURSED" : end.startsWith("EndEvent_Declined") ? "DECLINED"
                    : end.startsWith("EndEvent_Withdrawn") ? "WITHDRAWN" : "CANCELLED";
            assertThat(f.get("OUTCOME")).as("%s ended at %s", a.getBusinessKey(), end).isEqualTo(expected);
            if (expected.equals("DISBURSED")) {
                assertThat(((Number) f.get("TURNAROUND_SECONDS")).longValue())
                        .isCloseTo((a.getEndTime().getTime() - applied) / 1000, within(1L));
            }
        }
    }

    @Test
    void managersAndRiskManagersReadTheKpis() {
        for (String user : List.of("mgr1", "risk1")) {
            ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo").getForEntity("/api/kpis", JsonNode.class);
            assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            JsonNode kpis = answer.getBody();
            assertThat(kpis.get("from").asText()).isEqualTo(KpiQuery.quarterOf(BankClock.today()).from().toString());
            assertThat(kpis.get("turnaround").get("disbursed").asLong()).as("the demo loan disbursed today").isPositive();
            assertThat(kpis.get("stations").size()).isPositive();
            assertThat(kpis.get("portfolio").get("loans").asLong()).isPositive();
        }
        ResponseEntity<byte[]> export = rest.withBasicAuth("mgr1", "demo").getForEntity("/api/kpis/export?from=2026-01-01&to=2026-12-31",
                byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("kpis-2026-01-01-2026-12-31.xlsx");
        assertThat(export.getBody()).startsWith('P', 'K');
    }

    @Test
    void everyoneElseIsRefusedAndBadDatesAreNamed() {
        for (String user : List.of("am1", "inv1", "ops1", "apr1", "cc1", "mkt1", "corebank")) {
            ResponseEntity<JsonNode> refused = rest.withBasicAuth(user, "demo").getForEntity("/api/kpis", JsonNode.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("message").asText()).startsWith("仅管理者和风险管理岗");
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/kpis/export", byte[].class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.getForEntity("/api/kpis", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> bad = rest.withBasicAuth("mgr1", "demo").getForEntity("/api/kpis?from=2026-13-01", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("message").asText()).startsWith("开始日期 from").contains("YYYY-MM-DD");
        ResponseEntity<JsonNode> reversed = rest.withBasicAuth("mgr1", "demo")
                .getForEntity("/api/kpis?from=2026-06-01&to=2026-05-01", JsonNode.class);
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody().get("message").asText()).contains("结束日期 to");
    }
}
