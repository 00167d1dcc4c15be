package cn.smartfactory.lending.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Credit reports in the platform's {@code credit_report} table (Flyway V7, append-only by V8): one
 * row per report, written in the report step's transaction — instead of a file variable, which the
 * engine would store three times (runtime, historic variable, historic detail).
 */
@Repository
class JdbcCreditReportStore implements CreditReportStore {

    private final JdbcClient jdbc;

    JdbcCreditReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String store(String applicationId, String processInstanceId, String fileName, byte[] content) {
        String sha = cn.smartfactory.lending.common.Sha256.of(content);
        jdbc.sql("""
                INSERT INTO credit_report (application_id, process_instance_id, file_name, sha256, created_at, content_base64)
                VALUES (:application, :pi, :file, :sha, :at, :content)
                """).param("application", applicationId).param("pi", processInstanceId).param("file", fileName)
                .param("sha", sha).param("at", Timestamp.from(Instant.now()))
                .param("content", Base64.getEncoder().encodeToString(content)).update();
        return sha;
    }

    @Override
    public Optional<StoredReport> latest(String applicationId) {
        return jdbc.sql("""
                SELECT application_id, file_name, sha256, content_base64 FROM credit_report
                WHERE application_id = :application ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                """).param("application", applicationId)
                .query((rs, n) -> new StoredReport(rs.getString(1), rs.getString(2), rs.getString(3),
                        Base64.getDecoder().decode(rs.getString(4))))
                .optional();
    }
}
