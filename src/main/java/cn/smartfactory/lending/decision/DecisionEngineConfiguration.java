package cn.smartfactory.lending.decision;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Inside the platform the risk engine reads the tables the process engine has deployed, and the
 * process engine evaluates FEEL through {@link CachingFeelEngine} like the standalone one does.
 */
@Configuration(proxyBeanMethods = false)
class DecisionEngineConfiguration {

    @Bean
    ProcessEnginePlugin cachingFeelEnginePlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setDmnEngineConfiguration(StandaloneDecisionRules.configuration());
            }

            /** Tables evaluated by the platform's delegates and listeners are those of the loan's release. */
            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setDelegateInterceptor(new DecisionBinding(configuration.getDelegateInterceptor()));
            }
        };
    }

    /** Decisions of record: each evaluation is kept in the decision history Cockpit shows. */
    @Bean
    @Primary
    DecisionRules decisionRules(ProcessEngine processEngine) {
        return new EngineDecisionRules(processEngine);
    }

    /** Re-computations of a decision already on record (the credit report, input checks): no history. */
    @Bean
    DecisionRules unrecordedDecisionRules(ProcessEngine processEngine) {
        return new DeployedDecisionRules(processEngine, StandaloneDecisionRules.newEngine());
    }
}
