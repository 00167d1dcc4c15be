package cn.smartfactory.lending.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Health and metrics for IT operations only; the platform's meters are there, and a refusal on any
 * surface — the controls' boundary guard included — is counted by its rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
class OperationsEndpointsTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private RuntimeService runtime;
    @Autowired
    private PlatformMeters meters;

    @Test
    void onlyItOperationsReadHealthAndMetrics() {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator")) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            for (String user : List.of("am1", "mgr1", "risk1", "admin", "corebank")) {
                ResponseEntity<String> refused = rest.withBasicAuth(user, "admin".equals(user) ? "admin" : "demo").getForEntity(path, String.class);
                assertThat(refused.getStatusCode()).as("%s %s", user, path).isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
            }
        }
        ResponseEntity<String> health = rest.withBasicAuth("itops1", "demo").getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"", "\"db\"", "\"jobs\"", "\"jobExecutorEnabled\"", "\"processEngine\"");
        assertThat(rest.withBasicAuth("itops1", "demo").exchange("/actuator/shutdown", HttpMethod.POST, null, String.class)
                .getStatusCode()).as("nothing that changes the platform is exposed").isIn(HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void thePlatformsMetersAreScrapedAndRefusalsCountedByRule() {
        meters.refresh();
        String before = scrape();
        assertThat(before).contains("lending_tasks_open{", "lending_tasks_overdue{", "lending_jobs_backlog", "lending_jobs_failed",
                "lending_incidents_open", "lending_loans_registered{");
        assertThat(before).containsPattern("lending_tasks_open\\{[^}]*station=\"Task_InvestigateOnSite\"[^}]*\\} [1-9]");

        double adminOnly = refusals(before, "ADMIN_ONLY");
        String demoLoan = runtime.createProcessInstanceQuery().processDefinitionKey("loan-origination").list().get(0).getId();
        ResponseEntity<String> refused = rest.withBasicAuth("am1", "demo").exchange("/engine-rest/process-instance/" + demoLoan,
                HttpMethod.DELETE, null, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("[ADMIN_ONLY]");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(demoLoan).count()).as("nothing deleted").isEqualTo(1);
        assertThat(refusals(scrape(), "ADMIN_ONLY")).as("the guard's refusal, counted once").isEqualTo(adminOnly + 1);
    }

    private String scrape() {
        ResponseEntity<String> metrics = rest.withBasicAuth("itops1", "demo").getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        return metrics.getBody();
    }

    private static double refusals(String scrape, String rule) {
        Matcher m = Pattern.compile("lending_refusals_total\\{[^}]*rule=\"" + rule + "\"[^}]*\\} ([0-9.E+]+)").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
