package cn.smartfactory.lending.origination;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.smartfactory.lending.LendingPlatformApplication;

/**
 * The REST scenarios of {@link LoanOriginationRestTest} on PostgreSQL (database {@code lending_it},
 * created fresh). Skipped, saying why, without a server; mandatory in CI.
 */
class LoanOriginationPostgresIT {

    static final String ADMIN_URL = System.getenv().getOrDefault("LENDING_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("LENDING_TEST_PG_USER", "postgres");
    static final String URL = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + "lending_it";

    static ConfigurableApplicationContext platform;
    static LoanOriginationRestTest.Scenario scenario;

    @BeforeAll
    static void startOnPostgres() throws SQLException {
        boolean available;
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
            available = c.isValid(2);
        } catch (SQLException e) {
            available = false;
        }
        if (!available && "true".equals(System.getenv("LENDING_CI"))) {
            throw new AssertionError("PostgreSQL is required in CI at " + ADMIN_URL + " as " + USER);
        }
        assumeTrue(available, "No PostgreSQL server at " + ADMIN_URL + ": skipping the PostgreSQL loan scenarios");
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS lending_it");
            s.execute("CREATE DATABASE lending_it");
        }
        platform = new SpringApplicationBuilder(LendingPlatformApplication.class).profiles("postgres", "demo")
                .run("--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=", "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
        int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
        ProcessEngine engine = platform.getBean(ProcessEngine.class);
        scenario = new LoanOriginationRestTest.Scenario(
                new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
                engine.getManagementService(), engine.getRuntimeService(), engine.getHistoryService());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void retailLoanIsDisbursedThroughRestWithEveryRefusalOnTheWay() {
        scenario.retailLoanWithRefusals();
    }

    @Test
    void segregationOfDutiesRefusalIsABadRequestWithTheReason() {
        scenario.secondSignatureBySameApproverRefused();
    }
}
