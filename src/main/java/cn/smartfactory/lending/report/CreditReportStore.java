package cn.smartfactory.lending.report;

import java.util.Optional;

/** Each loan's credit report, stored once (append-only) with its SHA-256. */
public interface CreditReportStore {

    /** A stored report. */
    record StoredReport(String applicationId, String fileName, String sha256, byte[] content) {
    }

    /** Stores the report in the caller's transaction; returns its SHA-256. */
    String store(String applicationId, String processInstanceId, String fileName, byte[] content);

    /** The application's newest report (a send-back and re-assessment writes another). */
    Optional<StoredReport> latest(String applicationId);
}
