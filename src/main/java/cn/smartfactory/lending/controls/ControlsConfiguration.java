package cn.smartfactory.lending.controls;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine picks up every process engine plugin bean. */
@Configuration(proxyBeanMethods = false)
class ControlsConfiguration {

    /** Diagrams may use the platform's delegates and listeners, by bean name, and nothing else. */
    @Bean
    static EngineControlsPlugin engineControlsPlugin(ObjectProvider<ListableBeanFactory> beanFactory,
                                                     ObjectProvider<DeploymentProposals> proposals) {
        return new EngineControlsPlugin(() -> {
            ListableBeanFactory beans = beanFactory.getObject();
            Set<String> names = new TreeSet<>();
            for (Class<?> type : new Class<?>[] {JavaDelegate.class, TaskListener.class, ExecutionListener.class}) {
                names.addAll(Set.of(beans.getBeanNamesForType(type, false, false)));
            }
            return names;
        }, proposals::getObject);
    }
}
