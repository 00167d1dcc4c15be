package cn.smartfactory.lending.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.accountability.AccountabilityStore;
import cn.smartfactory.lending.approval.ApproverLevels;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.kpi.KpiQuery;
import cn.smartfactory.lending.kpi.KpiService;

/**
 * The approvers' monthly evaluation (审批人分级) and the level their authority reads (分层授权): the live
 * loans each approver signed — count, balance, overdue and NPL rates now (the factory's portfolio KPI per
 * approver, docs/kpis.md §4) and the share that fell overdue in the past year — and a level from the
 * {@code approver-level} table. Kept as versioned snapshots like the account managers' evaluation.
 */
public class ApproverEvaluations implements ApproverLevels {

    public static final String LEVEL_TABLE = "approver-level";

    private final JdbcClient jdbc;
    private final KpiService kpis;
    private final DecisionRules rules;
    private final IdentityService identity;
    private final AccountabilityStore accountability;

    public ApproverEvaluations(JdbcClient jdbc, KpiService kpis, DecisionRules rules, IdentityService identity,
                               AccountabilityStore accountability) {
        this.jdbc = jdbc;
        this.kpis = kpis;
        this.rules = rules;
        this.identity = identity;
        this.accountability = accountability;
    }

    /** Evaluates every approver for the month as a new version (the month is checked by the caller). */
    List<ApproverEvaluation> evaluate(YearMonth month, String by, Instant now) {
        Map<String, KpiService.OfficerPortfolio> portfolios = new HashMap<>();
        kpis.portfolio(new KpiQuery(month.atDay(1), month.atEndOfMonth(), null, null, null)).byOfficer().stream()
                .filter(p -> p.role().equals("APPROVER")).forEach(p -> portfolios.put(p.officer(), p));
        TreeSet<String> approvers = new TreeSet<>(portfolios.keySet());
        if (identity != null) {
            identity.createUserQuery().memberOfGroup(Role.APPROVERS.groupId()).list().forEach(u -> approvers.add(u.getId()));
        }
        List<ApproverEvaluation> result = new ArrayList<>();
        for (String approver : approvers) {
            ApproverEvaluation e = compute(month, approver, portfolios.get(approver), by, now);
            insert(e);
            result.add(e);
        }
        return result;
    }

    ApproverEvaluation compute(YearMonth month, String approver, KpiService.OfficerPortfolio portfolio, String by, Instant now) {
        int loans = portfolio == null ? 0 : (int) portfolio.loans();
        BigDecimal overdueShare = overdueLoanShare(approver, month);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("loans", loans);
        inputs.put("nplRate", portfolio == null || portfolio.nplRate() == null ? null : portfolio.nplRate().doubleValue());
        inputs.put("overdueLoanShare", overdueShare == null ? null : overdueShare.doubleValue());
        Map<String, Object> level = rules.evaluateSingle(LEVEL_TABLE, inputs);
        int[] determinations = accountability.confirmedIn(approver, start(month), start(month.plusMonths(1)));
        return new ApproverEvaluation(month, approver, nextVersion(month, approver), loans,
                portfolio == null ? BigDecimal.ZERO.setScale(2) : portfolio.outstanding(),
                portfolio == null ? null : portfolio.overdueRate(), portfolio == null ? null : portfolio.nplRate(), overdueShare,
                (String) level.get("level"), (String) level.get("levelName"), now, by, determinations[0], determinations[1]);
    }

