package cn.smartfactory.lending.platform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.smartfactory.lending.LendingPlatformApplication;

/**
 * The PostgreSQL server the integration tests use: 127.0.0.1:5432, trust auth (override with
 * LENDING_TEST_PG_URL / LENDING_TEST_PG_USER). Without a server the tests are skipped with the
 * reason; in CI (LENDING_CI=true) they fail instead.
 */
public final class PostgresTestServer {

    public static final String ADMIN_URL = System.getenv().getOrDefault("LENDING_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("LENDING_TEST_PG_USER", "postgres");

    private PostgresTestServer() {
    }

    /** Skips (or, in CI, fails) the calling test class when no server answers. */
    public static void require(String what) {
        boolean available;
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
            available = c.isValid(2);
        } catch (SQLException e) {
            available = false;
        }
        if (!available && "true".equals(System.getenv("LENDING_CI"))) {
            throw new AssertionError("PostgreSQL is required in CI at " + ADMIN_URL + " as " + USER);
        }
        assumeTrue(available, "No PostgreSQL server at " + ADMIN_URL + " (user " + USER + "): skipping " + what
                + "; start one or set LENDING_TEST_PG_URL / LENDING_TEST_PG_USER");
    }

    /** Runs statements on the administration database, e.g. to create a fresh test database. */
    public static void execute(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** A URL for another database on the same server. */
    public static String database(String name) {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /** The platform on PostgreSQL with the demo staff, on a free port, job executor off. */
    public static ConfigurableApplicationContext startPlatform(String jdbcUrl) {
        return new SpringApplicationBuilder(LendingPlatformApplication.class).profiles("postgres", "demo")
                .run("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=", "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
    }

    public static TestRestTemplate rest(ConfigurableApplicationContext platform) {
        int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }
}
