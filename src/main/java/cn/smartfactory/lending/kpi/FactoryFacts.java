package cn.smartfactory.lending.kpi;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The factory's facts ({@code task_fact}, {@code application_fact}, Flyway V10): one row per human task
 * and one per application, written through the engine's connection and transaction, so a step and its
 * fact commit or roll back together. Durations are computed here, once, when a task or an application
 * ends.
 */
public class FactoryFacts {

    /** What is known about a task when it is created. */
    public record NewTask(String taskId, String processKey, String processInstanceId, String businessKey, String station,
                          String stationName, String product, Instant createdAt, Instant dueAt, String assignee) {
    }

    /** What is known about an application when it is taken. */
    public record NewApplication(String applicationId, String processInstanceId, String product, String industry,
                                 String accountManager, String customerKey, String leadSource, String campaignId,
                                 BigDecimal requestedAmount, Instant appliedAt) {
    }

    /** How an application ended. */
    public record EndedApplication(String processInstanceId, Instant endedAt, String outcome, String declineStage,
                                   String declineReasonCode, String approvalRoute, boolean reachedApproval, boolean approved,
                                   int reworkCount, boolean committee, BigDecimal approvedAmount, BigDecimal disbursedAmount) {
    }

    private final JdbcClient jdbc;

    public FactoryFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void taskCreated(NewTask t) {
        jdbc.sql("""
                INSERT INTO task_fact (task_id, process_key, process_instance_id, business_key, station, station_name, product,
                    created_at, due_at, assigned_at)
                VALUES (:id, :processKey, :pi, :businessKey, :station, :stationName, :product, :created, :due, :assigned)
                """)
                .param("id", t.taskId()).param("processKey", t.processKey()).param("pi", t.processInstanceId())
                .param("businessKey", t.businessKey()).param("station", t.station()).param("stationName", t.stationName())
                .param("product", t.product()).param("created", ts(t.createdAt())).param("due", ts(t.dueAt()))
                .param("assigned", t.assignee() == null ? null : ts(t.createdAt()))
                .update();
    }

    /** A due date set or moved after creation (the SLA, a follow-up). */
    public void taskDue(String taskId, Instant dueAt) {
        jdbc.sql("UPDATE task_fact SET due_at = :due WHERE task_id = :id").param("due", ts(dueAt)).param("id", taskId).update();
    }

    /** The first claim or assignment ends the waiting time; later reassignments do not restart it. */
    public void taskAssigned(String taskId, Instant at) {
        jdbc.sql("UPDATE task_fact SET assigned_at = :at WHERE task_id = :id AND assigned_at IS NULL")
                .param("at", ts(at)).param("id", taskId).update();
    }

    /**
     * The task ended: completed by the officer, or deleted (the process moved on or was cancelled).
     * Waiting is created → first assigned; working is first assigned → ended (a task never assigned
     * waited until it ended); on time when ended no later than its due date.
     */
    public void taskEnded(String taskId, Instant at, boolean completed, String officer) {
        var row = jdbc.sql("SELECT created_at, assigned_at, due_at FROM task_fact WHERE task_id = :id").param("id", taskId)
                .query((rs, i) -> new Instant[] {rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()})
                .optional();
        if (row.isEmpty()) {
            return; // a task created before facts were recorded
        }
        Instant created = row.get()[0];
        Instant assigned = row.get()[1];
        Instant due = row.get()[2];
        Instant waitedUntil = assigned == null ? at : assigned;
        jdbc.sql("""
                UPDATE task_fact SET ended_at = :at, end_kind = :kind, officer = :officer, wait_seconds = :wait,
                    work_seconds = :work, on_time = :onTime
                WHERE task_id = :id
                """)
                .param("at", ts(at)).param("kind", completed ? "COMPLETED" : "DELETED").param("officer", officer)
                .param("wait", seconds(created, waitedUntil)).param("work", seconds(waitedUntil, at))
                .param("onTime", due == null ? null : !at.isAfter(due)).param("id", taskId)
                .update();
    }

    public void applicationTaken(NewApplication a) {
        jdbc.sql("""
                INSERT INTO application_fact (application_id, process_instance_id, product, industry, account_manager,
                    customer_key, lead_source, campaign_id, requested_amount, applied_at)
                VALUES (:id, :pi, :product, :industry, :am, :customer, :leadSource, :campaign, :amount, :applied)
                """)
                .param("id", a.applicationId()).param("pi", a.processInstanceId()).param("product", a.product())
                .param("industry", a.industry()).param("am", a.accountManager()).param("customer", a.customerKey())
                .param("leadSource", a.leadSource()).param("campaign", a.campaignId()).param("amount", a.requestedAmount())
                .param("applied", ts(a.appliedAt()))
                .update();
    }

    public void applicationEnded(EndedApplication e) {
        var applied = jdbc.sql("SELECT applied_at FROM application_fact WHERE process_instance_id = :id")
                .param("id", e.processInstanceId()).query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
        if (applied.isEmpty()) {
            return; // taken before facts were recorded
        }
        jdbc.sql("""
                UPDATE application_fact SET ended_at = :ended, outcome = :outcome, decline_stage = :stage,
                    decline_reason_code = :reason, approval_route = :route, reached_approval = :reached, approved = :approved,
                    rework_count = :rework, committee = :committee, approved_amount = :approvedAmount,
                    disbursed_amount = :disbursedAmount, turnaround_seconds = :turnaround
                WHERE process_instance_id = :id
                """)
                .param("ended", ts(e.endedAt())).param("outcome", e.outcome()).param("stage", e.declineStage())
                .param("reason", e.declineReasonCode()).param("route", e.approvalRoute())
                .param("reached", e.reachedApproval()).param("approved", e.approved()).param("rework", e.reworkCount())
                .param("committee", e.committee()).param("approvedAmount", e.approvedAmount())
                .param("disbursedAmount", e.disbursedAmount())
                .param("turnaround", "DISBURSED".equals(e.outcome()) ? seconds(applied.get(), e.endedAt()) : null)
                .param("id", e.processInstanceId())
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }
}
