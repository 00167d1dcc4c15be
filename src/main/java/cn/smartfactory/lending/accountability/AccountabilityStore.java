package cn.smartfactory.lending.accountability;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reviews, their dossiers, findings and determinations in the platform's database (V15; V16 refuses
 * UPDATE and DELETE per database): rows are only ever added.
 */
public class AccountabilityStore {

    /** One review of one loan. */
    public record Review(String reviewId, String loanNumber, int round, String trigger, String reason, Instant startedAt,
                         String startedBy) {
    }

    /** One statement, proposal, confirmation or return, as appended. */
    public record Entry(long id, String reviewId, String officer, String kind, String determination, String category,
                        String reason, String actor, Instant recordedAt) {
    }

    /** The stored dossier. */
    public record StoredDossier(String reviewId, String fileName, String sha256, Instant createdAt, byte[] content) {
    }

    private final JdbcClient jdbc;

    public AccountabilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean reviewed(String loanNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM accountability_review WHERE loan_number = :loan").param("loan", loanNumber)
                .query(Long.class).single() > 0;
    }

    public int nextRound(String loanNumber) {
        return jdbc.sql("SELECT COALESCE(MAX(review_round), 0) + 1 FROM accountability_review WHERE loan_number = :loan")
                .param("loan", loanNumber).query(Integer.class).single();
    }

    public void insert(Review r) {
        jdbc.sql("""
                INSERT INTO accountability_review (review_id, loan_number, review_round, trigger_kind, reason, started_at, started_by)
                VALUES (:id, :loan, :round, :trigger, :reason, :at, :by)""")
                .param("id", r.reviewId()).param("loan", r.loanNumber()).param("round", r.round()).param("trigger", r.trigger())
                .param("reason", r.reason()).param("at", Timestamp.from(r.startedAt())).param("by", r.startedBy()).update();
    }

    public Optional<Review> review(String reviewId) {
        return jdbc.sql("SELECT * FROM accountability_review WHERE review_id = :id").param("id", reviewId)
                .query((rs, i) -> new Review(rs.getString("review_id"), rs.getString("loan_number"), rs.getInt("review_round"),
                        rs.getString("trigger_kind"), rs.getString("reason"), rs.getTimestamp("started_at").toInstant(),
                        rs.getString("started_by"))).optional();
    }

    /** Every review, newest first. */
    public List<Review> reviews() {
        return jdbc.sql("SELECT * FROM accountability_review ORDER BY started_at DESC, review_id")
                .query((rs, i) -> new Review(rs.getString("review_id"), rs.getString("loan_number"), rs.getInt("review_round"),
                        rs.getString("trigger_kind"), rs.getString("reason"), rs.getTimestamp("started_at").toInstant(),
                        rs.getString("started_by"))).list();
    }

    public void insertDossier(StoredDossier d) {
        jdbc.sql("""
                INSERT INTO accountability_dossier (review_id, file_name, sha256, created_at, content_base64)
                VALUES (:id, :name, :sha, :at, :content)""")
                .param("id", d.reviewId()).param("name", d.fileName()).param("sha", d.sha256()).param("at", Timestamp.from(d.createdAt()))
                .param("content", Base64.getEncoder().encodeToString(d.content())).update();
    }

    public Optional<StoredDossier> dossier(String reviewId) {
        return jdbc.sql("SELECT * FROM accountability_dossier WHERE review_id = :id").param("id", reviewId)
                .query((rs, i) -> new StoredDossier(rs.getString("review_id"), rs.getString("file_name"), rs.getString("sha256"),
                        rs.getTimestamp("created_at").toInstant(), Base64.getDecoder().decode(rs.getString("content_base64"))))
                .optional();
    }

    public void insertFindings(String reviewId, List<Finding> findings) {
        for (Finding f : findings) {
            jdbc.sql("""
                    INSERT INTO accountability_finding (review_id, officer, officer_role, standard, standard_name, met, evidence)
                    VALUES (:id, :officer, :role, :standard, :name, :met, :evidence)""")
                    .param("id", reviewId).param("officer", f.officer()).param("role", f.role()).param("standard", f.standard())
                    .param("name", f.standardName()).param("met", f.met())
                    .param("evidence", f.evidence() == null || f.evidence().length() <= 2000 ? f.evidence() : f.evidence().substring(0, 2000))
                    .update();
        }
    }

    public List<Finding> findings(String reviewId) {
        return jdbc.sql("SELECT * FROM accountability_finding WHERE review_id = :id ORDER BY officer, officer_role, standard")
                .param("id", reviewId)
                .query((rs, i) -> new Finding(rs.getString("officer"), rs.getString("officer_role"), rs.getString("standard"),
                        rs.getString("standard_name"), rs.getBoolean("met"), rs.getString("evidence"))).list();
    }

    public void append(String reviewId, String officer, String kind, String determination, String category, String reason,
                       String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO accountability_determination (review_id, officer, entry_kind, determination, category, reason, actor,
                    recorded_at)
                VALUES (:id, :officer, :kind, :determination, :category, :reason, :actor, :at)""")
                .param("id", reviewId).param("officer", officer).param("kind", kind).param("determination", determination)
                .param("category", category).param("reason", reason).param("actor", actor).param("at", Timestamp.from(at)).update();
    }

    /** An officer's final determination of one loan: the latest confirmed one over all the loan's rounds. */
    public record FinalDetermination(String loanNumber, String officer, String determination, Instant confirmedAt) {
    }

    /** Every officer's final determination of every loan reviewed (optionally of one officer only). */
    public List<FinalDetermination> finalDeterminations(String officer) {
        Map<String, FinalDetermination> latest = new java.util.LinkedHashMap<>();
        var spec = jdbc.sql("""
                SELECT r.loan_number, d.officer, d.determination, d.recorded_at FROM accountability_determination d
                JOIN accountability_review r ON r.review_id = d.review_id
                WHERE d.entry_kind = 'CONFIRMED'""" + (officer == null ? "" : " AND d.officer = :officer")
                + " ORDER BY r.review_round, d.id");
        if (officer != null) {
            spec = spec.param("officer", officer);
        }
        spec.query((RowCallbackHandler) rs -> latest.put(rs.getString(1) + "\u0000" + rs.getString(2), new FinalDetermination(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())));
        return List.copyOf(latest.values());
    }

    /**
     * An officer's final determinations confirmed in [from, to), counted once per loan.
     *
     * @return {exempt, responsible}
     */
    public int[] confirmedIn(String officer, Instant from, Instant to) {
        int[] counts = new int[2];
        for (FinalDetermination d : finalDeterminations(officer)) {
            if (!d.confirmedAt().isBefore(from) && d.confirmedAt().isBefore(to)) {
                counts["EXEMPT".equals(d.determination()) ? 0 : 1]++;
            }
        }
        return counts;
    }

    public List<Entry> entries(String reviewId) {
        return jdbc.sql("SELECT * FROM accountability_determination WHERE review_id = :id ORDER BY id").param("id", reviewId)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("review_id"), rs.getString("officer"),
                        rs.getString("entry_kind"), rs.getString("determination"), rs.getString("category"), rs.getString("reason"),
                        rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant())).list();
    }
}
