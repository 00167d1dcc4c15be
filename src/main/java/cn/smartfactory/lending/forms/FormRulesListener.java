package cn.smartfactory.lending.forms;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.investigation.Violation;

/**
 * Refuses a form submission — a completed task, a started process — that breaks its form's rules,
 * naming each field and rule. The refusal rolls the transaction back, so nothing of the submission
 * is stored and the task stays open.
 */
@Component("formRules")
public class FormRulesListener implements TaskListener, ExecutionListener {

    private final FormRules rules;

    public FormRulesListener(FormRules rules) {
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        check(rules.validateTaskForm(task.getId(), task.getVariables()));
    }

    @Override
    public void notify(DelegateExecution execution) {
        check(rules.validateStartForm(execution.getProcessDefinitionId(), execution.getVariables()));
    }

    static void check(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new BadUserRequestException(Violation.refusal("表单未通过校验", "Form not accepted", violations));
        }
    }
}
