package cn.smartfactory.lending.controls;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;

import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * The attacks of {@link BoundaryAttacks} on PostgreSQL (database {@code lending_controls_it},
 * created fresh). Skipped, saying why, without a server; mandatory in CI.
 */
class EngineBoundaryAttackPostgresIT extends BoundaryAttackCases {

    static ConfigurableApplicationContext platform;
    static BoundaryAttacks attacks;

    @BeforeAll
    static void startOnPostgres() throws SQLException {
        PostgresTestServer.require("the PostgreSQL attack suite");
        PostgresTestServer.execute("DROP DATABASE IF EXISTS lending_controls_it", "CREATE DATABASE lending_controls_it");
        platform = PostgresTestServer.startPlatform(PostgresTestServer.database("lending_controls_it"));
        attacks = new BoundaryAttacks(PostgresTestServer.rest(platform), platform.getBean(ProcessEngine.class),
                platform.getBean(cn.smartfactory.lending.monitoring.LoanMonitoring.class),
                platform.getBean(cn.smartfactory.lending.monitoring.LoanRegister.class));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    BoundaryAttacks attacks() {
        return attacks;
    }
}
