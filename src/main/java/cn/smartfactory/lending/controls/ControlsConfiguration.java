package cn.smartfactory.lending.controls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine picks up every process engine plugin bean. */
@Configuration(proxyBeanMethods = false)
class ControlsConfiguration {

    @Bean
    EngineControlsPlugin engineControlsPlugin() {
        return new EngineControlsPlugin();
    }
}
