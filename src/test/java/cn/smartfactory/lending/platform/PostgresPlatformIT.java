package cn.smartfactory.lending.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The platform on PostgreSQL (profile {@code postgres}) in the server's {@code test} database,
 * whose public schema this test owns and resets. Runs in the failsafe phase, in its own JVM: two
 * Spring Boot platforms in one JVM would share Camunda's process-engine registry under the name
 * "default".
 */
class PostgresPlatformIT {

    @BeforeAll
    static void requirePostgres() throws SQLException {
        PostgresTestServer.require("the PostgreSQL integration test");
        PostgresTestServer.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
    }

    @Test
    void platformRunsOnPostgresAndKeepsItsDataAcrossRestarts() {
        try (ConfigurableApplicationContext first = PostgresTestServer.startPlatform(PostgresTestServer.ADMIN_URL)) {
            assertThat(first.getBean(ProcessEngine.class).getRepositoryService().createDecisionDefinitionQuery()
                    .decisionDefinitionKey("risk-grade").count()).isEqualTo(1);
            // JIT made the engine's job acquisition 500 times slower on a large job table (docs/post-loan-monitoring.md).
            assertThat(first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("SHOW jit")
                    .query(String.class).single()).isEqualTo("off");
            // Migrations run after the engine created its tables on this empty schema, including the
            // planner statistics for Tasklist's authorization checks (docs/performance.md).
            assertThat(first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(
                    "SELECT stxname FROM pg_statistic_ext WHERE stxrelid = 'act_ru_authorization'::regclass ORDER BY stxname")
                    .query(String.class).list()).containsExactly("act_stat_auth_perms_read", "act_stat_auth_perms_read_task");
            assertThat(first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(
                    "SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1").query(String.class).single())
                    .isEqualTo(LatestMigration.version());
            // The decision record refuses UPDATE, DELETE and TRUNCATE (V5).
            assertThat(first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(
                    "SELECT tgname FROM pg_trigger WHERE tgrelid = 'decision_record'::regclass AND NOT tgisinternal ORDER BY tgname")
                    .query(String.class).list()).containsExactly("decision_record_append_only", "decision_record_no_truncate");
            // Queries joining the authorization table are planned with their values; others keep the plan cache.
            try (var c = first.getBean(javax.sql.DataSource.class).getConnection();
                 var join = c.prepareStatement("SELECT COUNT(*) FROM ACT_RU_TASK RES left join ( SELECT A.* FROM "
                         + "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND A.PERMS_ & ? = ? ) AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_)");
                 var plain = c.prepareStatement("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ = ?")) {
                assertThat(join.unwrap(org.postgresql.PGStatement.class).getPrepareThreshold()).isZero();
                assertThat(plain.unwrap(org.postgresql.PGStatement.class).getPrepareThreshold()).isEqualTo(5);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            TestRestTemplate rest = PostgresTestServer.rest(first);
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
        try (ConfigurableApplicationContext second = PostgresTestServer.startPlatform(PostgresTestServer.ADMIN_URL)) {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("risk-grade")
                    .count()).as("an unchanged table is not deployed again").isEqualTo(1);
            assertThat(engine.getIdentityService().createUserQuery().count()).as("the demo staff (with mkt1 and itops1), corebank and admin").isEqualTo(19);
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey("loan-origination").count()).as("demo loans only on the first start").isEqualTo(11);
        }
    }
}
