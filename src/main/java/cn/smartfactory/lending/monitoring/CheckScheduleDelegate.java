package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.monitoring.MonitoringVariables.*;

import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.platform.BankClock;

/**
 * Schedules the next periodic check from the loan's tier ({@code monitoring-schedule}) and picks
 * its checklist ({@code monitoring-checklist}). A new tier starts a new rhythm from today, so a loan
 * moved up to T3 is visited within a month rather than at the end of its T1 quarter.
 */
@Component("checkSchedule")
public class CheckScheduleDelegate implements JavaDelegate {

    public static final String SCHEDULE = "monitoring-schedule";
    public static final String CHECKLIST = "monitoring-checklist";

    private final DecisionRules rules;

    public CheckScheduleDelegate(DecisionRules rules) {
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = (String) execution.getVariable(MONITORING_TIER);
        Object scheduled = execution.getVariable(SCHEDULED_TIER);
        Object done = execution.getVariable(CHECKS_IN_TIER);
        int checks = tier.equals(scheduled) && done != null ? ((Number) done).intValue() : 0;
        Map<String, Object> schedule = rules.evaluateSingle(SCHEDULE, Map.of("tier", tier, "checkInQuarter", checks % 3 + 1));
        ZonedDateTime now = BankClock.zonedNow();
        ZonedDateTime due = now.plus(Period.parse((String) schedule.get("interval")));
        ZonedDateTime deadline = due.plusDays(((Number) schedule.get("deadlineDays")).longValue());
        String form = (String) rules.evaluateSingle(CHECKLIST, Map.of(
                "product", execution.getVariable(PRODUCT), "guaranteeType", execution.getVariable(GUARANTEE_TYPE))).get("form");
        execution.setVariable(SCHEDULED_TIER, tier);
        execution.setVariable(CHECKS_IN_TIER, checks);
        execution.setVariable(NEXT_CHECK_DUE, Date.from(due.toInstant()));
        execution.setVariable(CHECK_DEADLINE, Date.from(deadline.toInstant()));
        execution.setVariable(CHECK_KIND, schedule.get("checkKind"));
        execution.setVariable(ESCALATE, schedule.get("escalate"));
        execution.setVariable(CHECK_FORM, form);
    }
}
