package cn.smartfactory.lending.operations;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The job executor's health ({@code jobs} in /actuator/health): DOWN when it should run (the
 * configuration enables it) but does not acquire jobs; the backlog and the jobs out of retries as details.
 */
class JobsHealthIndicator implements HealthIndicator {

    private final ProcessEngine engine;
    private final boolean enabled;

    JobsHealthIndicator(ProcessEngine engine, boolean enabled) {
        this.engine = engine;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = executor != null && executor.isActive();
        ManagementService management = engine.getManagementService();
        Health.Builder health = enabled && !active ? Health.down() : Health.up();
        return health.withDetail("jobExecutorEnabled", enabled).withDetail("jobExecutorActive", active)
                .withDetail("backlog", management.createJobQuery().executable().count())
                .withDetail("noRetriesLeft", management.createJobQuery().noRetriesLeft().count()).build();
    }
}
