package cn.smartfactory.lending.customer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer register in step with the loan line: when an application is received the
 * applicant is recorded and the application linked to them (OPEN); when the application's process
 * ends, however it ends, the link is closed with the outcome. Bound to {@code loan-origination} as
 * {@code ${customerApplications}} on the start event and on the process's end.
 */
@Component("customerApplications")
public class CustomerApplicationListener implements ExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerApplicationListener.class);

    private final ApplicationLinks customers;

    public CustomerApplicationListener(ApplicationLinks customers) {
        this.customers = customers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String applicationId = text(execution, "applicationId");
        if (applicationId == null) {
            applicationId = execution.getProcessBusinessKey();
        }
        if (EVENTNAME_START.equals(execution.getEventName())) {
            var key = CustomerKey.ofApplicant(text(execution, "customerIdNumber"));
            if (key.isEmpty()) {
                LOG.warn("Application {} has no usable ID number; it is not linked to a customer", applicationId);
                return;
            }
            customers.applicationOpened(key.get(), text(execution, "customerName"), text(execution, "industry"), applicationId);
        } else {
            String outcome = outcome(execution);
            customers.applicationClosed(applicationId, outcome);
            var borrower = CustomerKey.ofApplicant(text(execution, "customerIdNumber"));
            if ("DISBURSED".equals(outcome) && borrower.isPresent()) {
                recordTradingPartners(execution, borrower.get().value(), applicationId);
            }
        }
    }

    /** The top customers and suppliers the investigation recorded become the borrower's relations (链式拓客's source). */
    private void recordTradingPartners(DelegateExecution execution, String borrowerKey, String applicationId) {
        for (String kind : new String[] {"customer", "supplier"}) {
            for (int n = 1; n <= 3; n++) {
                String name = text(execution, kind + n + "Name");
                if (name == null) {
                    continue;
                }
                String share = text(execution, kind + n + "SharePercent");
                customers.relationRecorded(borrowerKey, name.trim(), "customer".equals(kind) ? "TOP_CUSTOMER" : "TOP_SUPPLIER",
                        share == null ? null : new java.math.BigDecimal(share), "investigation of " + applicationId);
            }
        }
    }

    /** How an application ended, from the variables the line leaves. */
    public static String outcome(DelegateExecution execution) {
        if (execution.getVariable("loanNumber") != null) {
            return "DISBURSED";
        }
        if (Boolean.TRUE.equals(execution.getVariable("customerWithdrew"))
                || Boolean.TRUE.equals(execution.getVariable("disbursementWithdrawn"))) {
            return "WITHDRAWN";
        }
        if (execution.isCanceled()) {
            return "CANCELLED";
        }
        return "DECLINED";
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
