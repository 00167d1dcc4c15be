package cn.smartfactory.lending.origination;

import org.camunda.bpm.engine.FormService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.smartfactory.lending.approval.ApprovalAuthority;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.product.ProductCatalog;

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

    /** Product terms for the approval and disbursement checks: look-ups, not decisions of record. */
    @Bean
    ProductCatalog productCatalog(@Qualifier("unrecordedDecisionRules") DecisionRules rules) {
        return new ProductCatalog(rules);
    }

    @Bean
    FormRules formRuleService(FormService formService) {
        return new FormRules(formService);
    }
}
