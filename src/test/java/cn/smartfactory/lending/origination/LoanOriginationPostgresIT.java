package cn.smartfactory.lending.origination;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * The REST scenarios of {@link LoanOriginationRestTest} on PostgreSQL (database {@code lending_it},
 * created fresh). Skipped, saying why, without a server; mandatory in CI.
 */
class LoanOriginationPostgresIT {

    static ConfigurableApplicationContext platform;
    static LoanOriginationRestTest.Scenario scenario;

    @BeforeAll
    static void startOnPostgres() throws SQLException {
        PostgresTestServer.require("the PostgreSQL loan scenarios");
        PostgresTestServer.execute("DROP DATABASE IF EXISTS lending_it", "CREATE DATABASE lending_it");
        platform = PostgresTestServer.startPlatform(PostgresTestServer.database("lending_it"));
        ProcessEngine engine = platform.getBean(ProcessEngine.class);
        scenario = new LoanOriginationRestTest.Scenario(PostgresTestServer.rest(platform), engine.getManagementService(),
                engine.getRuntimeService(), engine.getHistoryService(),
                platform.getBean(cn.smartfactory.lending.monitoring.LoanRegister.class));
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
