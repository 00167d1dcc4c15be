package cn.smartfactory.lending.marketing;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.customer.CustomerRegister;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.industry.IndustryCatalog;

/**
 * The marketing station's plain classes as beans; the diagrams name the engine glue by these bean
 * names. Its tables (assignment, strategy, points) are look-ups evaluated without decision history:
 * a 100,000-name list would otherwise write a decision instance per lead that decides nothing of record.
 */
@Configuration(proxyBeanMethods = false)
class MarketingConfiguration {

    @Bean
    MarketingReference marketingReference() {
        return MarketingReference.fromClasspath();
    }

    @Bean
    LeadAssignment leadAssignment(@Qualifier("unrecordedDecisionRules") DecisionRules rules) {
        return new LeadAssignment(rules);
    }

    @Bean
    StrategyLibrary strategyLibrary(@Qualifier("unrecordedDecisionRules") DecisionRules rules) {
        return new StrategyLibrary(rules);
    }

    @Bean
    MarketingPoints marketingPoints(@Qualifier("unrecordedDecisionRules") DecisionRules rules, MarketingStore store) {
        return new MarketingPoints(rules, store);
    }

    @Bean
    CampaignFigures campaignFigures(JdbcClient jdbc) {
        return new CampaignFigures(jdbc);
    }

    @Bean
    CampaignExport campaignExport(JdbcClient jdbc, CampaignFigures figures) {
        return new CampaignExport(jdbc, figures);
    }

    @Bean
    BankLists bankLists(JdbcClient jdbc, AccountManagerProfiles profiles) {
        return new BankLists(jdbc, profiles);
    }

    @Bean
    LeadListImport leadListImport(CustomerRegister customers, MarketingStore store, AccountManagerProfiles profiles,
                                  LeadAssignment assignment, IndustryCatalog industries, MarketingReference reference) {
        return new LeadListImport(customers, store, profiles, assignment, industries, reference);
    }

    @Bean("leadDispatch")
    LeadDispatch leadDispatch(MarketingStore store, StrategyLibrary strategies, RuntimeService runtime) {
        return new LeadDispatch(store, strategies, runtime);
    }

    @Bean("outreachTask")
    OutreachTaskListener outreachTask(MarketingStore store, IndustryCatalog industries, MarketingReference reference) {
        return new OutreachTaskListener(store, industries, reference);
    }

    @Bean("outreachRecorder")
    OutreachRecorder outreachRecorder(MarketingStore store, CustomerRegister customers, MarketingPoints points) {
        return new OutreachRecorder(store, customers, points);
    }

    @Bean("applicationOutcome")
    ApplicationOutcome applicationOutcome(MarketingStore store, MarketingPoints points) {
        return new ApplicationOutcome(store, points);
    }

    @Bean("leadClosing")
    LeadClosing leadClosing(MarketingStore store) {
        return new LeadClosing(store);
    }

    @Bean("campaignClosing")
    CampaignClosing campaignClosing(MarketingStore store, CampaignFigures figures) {
        return new CampaignClosing(store, figures);
    }

    @Bean("campaignReview")
    CampaignReview campaignReview(MarketingStore store) {
        return new CampaignReview(store);
    }
}
