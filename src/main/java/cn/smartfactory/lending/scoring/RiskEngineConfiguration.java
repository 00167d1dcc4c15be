package cn.smartfactory.lending.scoring;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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

    /** Assessments of record: the scoring step and the assessment API, with decision history. */
    @Bean
    @Primary
    RiskEngine riskEngine(IndustryCatalog industries, DecisionRules rules) {
        return new RiskEngine(industries, rules);
    }

    /** The same tables without decision history, for re-deriving an assessment already on record. */
    @Bean
    RiskEngine unrecordedRiskEngine(IndustryCatalog industries, @Qualifier("unrecordedDecisionRules") DecisionRules rules) {
        return new RiskEngine(industries, rules);
    }
}
