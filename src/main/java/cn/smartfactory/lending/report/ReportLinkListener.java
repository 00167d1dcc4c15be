package cn.smartfactory.lending.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.origination.LoanVariables;

/**
 * Gives an approval task the link its form shows to the loan's credit report: the task's own
 * variable endpoint in Tasklist's engine API, which anyone who may work the task may read — no
 * wider permission on the loan is needed.
 */
@Component("reportLink")
public class ReportLinkListener implements TaskListener {

    public static final String VARIABLE = "reportLink";

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(VARIABLE, "/camunda/api/engine/engine/default/task/" + task.getId() + "/variables/"
                + LoanVariables.CREDIT_REPORT + "/data");
    }
}
