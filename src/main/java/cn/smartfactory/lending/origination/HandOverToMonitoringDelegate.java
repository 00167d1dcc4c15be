package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.APPLICATION_ID;
import static cn.smartfactory.lending.origination.LoanVariables.HANDED_OVER_AT;
import static cn.smartfactory.lending.origination.LoanVariables.LOAN_NUMBER;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands the disbursed loan over to post-loan monitoring. Until the monitoring process exists this
 * records the hand-over (loan number and time) so it is visible in history; the monitoring issue
 * replaces the recording with starting {@code post-loan-monitoring}.
 */
@Component("handOverToMonitoringDelegate")
public class HandOverToMonitoringDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(HandOverToMonitoringDelegate.class);

    @Override
    public void execute(DelegateExecution execution) {
        String loanNumber = "LN-" + execution.getVariable(APPLICATION_ID);
        execution.setVariable(LOAN_NUMBER, loanNumber);
        execution.setVariable(HANDED_OVER_AT, new Date());
        LOG.info("Loan {} handed over to post-loan monitoring (recorded; the monitoring process is not deployed yet)",
                loanNumber);
    }
}
