package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.monitoring.MonitoringVariables.APPLICATION_ID;
import static cn.smartfactory.lending.monitoring.MonitoringVariables.LOAN_NUMBER;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.record.Actor;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.record.RecordEntry.Duty;

/**
 * Appends each person's post-loan step to the decision record when its task completes: the periodic
 * check, the follow-up of a late check, the high-risk review, the handling of a warning, each
 * collection step and the write-off decision — who, with which decision, and every answer of the
 * task's form — so that an accountability review finds how the loan was watched.
 */
@Component("monitoringRecord")
public class MonitoringRecordListener implements TaskListener {

    /** Per task: the duty and the form field that carries its decision. */
    private static final Map<String, Map.Entry<Duty, String>> STEPS = Map.of(
            "Task_PeriodicCheck", Map.entry(Duty.MONITORING_CHECK, "checkConclusion"),
            "Task_FollowUpLateCheck", Map.entry(Duty.LATE_CHECK_FOLLOW_UP, "followUpAction"),
            "Task_ReviewHighRiskLoan", Map.entry(Duty.HIGH_RISK_REVIEW, "reviewDecision"),
            "Task_HandleWarning", Map.entry(Duty.WARNING_HANDLING, "warningAction"),
            "Task_SendPaymentReminder", Map.entry(Duty.COLLECTION, "reminderReached"),
            "Task_VisitBorrower", Map.entry(Duty.COLLECTION, "repaymentWillingness"),
            "Task_EscalateCollection", Map.entry(Duty.COLLECTION, "collectionDecision"),
            "Task_ReferToLegal", Map.entry(Duty.COLLECTION, "lawFirm"),
            "Task_DecideWriteOff", Map.entry(Duty.WRITE_OFF_DECISION, "writeOffDecision"));

    private final DecisionRecord record;
    private final FormRules forms;

    public MonitoringRecordListener(DecisionRecord record, FormRules forms) {
        this.record = record;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        Map.Entry<Duty, String> step = STEPS.get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException("monitoringRecord is bound to unknown task " + task.getTaskDefinitionKey());
        }
        String actor = Actor.of(task) == null ? RecordEntry.PLATFORM : Actor.of(task);
        String roles = Actor.roles(task.getProcessEngineServices(), actor);
        String answers = forms.taskFormKeys(task.getId()).stream()
                .filter(key -> task.getVariable(key) != null && !String.valueOf(task.getVariable(key)).isBlank())
                .map(key -> key + "=" + task.getVariable(key)).collect(Collectors.joining("; "));
        Object application = task.getVariable(APPLICATION_ID);
        Object decision = task.getVariable(step.getValue());
        record.append(RecordEntry.of(application == null ? String.valueOf(task.getVariable(LOAN_NUMBER)) : application.toString(),
                        task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId(), step.getKey(), actor, roles)
                .decided(decision == null ? null : decision.toString(), null, null, null)
                .explained(null, "loan=" + task.getVariable(LOAN_NUMBER) + "; " + answers));
    }
}
