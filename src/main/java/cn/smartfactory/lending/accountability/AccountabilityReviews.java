package cn.smartfactory.lending.accountability;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.monitoring.BadLoans;
import cn.smartfactory.lending.monitoring.LoanRecord;
import cn.smartfactory.lending.monitoring.LoanRegister;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;

/**
 * Starts the accountability reviews and assembles their dossiers. A loan's first review starts when it is
 * first bad (substandard or worse, or written off) — told by monitoring in the transaction that made it so;
 * the same loan turning worse, or written off later, starts nothing more. A later round is opened only by
 * a risk manager, with a reason, and supersedes the earlier determinations without changing them.
 */
public class AccountabilityReviews implements BadLoans {

    private final AccountabilityStore store;
    private final LoanRegister register;
    private final DecisionRecord record;
    private final JdbcClient jdbc;
    private final DossierAssembler assembler;
    private final DueDiligenceStandards standards;
    private final RuntimeService runtime;
    private final CurrentStaff staff;

    AccountabilityReviews(AccountabilityStore store, LoanRegister register, DecisionRecord record, JdbcClient jdbc,
                          DossierAssembler assembler, DueDiligenceStandards standards, RuntimeService runtime,
                          CurrentStaff staff) {
        this.store = store;
        this.register = register;
        this.record = record;
        this.jdbc = jdbc;
        this.assembler = assembler;
        this.standards = standards;
        this.runtime = runtime;
        this.staff = staff;
    }

    @Override
    public void loanIsBad(String loanNumber, String trigger) {
        if (!store.reviewed(loanNumber)) {
            start(loanNumber, trigger, null, RecordEntry.PLATFORM);
        }
    }

    /** A new round of a loan already reviewed, opened by a risk manager with a reason: the review row and its process together. */
    @Transactional
    public String openNewRound(String loanNumber, String reason, String by) {
        if (!store.reviewed(loanNumber)) {
            throw new IllegalArgumentException("贷款 " + loanNumber + " 尚无尽职复核 has no accountability review to supersede");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("“重新复核原因 reason”为必填项 is required: why the earlier review is superseded");
        }
        if (runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.PROCESS_KEY)
                .variableValueEquals(ReviewVariables.LOAN_NUMBER, loanNumber).count() > 0) {
            throw new IllegalStateException("贷款 " + loanNumber + " 的复核尚未完成 a review of the loan is still open");
        }
        return start(loanNumber, "NEW_ROUND", reason.strip(), by);
    }

    private String start(String loanNumber, String trigger, String reason, String by) {
        LoanRecord loan = register.find(loanNumber).orElseThrow(() -> new IllegalArgumentException("贷款不存在 no loan " + loanNumber));
        int round = store.nextRound(loanNumber);
        String reviewId = loanNumber + "-R" + round;
        store.insert(new AccountabilityStore.Review(reviewId, loanNumber, round, trigger, reason,
                ClockUtil.getCurrentTime().toInstant(), by));
        staff.asPlatform(() -> runtime.startProcessInstanceByKey(ReviewVariables.PROCESS_KEY, reviewId, Map.of(
                ReviewVariables.REVIEW_ID, reviewId, ReviewVariables.LOAN_NUMBER, loanNumber,
                ReviewVariables.APPLICATION_ID, loan.applicationId(), ReviewVariables.CUSTOMER_NAME, loan.customerName(),
                ReviewVariables.TRIGGER, trigger)));
        return reviewId;
    }

    /**
     * Assembles the review's dossier, keeps it with its SHA-256 and the preliminary findings, and puts the hash
     * on the decision record — all in the caller's transaction (the review's job), so a failure leaves nothing.
     *
     * @return the SHA-256 of the dossier
     */
    public String assemble(String reviewId, String processInstanceId) {
        AccountabilityStore.Review review = store.review(reviewId).orElseThrow(() -> new IllegalStateException("no review " + reviewId));
        LoanRecord loan = register.find(review.loanNumber()).orElseThrow();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<RecordEntry> entries = record.entries(loan.applicationId());
        DossierAssembler.Assembled assembled = assembler.assemble(reviewId, review.trigger(), loan, entries,
                timings(loan), events(loan.loanNumber()), now);
        List<Finding> findings = standards.findings(assembled.officers());
        byte[] workbook = DossierWorkbook.write(assembled.dossier(), findings, null);
        String sha = sha256(workbook);
        store.insertDossier(new AccountabilityStore.StoredDossier(reviewId, "dossier-" + reviewId + ".xlsx", sha, now, workbook));
        store.insertFindings(reviewId, findings);
        List<String> notMet = DueDiligenceStandards.notMet(findings);
        record.append(RecordEntry.of(loan.applicationId(), processInstanceId, "Task_AssembleDossier", null,
                        RecordEntry.Duty.ACCOUNTABILITY_DOSSIER, RecordEntry.PLATFORM, null)
                .decided(notMet.isEmpty() ? "ALL_MET" : "NOT_MET", loan.outstandingBalance(), null, null)
                .report(sha)
                .explained(null, "review=" + reviewId + "; trigger=" + review.trigger() + "; notMet=" + String.join(",", notMet)));
        return sha;
    }

    /**
     * One officer's extract of the dossier: the review's dossier assembled again from the same record (append-only)
     * and the findings as kept, with only the rows about the officer's own work.
     */
    public byte[] extract(String reviewId, String officer) {
        AccountabilityStore.Review review = store.review(reviewId).orElseThrow();
        LoanRecord loan = register.find(review.loanNumber()).orElseThrow();
        DossierAssembler.Assembled assembled = assembler.assemble(reviewId, review.trigger(), loan, record.entries(loan.applicationId()),
                timings(loan), events(loan.loanNumber()), ClockUtil.getCurrentTime().toInstant());
        return DossierWorkbook.write(assembled.dossier(), store.findings(reviewId), officer);
    }

    private List<DossierAssembler.TaskTiming> timings(LoanRecord loan) {
        return jdbc.sql("""
                SELECT task_id, process_key, station, station_name, officer, created_at, due_at, ended_at, end_kind, on_time
                FROM task_fact WHERE business_key IN (:application, :loan) ORDER BY created_at""")
                .param("application", loan.applicationId()).param("loan", loan.loanNumber())
                .query((rs, i) -> new DossierAssembler.TaskTiming(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                        rs.getString(9), (Boolean) rs.getObject(10))).list();
    }

    private List<DossierAssembler.EventRow> events(String loanNumber) {
        return jdbc.sql("SELECT event_id, event_type, occurred_on, received_at FROM loan_event WHERE loan_number = :loan")
                .param("loan", loanNumber)
                .query((rs, i) -> new DossierAssembler.EventRow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        instant(rs.getTimestamp(4)))).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
