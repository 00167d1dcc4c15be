package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.monitoring.MonitoringVariables.*;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Routes a new warning task as {@code warning-routing} decided (role, account manager, due date)
 * and gives it its own copy of the warning, so a later warning on the same loan does not change
 * what this task shows.
 */
@Component("warningTask")
public class WarningTaskListener implements TaskListener {

    private static final List<String> COPIED = List.of(WARNING_EVENT_ID, WARNING_TYPE, WARNING_TYPE_NAME,
            WARNING_OCCURRED_ON, WARNING_SOURCE, WARNING_DESCRIPTION);

    @Override
    public void notify(DelegateTask task) {
        for (String name : COPIED) {
            task.setVariableLocal(name, task.getVariable(name));
        }
        task.addCandidateGroup((String) task.getVariable(WARNING_GROUP));
        Object assignee = task.getVariable(WARNING_ASSIGNEE);
        if (assignee != null) {
            task.setAssignee(assignee.toString());
        }
        task.setDueDate((Date) task.getVariable(WARNING_DUE));
        task.setName(task.getName() + ": " + task.getVariable(WARNING_TYPE_NAME));
    }
}
