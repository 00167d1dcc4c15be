package cn.smartfactory.lending.kpi;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.sla.DueDates;

/** The factory's facts and figures; the engine picks up the plugin that records the facts. */
@Configuration(proxyBeanMethods = false)
class KpiConfiguration {

    @Bean
    FactoryFacts factoryFacts(JdbcClient jdbc) {
        return new FactoryFacts(jdbc);
    }

    @Bean
    KpiService kpiService(JdbcClient jdbc, cn.smartfactory.lending.marketing.CampaignFigures marketing) {
        return new KpiService(jdbc, marketing);
    }

    /** Static and lazy: the engine is built before the beans the listeners use. */
    @Bean
    static ProcessEnginePlugin factoryFactsPlugin(ObjectProvider<FactoryFacts> facts, ObjectProvider<DueDates> dueDates) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
                listeners.add(new FactRecordingParseListener(facts::getObject, dueDates::getObject));
                configuration.setCustomPostBPMNParseListeners(listeners);
            }
        };
    }
}
