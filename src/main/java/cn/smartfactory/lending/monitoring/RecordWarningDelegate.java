package cn.smartfactory.lending.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.controls.ControlRefused;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.investigation.Violation;

/**
 * An officer's warning from the {@code early-warning-report} start form, handled like one from core
 * banking. A refusal (unknown loan, closed loan) fails the start, so nothing is recorded and the
 * officer sees why.
 */
@Component("recordWarning")
public class RecordWarningDelegate implements JavaDelegate {

    /** The start form's field for each field of a loan event, so a refusal names what the officer entered. */
    private static final Map<String, String> FORM_FIELDS = Map.of("loanNumber", "warningLoanNumber", "type", "warningType",
            "occurredOn", "warningOccurredOn", "daysOverdue", "warningDaysOverdue",
            "salesChangePercent", "warningSalesChangePercent", "description", "warningDescription");

    private final LoanMonitoring monitoring;
    private final LoanRegister register;
    private final FormRules forms;

    public RecordWarningDelegate(LoanMonitoring monitoring, LoanRegister register, FormRules forms) {
        this.monitoring = monitoring;
        this.register = register;
        this.forms = forms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requireServes(execution, text(execution, "warningReporter"), text(execution, "warningLoanNumber"));
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
            Map<String, String> labels = forms.startFormLabels(execution.getProcessDefinitionId());
            throw new BadUserRequestException(Violation.refusal("预警未登记", "Warning not recorded", e.violations().stream()
                    .map(v -> {
                        String field = FORM_FIELDS.getOrDefault(v.field(), v.field());
                        return new Violation(field, v.rule(), v.detail(), v.detailZh(), labels.get(field));
                    }).toList()), e);
        }
    }

    /** Officers report for the loans they serve (its account manager and investigators); risk managers for all. */
    private void requireServes(DelegateExecution execution, String reporter, String loanNumber) {
        if (reporter == null) {
            return; // the platform itself
        }
        boolean riskManager = execution.getProcessEngineServices().getIdentityService().createGroupQuery()
                .groupMember(reporter).groupId(Role.RISK_MANAGERS.groupId()).count() > 0;
        if (riskManager) {
            return;
        }
        LoanRecord loan = register.find(loanNumber).orElse(null);
        if (loan == null) {
            return; // refused below as an unknown loan, naming the number
        }
        boolean serves = reporter.equals(loan.accountManager())
                || java.util.Arrays.asList(loan.investigators().split(",")).contains(reporter);
        if (!serves) {
            throw new ControlRefused("SERVES_THE_LOAN", "只能上报本人管户或尽调的贷款的预警(" + loanNumber + " 不是)",
                    "officers report warnings only for loans they serve as account manager or investigator (" + loanNumber
                            + " is not one)");
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
            throw new BadUserRequestException(Violation.refusal("预警未登记", "Warning not recorded", List.of(new Violation(
                    "warningOccurredOn", "NOT_A_DATE", "must be a date like 2026-11-22 (was '" + value + "')",
                    "须为日期,如 2026-11-22(当前为 '" + value + "')", "发生日期 Occurred on"))));
        }
    }
}
