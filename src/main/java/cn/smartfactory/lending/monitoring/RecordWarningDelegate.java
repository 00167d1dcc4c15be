package cn.smartfactory.lending.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An officer's warning from the {@code early-warning-report} start form, handled like one from core
 * banking. A refusal (unknown loan, closed loan) fails the start, so nothing is recorded and the
 * officer sees why.
 */
@Component("recordWarning")
public class RecordWarningDelegate implements JavaDelegate {

    private final LoanMonitoring monitoring;

    public RecordWarningDelegate(LoanMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoanEvent event = new LoanEvent("officer:" + execution.getProcessInstanceId(),
                text(execution, "warningLoanNumber"), text(execution, "warningType"), date(execution),
                number(execution, "warningDaysOverdue") == null ? null : number(execution, "warningDaysOverdue").intValue(),
                null, number(execution, "warningSalesChangePercent"), text(execution, "warningDescription"),
                text(execution, "warningReporter"));
        try {
            LoanMonitoring.EventOutcome outcome = monitoring.raise(event);
            execution.setVariable("tierBefore", outcome.tierBefore());
            execution.setVariable("tierAfter", outcome.tierAfter());
        } catch (LoanEventRefused e) {
            throw new BadUserRequestException("预警未登记 Warning not recorded: " + e.getMessage(), e);
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString().trim();
    }

    private static BigDecimal number(DelegateExecution execution, String name) {
        String value = text(execution, name);
        return value == null || value.isEmpty() ? null : new BigDecimal(value);
    }

    private static LocalDate date(DelegateExecution execution) {
        String value = text(execution, "warningOccurredOn");
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("warningOccurredOn must be a date like 2026-11-22 (was '" + value + "')");
        }
    }
}
