package cn.smartfactory.lending.kpi;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import cn.smartfactory.lending.record.Actor;

/**
 * Records every human task of every process in {@code task_fact}: created (with its due date), first
 * assigned, updated (a moved due date), completed or deleted. Added to each user task by
 * {@link FactRecordingParseListener}, so a task a process owner adds in Modeler is measured without a
 * listener in the diagram.
 */
final class TaskFactListener implements TaskListener {

    private final String processKey;
    private final FactoryFacts facts;

    TaskFactListener(String processKey, FactoryFacts facts) {
        this.processKey = processKey;
        this.facts = facts;
    }

    @Override
    public void notify(DelegateTask task) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> facts.taskCreated(new FactoryFacts.NewTask(task.getId(), processKey,
                    task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey(),
                    task.getName(), text(task.getVariable("product")), task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee()));
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    facts.taskAssigned(task.getId(), now);
                }
            }
            case EVENTNAME_UPDATE -> {
                if (task.getDueDate() != null) {
                    facts.taskDue(task.getId(), task.getDueDate().toInstant());
                }
            }
            case EVENTNAME_COMPLETE -> facts.taskEnded(task.getId(), now, true, Actor.of(task));
            case EVENTNAME_DELETE -> facts.taskEnded(task.getId(), now, false, task.getAssignee());
            default -> {
                // timeout events belong to the diagram's own timer listeners
            }
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
