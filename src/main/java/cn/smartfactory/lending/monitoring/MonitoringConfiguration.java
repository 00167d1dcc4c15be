package cn.smartfactory.lending.monitoring;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.industry.IndustryCatalog;

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
    MonitoringProcess monitoringProcess(RuntimeService runtime, IdentityService identity) {
        return new EngineMonitoringProcess(runtime, identity);
    }

    @Bean
    LoanMonitoring loanMonitoring(LoanRegister register, DecisionRules rules, MonitoringTier tiers,
                                  IndustryCatalog industries, MonitoringProcess process, ObjectProvider<BadLoans> badLoans) {
        return new LoanMonitoring(register, rules, tiers, industries, process, badLoans.getIfAvailable(() -> BadLoans.NONE));
    }

    @Bean("classificationUpgrade")
    ClassificationUpgrade classificationUpgrade(LoanRegister register, LoanMonitoring monitoring, DecisionRules rules,
                                                cn.smartfactory.lending.record.DecisionRecord record) {
        return new ClassificationUpgrade(register, monitoring, rules, record);
    }

    @Bean
    OverdueImport overdueImport(LoanRegister register, LoanMonitoring monitoring) {
        return new OverdueImport(register, monitoring);
    }
}
