package cn.smartfactory.lending.sla;

import java.time.LocalTime;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.decision.DecisionRules;

/** Station SLAs: the table, the business calendar, due dates on creation, and escalation of late tasks. */
@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

    @Bean
    CalendarStore calendarStore(JdbcClient jdbc, @Value("${lending.sla.day-start:09:00}") LocalTime dayStart,
                                @Value("${lending.sla.day-end:17:00}") LocalTime dayEnd) {
        return new CalendarStore(jdbc, dayStart, dayEnd);
    }

    @Bean
    StationSla stationSla(DecisionRules rules) {
        return new StationSla(rules);
    }

    @Bean
    DueDates dueDates(StationSla sla, CalendarStore calendar) {
        return new DueDates(sla, calendar);
    }

    @Bean("overdueEscalation")
    OverdueEscalation overdueEscalation(JdbcClient jdbc, TaskService tasks, RuntimeService runtime, ManagementService management,
                                        StationSla sla) {
        return new OverdueEscalation(jdbc, tasks, runtime, management, sla);
    }

    @Bean("followUpCandidates")
    FollowUpCandidates followUpCandidates() {
        return new FollowUpCandidates();
    }
}
