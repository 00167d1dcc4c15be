package cn.smartfactory.lending.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The decision record in the platform's {@code decision_record} table (Flyway V4; the trigger that
 * refuses UPDATE and DELETE is V5, per database). Written through the same connection and
 * transaction as the engine's step, so a step and its record commit or roll back together.
 */
@Repository
public class JdbcDecisionRecord implements DecisionRecord {

    private final JdbcClient jdbc;

    public JdbcDecisionRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(RecordEntry e) {
        jdbc.sql("""
                INSERT INTO decision_record (recorded_at, application_id, process_instance_id, step, task_id, duty, actor,
                    actor_roles, decision, amount, term_months, route, score, grade, table_versions, report_sha256,
                    opinion, details)
                VALUES (:recordedAt, :applicationId, :processInstanceId, :step, :taskId, :duty, :actor, :actorRoles,
                    :decision, :amount, :termMonths, :route, :score, :grade, :tableVersions, :reportSha256, :opinion,
                    :details)
                """)
                .param("recordedAt", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .param("applicationId", e.applicationId()).param("processInstanceId", e.processInstanceId())
                .param("step", e.step()).param("taskId", e.taskId()).param("duty", e.duty().name())
                .param("actor", e.actor()).param("actorRoles", e.actorRoles()).param("decision", e.decision())
                .param("amount", e.amount()).param("termMonths", e.termMonths()).param("route", e.route())
                .param("score", e.score()).param("grade", e.grade()).param("tableVersions", e.tableVersions())
                .param("reportSha256", e.reportSha256()).param("opinion", truncate(e.opinion()))
                .param("details", truncate(e.details()))
                .update();
    }

    @Override
    public List<RecordEntry> entries(String applicationId) {
        return jdbc.sql("SELECT * FROM decision_record WHERE application_id = :id ORDER BY id")
                .param("id", applicationId)
                .query((rs, row) -> new RecordEntry(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("application_id"), rs.getString("process_instance_id"), rs.getString("step"),
                        rs.getString("task_id"), RecordEntry.Duty.valueOf(rs.getString("duty")), rs.getString("actor"),
                        rs.getString("actor_roles"), rs.getString("decision"), rs.getBigDecimal("amount"),
                        (Integer) rs.getObject("term_months", Integer.class), rs.getString("route"),
                        (Integer) rs.getObject("score", Integer.class), rs.getString("grade"), rs.getString("table_versions"),
                        rs.getString("report_sha256"), rs.getString("opinion"), rs.getString("details")))
                .list();
    }

    /** Opinions are bounded by their forms (2,000 characters); the column holds 4,000. */
    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }
}
