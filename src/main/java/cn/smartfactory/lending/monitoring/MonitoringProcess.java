package cn.smartfactory.lending.monitoring;

import java.util.Map;

/** The running post-loan-monitoring instance of a loan, addressed by its loan number (the business key). */
public interface MonitoringProcess {

    /** Starts monitoring unless an instance for the loan is already running (the hand-over may be retried). */
    void startIfAbsent(String loanNumber, Map<String, Object> variables);

    /** Sets repayment-status variables; their conditional events start or end collection and reschedule checks. */
    void update(String loanNumber, Map<String, Object> variables);

    /** Delivers an early warning: the instance raises a warning task. */
    void warn(String loanNumber, Map<String, Object> variables);

    /** Repayment in full: monitoring ends. */
    void repaid(String loanNumber);
}