    /**
     * Of the loans the approver signed that were live at some time in the twelve months up to the month's
     * end, the share with an overdue payment reported in that time; null without such loans.
     */
    BigDecimal overdueLoanShare(String approver, YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        LocalDate yearBefore = end.minusYears(1).plusDays(1);
        long[] counts = jdbc.sql("""
                SELECT COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM loan_event e WHERE e.loan_number = l.loan_number
                        AND e.event_type = 'OVERDUE_PAYMENT' AND e.occurred_on >= :from AND e.occurred_on <= :to) THEN 1 ELSE 0 END)
                FROM loan l WHERE ',' || REPLACE(l.approvers, ' ', '') || ',' LIKE :signed AND l.disbursed_on <= :to
                    AND (l.closed_on IS NULL OR l.closed_on >= :from)""")
                .param("signed", "%," + approver + ",%").param("from", Date.valueOf(yearBefore)).param("to", Date.valueOf(end))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return counts[0] == 0 ? null : BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_UP);
    }

    /** The level of the approver's latest evaluation (latest month, latest version); empty if never evaluated. */
    @Override
    public Optional<String> currentLevel(String approver) {
        return jdbc.sql("""
                SELECT level FROM approver_evaluation WHERE approver = :approver
                ORDER BY evaluation_month DESC, version DESC FETCH FIRST 1 ROWS ONLY""")
                .param("approver", approver).query(String.class).optional();
    }

    /** The latest version of each approver's evaluation for the month (or the given version). */
    List<ApproverEvaluation> month(YearMonth month, Integer version) {
        String sql = version == null
                ? "SELECT * FROM approver_evaluation e WHERE evaluation_month = :month AND version = (SELECT MAX(version)"
                        + " FROM approver_evaluation v WHERE v.evaluation_month = e.evaluation_month AND v.approver = e.approver)"
                        + " ORDER BY approver"
                : "SELECT * FROM approver_evaluation WHERE evaluation_month = :month AND version = :version ORDER BY approver";
        var spec = jdbc.sql(sql).param("month", Date.valueOf(month.atDay(1)));
        if (version != null) {
            spec = spec.param("version", version);
        }
        return spec.query((rs, i) -> read(rs)).list();
    }

    private int nextVersion(YearMonth month, String approver) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM approver_evaluation WHERE evaluation_month = :m AND approver = :a")
                .param("m", Date.valueOf(month.atDay(1))).param("a", approver).query(Integer.class).single();
    }

    private void insert(ApproverEvaluation e) {
        jdbc.sql("""
                INSERT INTO approver_evaluation (evaluation_month, approver, version, loans, outstanding, overdue_rate, npl_rate,
                    overdue_loan_share, level, level_name, computed_at, computed_by, exempt_determinations, responsible_determinations)
                VALUES (:month, :approver, :version, :loans, :outstanding, :overdueRate, :nplRate, :overdueShare, :level,
                    :levelName, :at, :by, :exempt, :responsible)
                """).param("month", Date.valueOf(e.month().atDay(1))).param("approver", e.approver()).param("version", e.version())
                .param("loans", e.loans()).param("outstanding", e.outstanding()).param("overdueRate", e.overdueRate())
                .param("nplRate", e.nplRate()).param("overdueShare", e.overdueLoanShare()).param("level", e.level())
                .param("levelName", e.levelName()).param("at", Timestamp.from(e.computedAt())).param("by", e.computedBy())
                .param("exempt", e.exemptDeterminations()).param("responsible", e.responsibleDeterminations())
                .update();
    }

    private static Instant start(YearMonth month) {
        return cn.smartfactory.lending.platform.BankClock.startOf(month.atDay(1)).toInstant();
    }

    private static ApproverEvaluation read(ResultSet rs) throws SQLException {
        return new ApproverEvaluation(YearMonth.from(rs.getDate("evaluation_month").toLocalDate()), rs.getString("approver"),
                rs.getInt("version"), rs.getInt("loans"), rs.getBigDecimal("outstanding"), rs.getBigDecimal("overdue_rate"),
                rs.getBigDecimal("npl_rate"), rs.getBigDecimal("overdue_loan_share"), rs.getString("level"),
                rs.getString("level_name"), rs.getTimestamp("computed_at").toInstant(), rs.getString("computed_by"),
                (Integer) rs.getObject("exempt_determinations", Integer.class),
                (Integer) rs.getObject("responsible_determinations", Integer.class));
    }
}
