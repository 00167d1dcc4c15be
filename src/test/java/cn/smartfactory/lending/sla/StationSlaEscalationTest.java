package cn.smartfactory.lending.sla;

import static cn.smartfactory.lending.platform.RestVariables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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

/**
 * Due dates on the running line, and a late task escalated once with time travel: its priority rises,
 * the station's lead gets a follow-up task in Tasklist and records what they did; nobody else can work
 * it or start one, and only managers change the business calendar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationSlaEscalationTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private RuntimeService runtime;
    @Autowired
    private TaskService tasks;
    @Autowired
    private ManagementService management;
    @Autowired
    private HistoryService history;
    @Autowired
    private CalendarStore calendar;
    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void aTaskGetsItsStationsDueDateAndALateOneEscalatesOnce() {
        ResponseEntity<JsonNode> started = post("am1", "/engine-rest/process-definition/key/loan-origination/submit-form",
                variables(LoanFixtures.startForm("3-retail-store")));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        String pi = started.getBody().get("id").asText();
        Task investigation = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_InvestigateOnSite").singleResult();
        Task bureau = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_QueryCreditBureau").singleResult();
        // 16 and 4 working hours from creation in the business calendar.
        assertThat(investigation.getDueDate()).isEqualTo(Date.from(
                calendar.calendar().addWorkingHours(investigation.getCreateTime().toInstant(), 16)));
        assertThat(bureau.getDueDate()).isEqualTo(Date.from(calendar.calendar().addWorkingHours(bureau.getCreateTime().toInstant(), 4)));
        assertThat(jdbc.sql("SELECT due_at FROM task_fact WHERE task_id = :id").param("id", bureau.getId())
                .query(java.sql.Timestamp.class).single().getTime()).as("the fact carries the due date").isEqualTo(bureau.getDueDate().getTime());
        int priority = bureau.getPriority();

        // Ten days later both are late: the watch escalates them, each once.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(10))));
        runWatch();
        runWatch();
        assertThat(tasks.createTaskQuery().taskId(bureau.getId()).singleResult().getPriority())
                .isEqualTo(Math.min(100, priority + OverdueEscalation.PRIORITY_RISE));
        List<Task> followUps = tasks.createTaskQuery().processDefinitionKey(OverdueEscalation.FOLLOW_UP_PROCESS)
                .processInstanceBusinessKey(bureau.getId()).list();
        assertThat(followUps).as("one follow-up, however often the watch runs").hasSize(1);
        Task followUp = followUps.get(0);
        assertThat(tasks.getIdentityLinksForTask(followUp.getId())).extracting(IdentityLink::getGroupId).contains("managers");
        Map<String, Object> v = runtime.getVariables(followUp.getExecutionId());
        assertThat(v).containsEntry("lateTaskId", bureau.getId()).containsEntry("lateStation", "Task_QueryCreditBureau")
                .containsEntry("lateAssignee", "未认领 unclaimed");
        assertThat(((Number) v.get("lateHours")).longValue()).isPositive();
        assertThat(followUp.getDueDate()).as("the follow-up is timed too").isNotNull();

        // Nobody but the station's lead works the follow-up; nobody starts one by hand.
        for (String user : List.of("am1", "ops1", "apr1", "inv1")) {
            assertThat(post(user, "/engine-rest/task/" + followUp.getId() + "/submit-form",
                    variables(Map.of("followUpAction", "REMINDED", "followUpNote", "x"))).getStatusCode())
                    .as(user).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            ResponseEntity<JsonNode> start = post(user, "/engine-rest/process-definition/key/overdue-follow-up/start",
                    variables(Map.of("lateTaskId", "forged", "leadGroup", "account-managers")));
            assertThat(start.getStatusCode()).as("%s %s", user, start.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(tasks.createTaskQuery().taskId(followUp.getId()).count()).as("still open").isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(OverdueEscalation.FOLLOW_UP_PROCESS)
                .variableValueEquals("lateTaskId", "forged").count()).isZero();

        // The lead records what they did; without a note the form is refused, naming the field.
        ResponseEntity<JsonNode> noNote = post("mgr1", "/engine-rest/task/" + followUp.getId() + "/submit-form",
                variables(Map.of("followUpAction", "REMINDED")));
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noNote.getBody().get("message").asText()).contains("说明");
        assertThat(post("mgr1", "/engine-rest/task/" + followUp.getId() + "/submit-form", variables(Map.of(
                "followUpAction", "REMINDED", "followUpNote", "已电话督办 Called ops1"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(bureau.getId()).finished().count())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_escalation WHERE task_id IN (:ids)")
                .param("ids", List.of(bureau.getId(), investigation.getId())).query(Long.class).single()).isEqualTo(2);
        runtime.deleteProcessInstance(pi, "test over");
    }

    @Test
    void onlyManagersChangeTheBusinessCalendar() {
        ResponseEntity<JsonNode> year = rest.withBasicAuth("am1", "demo").getForEntity("/api/business-calendar?year=2026", JsonNode.class);
        assertThat(year.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(year.getBody().get("days").size()).as("2026 seeded from the State Council's notice").isEqualTo(25);
        assertThat(rest.withBasicAuth("am1", "demo").getForEntity("/api/business-calendar?year=2031", JsonNode.class)
                .getBody().get("warning").asText()).startsWith("2031 年的节假日尚未录入");

        Map<String, String> holiday = Map.of("kind", "HOLIDAY", "name", "元旦 New Year's Day");
        for (String user : List.of("am1", "risk1", "ops1")) {
            assertThat(put(user, "/api/business-calendar/2031-01-01", holiday).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(calendar.hasYear(2031)).as("nothing changed").isFalse();

        ResponseEntity<JsonNode> badKind = put("mgr1", "/api/business-calendar/2031-01-01", Map.of("kind", "PARTY", "name", "x"));
        assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKind.getBody().get("message").asText()).startsWith("类型 kind");
        assertThat(put("mgr1", "/api/business-calendar/2031-13-01", holiday).getBody().get("message").asText()).startsWith("日期 day");
        assertThat(calendar.hasYear(2031)).isFalse();

        assertThat(put("mgr1", "/api/business-calendar/2031-01-01", holiday).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(calendar.calendar().isWorkingDay(java.time.LocalDate.of(2031, 1, 1))).isFalse();
        assertThat(rest.exchange("/api/business-calendar/2031-01-01", HttpMethod.DELETE, new HttpEntity<>(auth("mgr1")), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(calendar.calendar().isWorkingDay(java.time.LocalDate.of(2031, 1, 1))).isTrue();
    }

    private void runWatch() {
        Job timer = management.createJobQuery().processDefinitionKey("sla-watch").timers().singleResult();
        management.executeJob(timer.getId());
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = auth(user);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, auth(user)), JsonNode.class);
    }

    private static HttpHeaders auth(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
