package cn.smartfactory.lending.kpi;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import cn.smartfactory.lending.origination.LoanVariables;

/**
 * Puts the fact listeners on every diagram as it is parsed: {@link TaskFactListener} on every user task
 * of every process, {@link ApplicationFactListener} on the loan line's start events and its end. What
 * the managers measure does not depend on a process owner remembering a listener in Modeler.
 */
final class FactRecordingParseListener extends AbstractBpmnParseListener {

    private static final String[] TASK_EVENTS = {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE};

    private final Supplier<FactoryFacts> facts;
    private final Supplier<BiConsumer<String, DelegateTask>> dueDates;

    /**
     * @param facts    the fact table (looked up late: the engine is built before the application's beans)
     * @param dueDates what sets a task's due date on creation (given the process key), before it is
     *                 recorded (null: none)
     */
    FactRecordingParseListener(Supplier<FactoryFacts> facts, Supplier<BiConsumer<String, DelegateTask>> dueDates) {
        this.facts = facts;
        this.dueDates = dueDates;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        // Built in: they run even when an administrator skips the diagram's listeners. On creation the due
        // date is set first, by the same listener, so that the task is recorded with it.
        TaskListener recorder = new LateTaskListener(() -> task -> {
            if (dueDates != null && TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                dueDates.get().accept(processKey, task);
            }
            new TaskFactListener(processKey, facts.get()).notify(task);
        });
        for (String event : TASK_EVENTS) {
            definition.addBuiltInTaskListener(event, recorder);
        }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (scope instanceof ProcessDefinitionEntity process && LoanVariables.PROCESS_KEY.equals(process.getKey())) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, new LateExecutionListener(
                    () -> new ApplicationFactListener(facts.get(), ApplicationFactListener.Moment.TAKEN)));
        }
    }

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity process) {
        if (LoanVariables.PROCESS_KEY.equals(process.getKey())) {
            process.addBuiltInListener(ExecutionListener.EVENTNAME_END, new LateExecutionListener(
                    () -> new ApplicationFactListener(facts.get(), ApplicationFactListener.Moment.ENDED)));
        }
    }

    /** An execution listener whose work is looked up when it runs. */
    private record LateExecutionListener(Supplier<ExecutionListener> target) implements ExecutionListener {
        @Override
        public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) throws Exception {
            target.get().notify(execution);
        }
    }

    /** A task listener whose work is looked up when it runs. */
    private record LateTaskListener(Supplier<TaskListener> target) implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            target.get().notify(task);
        }
    }
}
