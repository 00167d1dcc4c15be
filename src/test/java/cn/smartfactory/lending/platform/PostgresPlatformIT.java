package cn.smartfactory.lending.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import cn.smartfactory.lending.LendingPlatformApplication;

/**
 * The platform on PostgreSQL (profile {@code postgres}), against the server on 127.0.0.1:5432,
 * database {@code test}, whose public schema this test owns and resets. Skipped, saying why, when
 * no server answers; mandatory in CI ({@code LENDING_CI=true}, set by .ci/run, which also starts
 * the server). Runs in the failsafe phase, in its own JVM: two Spring Boot platforms in one JVM
 * would share Camunda's process-engine registry under the name "default".
 */
class PostgresPlatformIT {

    static final String URL = System.getenv().getOrDefault("LENDING_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("LENDING_TEST_PG_USER", "postgres");

    @BeforeAll
    static void requirePostgres() throws SQLException {
        boolean available;
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            available = c.isValid(2);
        } catch (SQLException e) {
            available = false;
        }
        if (!available && "true".equals(System.getenv("LENDING_CI"))) {
            throw new AssertionError("PostgreSQL is required in CI at " + URL + " as " + USER);
        }
        assumeTrue(available, "No PostgreSQL server at " + URL + " (user " + USER + "): skipping the PostgreSQL "
                + "integration test; start one or set LENDING_TEST_PG_URL / LENDING_TEST_PG_USER");
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    @Test
    void platformRunsOnPostgresAndKeepsItsDataAcrossRestarts() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(ProcessEngine.class).getRepositoryService().createDecisionDefinitionQuery()
                    .decisionDefinitionKey("risk-grade").count()).isEqualTo(1);
            TestRestTemplate rest = rest(first);
            assertThat(rest.getForEntity("/engine-rest/decision-definition/count", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            var response = rest.withBasicAuth("risk1", "demo").postForEntity(
                    "/engine-rest/decision-definition/key/risk-grade/evaluate",
                    new HttpEntity<>("{\"variables\": {\"totalScore\": {\"value\": 85, \"type\": \"Integer\"}}}", headers),
                    String.class);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).contains("\"grade\":{\"type\":\"String\",\"value\":\"A\"");
        }
        try (ConfigurableApplicationContext second = start()) {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("risk-grade")
                    .count()).as("an unchanged table is not deployed again").isEqualTo(1);
            assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(15);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LendingPlatformApplication.class)
                .profiles("postgres", "demo")
                .run("--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=", "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
    }

    private static TestRestTemplate rest(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder()
                .rootUri("http://localhost:" + port));
    }
}
