package cn.smartfactory.lending.origination;

import org.camunda.bpm.engine.FormService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.smartfactory.lending.approval.ApprovalAuthority;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.industry.IndustryCatalog;

@Configuration(proxyBeanMethods = false)
class OriginationConfiguration {

    @Bean
    InvestigationVariables investigationVariables(IndustryCatalog industries) {
        return new InvestigationVariables(industries);
    }

    @Bean
    ApprovalAuthority approvalAuthority(DecisionRules rules) {
        return new ApprovalAuthority(rules);
    }

    @Bean
    FormRules formRuleService(FormService formService) {
        return new FormRules(formService);
    }
}
