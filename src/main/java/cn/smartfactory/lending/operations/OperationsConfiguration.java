package cn.smartfactory.lending.operations;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

/** /actuator for IT operations only, the platform's meters, and the refusal counter in the engine. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    @Bean
    FilterRegistrationBean<ActuatorAccess> actuatorAccess(IdentityService identity) {
        FilterRegistrationBean<ActuatorAccess> registration = new FilterRegistrationBean<>(new ActuatorAccess(identity));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setName("actuatorAccess");
        return registration;
    }

    @Bean
    PlatformMeters platformMeters(JdbcClient jdbc, ManagementService management, RuntimeService runtime) {
        return new PlatformMeters(jdbc, management, runtime);
    }

    @Bean("jobs")
    JobsHealthIndicator jobsHealthIndicator(org.camunda.bpm.engine.ProcessEngine engine,
                                            @org.springframework.beans.factory.annotation.Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        return new JobsHealthIndicator(engine, enabled);
    }

    /** Static and lazy: the engine is built before the meter registry. */
    @Bean
    static ProcessEnginePlugin refusalCounterPlugin(ObjectProvider<MeterRegistry> registry) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
                // First of all, so that it also sees what the controls' boundary guard refuses (the guard puts
                // itself first in its own plugin, which the engine runs before this one; RefusalCounterTest).
                interceptors.add(0, new RefusalCounter(registry::getObject));
                configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
            }
        };
    }
}
