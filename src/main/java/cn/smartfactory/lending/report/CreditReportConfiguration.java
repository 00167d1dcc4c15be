package cn.smartfactory.lending.report;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import cn.smartfactory.lending.scoring.RiskEngine;

@Configuration(proxyBeanMethods = false)
class CreditReportConfiguration {

    @Bean
    CreditReportGenerator creditReportGenerator(@Value("${lending.report.time-zone}") String zone) {
        return new CreditReportGenerator(Clock.systemUTC(), ZoneId.of(zone));
    }

    /** Reports asked for through /api/credit-reports: the assessment is recorded, like /api/risk-assessments. */
    @Bean
    @Primary
    CreditReportService creditReportService(RiskEngine riskEngine, CreditReportGenerator generator) {
        return new CreditReportService(riskEngine, generator);
    }

    /**
     * The loan line's report step re-derives the assessment its scoring step recorded, so it leaves
     * no second copy in the decision history.
     */
    @Bean
    CreditReportService loanCreditReportService(@Qualifier("unrecordedRiskEngine") RiskEngine riskEngine,
                                                CreditReportGenerator generator) {
        return new CreditReportService(riskEngine, generator);
    }
}
