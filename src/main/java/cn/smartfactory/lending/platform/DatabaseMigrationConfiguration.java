package cn.smartfactory.lending.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway runs after the process engine has created or checked Camunda's tables: the platform's
 * migrations live beside those tables and some tune them (planner statistics on the authorization
 * table), which on a first start exist only once the engine has run. Without this the order would
 * be whatever order Spring happens to create the beans in.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMigrationConfiguration {

    @Bean
    FlywayMigrationInitializer flywayInitializer(Flyway flyway, ProcessEngine processEngine) {
        return new FlywayMigrationInitializer(flyway);
    }
}
