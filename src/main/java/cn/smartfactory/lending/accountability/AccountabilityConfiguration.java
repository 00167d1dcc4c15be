package cn.smartfactory.lending.accountability;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.approval.ApprovalAuthority;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.monitoring.LoanRegister;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.sla.CalendarStore;
import cn.smartfactory.lending.sla.StationSla;

@Configuration(proxyBeanMethods = false)
class AccountabilityConfiguration {

    @Bean
    AccountabilityStore accountabilityStore(JdbcClient jdbc) {
        return new AccountabilityStore(jdbc);
    }

    @Bean
    DueDiligenceStandards dueDiligenceStandards(DecisionRules rules) {
        return new DueDiligenceStandards(rules);
    }

    /** Also what monitoring tells when a loan turns bad. */
    @Bean
    AccountabilityReviews accountabilityReviews(AccountabilityStore store, LoanRegister register, DecisionRecord record,
                                                JdbcClient jdbc, ApprovalAuthority authority, DueDiligenceStandards standards,
                                                RuntimeService runtime, CurrentStaff staff) {
        return new AccountabilityReviews(store, register, record, jdbc, new DossierAssembler(authority), standards, runtime,
                staff);
    }

    @Bean
    Attribution attribution(JdbcClient jdbc, AccountabilityStore store) {
        return new Attribution(jdbc, store);
    }

    @Bean("assembleDossier")
    AssembleDossierDelegate assembleDossier(AccountabilityReviews reviews) {
        return new AssembleDossierDelegate(reviews);
    }

    @Bean("accountabilityReview")
    ReviewTasks accountabilityReview(AccountabilityStore store, DecisionRecord record, StationSla sla, CalendarStore calendar) {
        return new ReviewTasks(store, record, sla, calendar);
    }
}
