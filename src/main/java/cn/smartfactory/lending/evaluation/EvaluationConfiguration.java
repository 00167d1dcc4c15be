package cn.smartfactory.lending.evaluation;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.accountability.AccountabilityStore;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.kpi.KpiService;

@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

    /** Also the approvers' current levels, which the approval authority reads (分层授权). */
    @Bean
    ApproverEvaluations approverEvaluations(JdbcClient jdbc, KpiService kpis, DecisionRules rules, IdentityService identity,
                                            AccountabilityStore accountability) {
        return new ApproverEvaluations(jdbc, kpis, rules, identity, accountability);
    }

    @Bean
    OfficerEvaluations officerEvaluations(JdbcClient jdbc, KpiService kpis, DecisionRules rules, IdentityService identity,
                                          ApproverEvaluations approvers, AccountabilityStore accountability) {
        return new OfficerEvaluations(jdbc, kpis, rules, identity, approvers, accountability);
    }

    @Bean
    OfficerTargets officerTargets(JdbcClient jdbc, IdentityService identity) {
        return new OfficerTargets(jdbc, identity);
    }

    @Bean("monthlyOfficerEvaluation")
    MonthlyOfficerEvaluation monthlyOfficerEvaluation(OfficerEvaluations evaluations) {
        return new MonthlyOfficerEvaluation(evaluations);
    }
}
