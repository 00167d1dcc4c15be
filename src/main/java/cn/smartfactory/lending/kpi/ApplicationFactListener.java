package cn.smartfactory.lending.kpi;

import static cn.smartfactory.lending.origination.LoanVariables.*;

import java.math.BigDecimal;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import cn.smartfactory.lending.customer.CustomerApplicationListener;
import cn.smartfactory.lending.customer.CustomerKey;

/**
 * Records each loan application in {@code application_fact}: when it is taken (the end of the
 * application's start event, after the intake set its id) and when its process ends, however it
 * ends. Added to {@code loan-origination} by {@link FactRecordingParseListener}.
 */
final class ApplicationFactListener implements ExecutionListener {

    /** Declines at these stages were decided by people in approval; the code is the one they chose. */
    private static final java.util.Set<String> APPROVAL_STAGES = java.util.Set.of("APPROVAL", "COMMITTEE");

    /** Which end of the application this listener records. */
    enum Moment { TAKEN, ENDED }

    private final FactoryFacts facts;
    private final Moment moment;

    ApplicationFactListener(FactoryFacts facts, Moment moment) {
        this.facts = facts;
        this.moment = moment;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String applicationId = text(execution, APPLICATION_ID);
        if (applicationId == null) {
            applicationId = execution.getProcessBusinessKey();
        }
        if (moment == Moment.ENDED) {
            String outcome = CustomerApplicationListener.outcome(execution);
            String stage = "DECLINED".equals(outcome) ? text(execution, DECLINE_STAGE) : null;
            String reason = stage == null ? null
                    : APPROVAL_STAGES.contains(stage) ? text(execution, DECLINE_REASON) : text(execution, DECLINE_REASON_CODE);
            String decision = text(execution, APPROVAL_DECISION);
            boolean reachedApproval = decision != null;
            boolean approved = "DISBURSED".equals(outcome) || "WITHDRAWN".equals(outcome)
                    || decision != null && decision.startsWith("APPROVE");
            facts.applicationEnded(new FactoryFacts.EndedApplication(execution.getProcessInstanceId(), now, outcome, stage, reason,
                    text(execution, APPROVAL_ROUTE), reachedApproval, approved, integer(execution.getVariable(REWORK_COUNT)),
                    Boolean.TRUE.equals(execution.getVariable(COMMITTEE_DECIDED)) || execution.getVariable(COMMITTEE_APPROVALS) != null,
                    decimal(execution.getVariable(APPROVED_AMOUNT)),
                    "DISBURSED".equals(outcome) ? decimal(execution.getVariable(DISBURSED_AMOUNT)) : null));
        } else {
            facts.applicationTaken(new FactoryFacts.NewApplication(applicationId, execution.getProcessInstanceId(),
                    text(execution, PRODUCT), text(execution, INDUSTRY), text(execution, ACCOUNT_MANAGER),
                    CustomerKey.ofApplicant(text(execution, CUSTOMER_ID_NUMBER)).map(CustomerKey::value).orElse(null),
                    text(execution, LEAD_SOURCE), text(execution, "campaignId"), decimal(execution.getVariable(AMOUNT)), now));
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static int integer(Object value) {
        return value instanceof Number n ? n.intValue() : value == null || value.toString().isBlank() ? 0
                : Integer.parseInt(value.toString().trim());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
    }
}
