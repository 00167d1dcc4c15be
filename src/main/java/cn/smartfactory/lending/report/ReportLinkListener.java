package cn.smartfactory.lending.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.origination.LoanVariables;

/**
 * Gives an approval task the link its form shows to the loan's credit report, the platform's
 * download, which Tasklist opens with the signed-in person's session.
 */
@Component("reportLink")
public class ReportLinkListener implements TaskListener {

    public static final String VARIABLE = "reportLink";

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(VARIABLE, "/api/credit-reports/" + task.getVariable(LoanVariables.APPLICATION_ID));
    }
}
