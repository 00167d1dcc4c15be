package cn.smartfactory.lending.monitoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.smartfactory.lending.decision.DecisionRules;

@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    MonitoringTier monitoringTier(DecisionRules rules) {
        return new MonitoringTier(rules);
    }

    @Bean
    PortfolioExport portfolioExport(LoanRegister register) {
        return new PortfolioExport(register);
    }

    @Bean
    OverdueImport overdueImport(LoanRegister register, DecisionRules rules, MonitoringTier tiers,
                                cn.smartfactory.lending.industry.IndustryCatalog industries) {
        return new OverdueImport(register, rules, tiers, industries);
    }
}
