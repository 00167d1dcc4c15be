package cn.smartfactory.lending.report;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.smartfactory.lending.scoring.RiskEngine;

@Configuration(proxyBeanMethods = false)
class CreditReportConfiguration {

    @Bean
    CreditReportGenerator creditReportGenerator(@Value("${lending.report.time-zone}") String zone) {
        return new CreditReportGenerator(Clock.systemUTC(), ZoneId.of(zone));
    }

    /** The report re-derives the assessment the scoring step recorded, so it leaves no decision history of its own. */
    @Bean
    CreditReportService creditReportService(@Qualifier("unrecordedRiskEngine") RiskEngine riskEngine,
                                            CreditReportGenerator generator) {
        return new CreditReportService(riskEngine, generator);
    }
}
