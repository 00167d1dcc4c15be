package cn.smartfactory.lending.scoring;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.industry.IndustryCatalog;

/**
 * Wires the risk engine over the process engine's deployed decision tables. The reference data
 * location is a setting so that a bank can keep its own industry database outside the
 * application; a broken file stops start-up with its reason.
 */
@Configuration(proxyBeanMethods = false)
class RiskEngineConfiguration {

    @Bean
    IndustryCatalog industryCatalog(@Value("${lending.risk.reference-data}") Resource referenceData) throws IOException {
        try (InputStream in = referenceData.getInputStream()) {
            return IndustryCatalog.load(in);
        }
    }

    @Bean
    RiskEngine riskEngine(IndustryCatalog industries, DecisionRules rules) {
        return new RiskEngine(industries, rules);
    }
}
