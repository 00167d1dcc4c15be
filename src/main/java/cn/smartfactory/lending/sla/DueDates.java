package cn.smartfactory.lending.sla;

import java.time.Instant;
import java.util.Date;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Gives a new task its due date: the station's working hours from the {@code station-sla} table,
 * counted in the bank's working time from the task's creation. A due date the diagram already set
 * (a monitoring check's deadline, a warning's) is the task's own and is kept. Runs on every user
 * task's creation, before the task is recorded.
 */
public class DueDates implements BiConsumer<String, DelegateTask> {

    private final StationSla sla;
    private final CalendarStore calendar;

    public DueDates(StationSla sla, CalendarStore calendar) {
        this.sla = sla;
        this.calendar = calendar;
    }

    @Override
    public void accept(String processKey, DelegateTask task) {
        if (task.getDueDate() != null) {
            return;
        }
        StationSla.Level level = sla.of(processKey, task.getTaskDefinitionKey(), text(task.getVariable("product")),
                text(task.getVariable("approvalRoute")));
        if (level.timed()) {
            Instant due = calendar.calendar().addWorkingHours(task.getCreateTime().toInstant(), level.workingHours());
            task.setDueDate(Date.from(due));
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
