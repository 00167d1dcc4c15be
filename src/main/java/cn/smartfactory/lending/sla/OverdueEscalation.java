package cn.smartfactory.lending.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.platform.BankClock;

/**
 * Escalates the tasks past their due date, each once ({@code task_escalation}): its priority rises and
 * the station's lead gets a follow-up task ({@code overdue-follow-up}) naming the task, its loan or lead,
 * who holds it and how late it is. Run by the {@code sla-watch} timer, a batch per run in the timer job's
 * transaction: a failure rolls the batch back and the job retries, then becomes an incident.
 */
public class OverdueEscalation implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueEscalation.class);

    /** Tasks escalated per run; the rest wait for the next run. */
    static final int BATCH = 200;
    /** What an escalated task's priority rises by (Camunda's default priority is 50). */
    static final int PRIORITY_RISE = 30;

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final StationSla sla;
    private final ManagementService management;

    public OverdueEscalation(JdbcClient jdbc, TaskService tasks, RuntimeService runtime, ManagementService management,
                             StationSla sla) {
        this.jdbc = jdbc;
        this.management = management;
        this.tasks = tasks;
        this.runtime = runtime;
        this.sla = sla;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("escalated", escalateDue());
    }

    /** Escalates the overdue tasks not yet escalated, at most a batch; answers how many. */
    public int escalateDue() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        // The engine's native task query, so that tasks escalated before are left out by the database.
        String table = management.getTableName(org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.class);
        List<Task> overdue = tasks.createNativeTaskQuery().sql("SELECT T.* FROM " + table + " T WHERE T.DUE_DATE_ < #{now}"
                        + " AND T.PROC_INST_ID_ IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM task_escalation E WHERE E.task_id = T.ID_) ORDER BY T.DUE_DATE_")
                .parameter("now", java.util.Date.from(now)).listPage(0, BATCH);
        int escalated = 0;
        for (Task task : overdue) {
            String processKey = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                    .singleResult().getProcessDefinitionKey();
            Map<String, Object> variables = runtime.getVariables(task.getExecutionId(), List.of("product", "approvalRoute"));
            StationSla.Level level = sla.of(processKey, task.getTaskDefinitionKey(), text(variables.get("product")),
                    text(variables.get("approvalRoute")));
            if (level.leadGroup() == null && level.leadUsers().isEmpty()) {
                record(task, now, level, null); // measured, not escalated: nobody leads it
                continue;
            }
            tasks.setPriority(task.getId(), Math.min(100, task.getPriority() + PRIORITY_RISE));
            String followUp = runtime.startProcessInstanceByKey(FOLLOW_UP_PROCESS, task.getId(),
                    followUpVariables(task, processKey, level, now)).getId();
            record(task, now, level, followUp);
            escalated++;
        }
        if (escalated > 0) {
            LOG.info("Escalated {} overdue tasks to their stations' leads", escalated);
        }
        return escalated;
    }

    /** The follow-up process a late task starts for its station's lead. */
    public static final String FOLLOW_UP_PROCESS = "overdue-follow-up";

    private Map<String, Object> followUpVariables(Task task, String processKey, StationSla.Level level, Instant now) {
        Map<String, Object> v = new HashMap<>();
        v.put("lateTaskId", task.getId());
        v.put("lateTaskName", task.getName());
        v.put("lateStation", task.getTaskDefinitionKey());
        v.put("lateProcess", processKey);
        v.put("lateBusinessKey", runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey());
        v.put("lateAssignee", task.getAssignee() == null ? "未认领 unclaimed" : task.getAssignee());
        v.put("lateDueAt", task.getDueDate().toInstant().atZone(BankClock.ZONE).toLocalDateTime().withSecond(0).withNano(0)
                .toString().replace('T', ' '));
        v.put("lateHours", Duration.between(task.getDueDate().toInstant(), now).toHours());
        v.put("leadGroup", level.leadGroup());
        v.put("leadUsers", String.join(",", level.leadUsers()));
        return v;
    }

    private void record(Task task, Instant now, StationSla.Level level, String followUp) {
        jdbc.sql("""
                INSERT INTO task_escalation (task_id, station, due_at, escalated_at, lead_group, lead_users, follow_up_instance)
                VALUES (:id, :station, :due, :at, :group, :users, :followUp)
                """).param("id", task.getId()).param("station", task.getTaskDefinitionKey())
                .param("due", Timestamp.from(task.getDueDate().toInstant())).param("at", Timestamp.from(now))
                .param("group", level.leadGroup()).param("users", String.join(",", level.leadUsers()))
                .param("followUp", followUp).update();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
