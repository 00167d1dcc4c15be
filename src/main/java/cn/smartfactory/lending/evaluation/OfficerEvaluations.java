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
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.accountability.AccountabilityStore;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.kpi.KpiQuery;
import cn.smartfactory.lending.kpi.KpiService;
import cn.smartfactory.lending.platform.BankClock;

/**
 * Computes and keeps the monthly evaluations. The indicators are the factory's KPIs for the month with
 * the officer as filter (docs/kpis.md), so an evaluation and the dashboard never disagree; the portfolio
 * rates are the portfolio at the moment of computing, which is why a month is kept as computed.
 */
public class OfficerEvaluations {

    public static final String LEVEL_TABLE = "officer-level";

    private final JdbcClient jdbc;
    private final KpiService kpis;
    private final DecisionRules rules;
    private final IdentityService identity;
    private final ApproverEvaluations approvers;
    private final AccountabilityStore accountability;

    public OfficerEvaluations(JdbcClient jdbc, KpiService kpis, DecisionRules rules, IdentityService identity,
                              ApproverEvaluations approvers, AccountabilityStore accountability) {
        this.jdbc = jdbc;
        this.kpis = kpis;
        this.rules = rules;
        this.identity = identity;
        this.approvers = approvers;
        this.accountability = accountability;
    }

    /** A month's evaluations as computed together: the account managers and the approvers. */
    public record Evaluated(YearMonth month, List<Evaluation> evaluations, List<ApproverEvaluation> approvers) {

        public int size() {
            return evaluations.size() + approvers.size();
        }
    }

    /** Evaluates every account manager and every approver for the month as a new version; answers the new evaluations. */
    public Evaluated evaluate(YearMonth month, String by) {
        if (!month.isBefore(YearMonth.from(BankClock.today()))) {
            throw new IllegalArgumentException("月份 month 须为已结束的月份 must be a month that has ended (was " + month + ")");
        }
        List<Evaluation> result = new ArrayList<>();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (String officer : accountManagers()) {
            Evaluation e = compute(month, officer, by, now);
            insert(e);
            result.add(e);
        }
        return new Evaluated(month, result, approvers.evaluate(month, by, now));
    }

    /** The approvers' evaluations of the month: the latest version of each, or the given version. */
    public List<ApproverEvaluation> approvers(YearMonth month, Integer version) {
        return approvers.month(month, version);
    }

    Evaluation compute(YearMonth month, String officer, String by, Instant now) {
        KpiQuery q = new KpiQuery(month.atDay(1), month.atEndOfMonth(), null, null, officer);
        KpiService.Growth growth = kpis.growth(q);
        KpiService.OfficerPortfolio portfolio = kpis.portfolio(q).byOfficer().stream()
                .filter(p -> p.role().equals("ACCOUNT_MANAGER") && p.officer().equals(officer)).findFirst().orElse(null);
        KpiService.Decisions decisions = kpis.decisions(q);
        KpiService.Turnaround turnaround = kpis.turnaround(q);
        int committee = jdbc.sql("""
                SELECT COUNT(*) FROM application_fact WHERE account_manager = :officer AND committee
                    AND ended_at >= :start AND ended_at < :end""").param("officer", officer)
                .param("start", start(month)).param("end", start(month.plusMonths(1))).query(Integer.class).single();
        int points = jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM marketing_points WHERE account_manager = :officer"
                        + " AND awarded_at >= :start AND awarded_at < :end").param("officer", officer)
                .param("start", start(month)).param("end", start(month.plusMonths(1))).query(Integer.class).single();
        BigDecimal overdueShare = overdueCustomerShare(officer, month);
        BigDecimal attainment = growth.disbursedAmountAttainment();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("nplRate", portfolio == null ? null : portfolio.nplRate());
        inputs.put("overdueCustomerShare", overdueShare);
        inputs.put("newBalanceAttainment", attainment);
        inputs.put("reworkRate", decisions.reworkRate());
        Map<String, Object> level = rules.evaluateSingle(LEVEL_TABLE, toDoubles(inputs));
        int[] determinations = accountability.confirmedIn(officer, start(month).toInstant(), start(month.plusMonths(1)).toInstant());
        return new Evaluation(month, officer, nextVersion(month, officer), (int) growth.newCustomers(),
                growth.newCustomersTarget() == null ? null : growth.newCustomersTarget().intValue(), growth.disbursedAmount(),
                growth.disbursedAmountTarget(), attainment, portfolio == null ? BigDecimal.ZERO.setScale(2) : portfolio.outstanding(),
                portfolio == null ? null : portfolio.overdueRate(), portfolio == null ? null : portfolio.nplRate(), overdueShare,
                turnaround.meanDays(), committee, decisions.reworkRate(), points, (String) level.get("level"),
                (String) level.get("levelName"), now, by, determinations[0], determinations[1]);
    }

    /**
     * Of the officer's loans live at some time in the twelve months up to the month's end, the share that
     * had an overdue payment reported in that time (the seed's 近一年发生逾期客户占比); null without loans.
     */
    BigDecimal overdueCustomerShare(String officer, YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        LocalDate yearBefore = end.minusYears(1).plusDays(1);
        long[] counts = jdbc.sql("""
                SELECT COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM loan_event e WHERE e.loan_number = l.loan_number
                        AND e.event_type = 'OVERDUE_PAYMENT' AND e.occurred_on >= :from AND e.occurred_on <= :to) THEN 1 ELSE 0 END)
                FROM loan l WHERE l.account_manager = :officer AND l.disbursed_on <= :to
                    AND (l.closed_on IS NULL OR l.closed_on >= :from)""")
                .param("officer", officer).param("from", Date.valueOf(yearBefore)).param("to", Date.valueOf(end))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return counts[0] == 0 ? null : BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_UP);
    }

    /** The latest version of each officer's evaluation for the month (or the given version). */
    public List<Evaluation> month(YearMonth month, Integer version) {
        String sql = version == null
                ? "SELECT * FROM officer_evaluation e WHERE evaluation_month = :month AND version = (SELECT MAX(version)"
                        + " FROM officer_evaluation v WHERE v.evaluation_month = e.evaluation_month AND v.officer = e.officer)"
                        + " ORDER BY officer"
                : "SELECT * FROM officer_evaluation WHERE evaluation_month = :month AND version = :version ORDER BY officer";
        var spec = jdbc.sql(sql).param("month", Date.valueOf(month.atDay(1)));
        if (version != null) {
            spec = spec.param("version", version);
        }
        return spec.query((rs, i) -> read(rs)).list();
    }

    /** The months evaluated, newest first. */
    public List<YearMonth> months() {
        return jdbc.sql("SELECT DISTINCT evaluation_month FROM officer_evaluation ORDER BY evaluation_month DESC")
                .query((rs, i) -> YearMonth.from(rs.getDate(1).toLocalDate())).list();
    }

    public boolean evaluated(YearMonth month) {
        return jdbc.sql("SELECT COUNT(*) FROM officer_evaluation WHERE evaluation_month = :m").param("m", Date.valueOf(month.atDay(1)))
                .query(Long.class).single() > 0;
    }

    private List<String> accountManagers() {
        TreeSet<String> officers = new TreeSet<>();
        identity.createUserQuery().memberOfGroup(Role.ACCOUNT_MANAGERS.groupId()).list().forEach(u -> officers.add(u.getId()));
        officers.addAll(jdbc.sql("SELECT DISTINCT account_manager FROM loan WHERE status IN ('ACTIVE', 'CLOSING')")
                .query(String.class).list());
        return List.copyOf(officers);
    }

    private int nextVersion(YearMonth month, String officer) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM officer_evaluation WHERE evaluation_month = :m AND officer = :o")
                .param("m", Date.valueOf(month.atDay(1))).param("o", officer).query(Integer.class).single();
    }

    private void insert(Evaluation e) {
        jdbc.sql("""
                INSERT INTO officer_evaluation (evaluation_month, officer, version, new_customers, new_customers_target,
                    new_balance, new_balance_target, new_balance_attainment, outstanding, overdue_rate, npl_rate,
                    overdue_customer_share, mean_days_to_disbursement, committee_cases, rework_rate, marketing_points, level,
                    level_name, computed_at, computed_by, exempt_determinations, responsible_determinations)
                VALUES (:month, :officer, :version, :newCustomers, :newCustomersTarget, :newBalance, :newBalanceTarget,
                    :attainment, :outstanding, :overdueRate, :nplRate, :overdueShare, :meanDays, :committee, :rework, :points,
                    :level, :levelName, :at, :by, :exempt, :responsible)
                """).param("month", Date.valueOf(e.month().atDay(1))).param("officer", e.officer()).param("version", e.version())
                .param("newCustomers", e.newCustomers()).param("newCustomersTarget", e.newCustomersTarget())
                .param("newBalance", e.newBalance()).param("newBalanceTarget", e.newBalanceTarget())
                .param("attainment", e.newBalanceAttainment()).param("outstanding", e.outstanding())
                .param("overdueRate", e.overdueRate()).param("nplRate", e.nplRate()).param("overdueShare", e.overdueCustomerShare())
                .param("meanDays", e.meanDaysToDisbursement()).param("committee", e.committeeCases())
                .param("rework", e.reworkRate()).param("points", e.marketingPoints()).param("level", e.level())
                .param("levelName", e.levelName()).param("at", Timestamp.from(e.computedAt())).param("by", e.computedBy())
                .param("exempt", e.exemptDeterminations()).param("responsible", e.responsibleDeterminations())
                .update();
    }

    private static Evaluation read(ResultSet rs) throws SQLException {
        return new Evaluation(YearMonth.from(rs.getDate("evaluation_month").toLocalDate()), rs.getString("officer"),
                rs.getInt("version"), rs.getInt("new_customers"), (Integer) rs.getObject("new_customers_target", Integer.class),
                rs.getBigDecimal("new_balance"), rs.getBigDecimal("new_balance_target"), rs.getBigDecimal("new_balance_attainment"),
                rs.getBigDecimal("outstanding"), rs.getBigDecimal("overdue_rate"), rs.getBigDecimal("npl_rate"),
                rs.getBigDecimal("overdue_customer_share"), rs.getBigDecimal("mean_days_to_disbursement"),
                rs.getInt("committee_cases"), rs.getBigDecimal("rework_rate"), rs.getInt("marketing_points"),
                rs.getString("level"), rs.getString("level_name"), rs.getTimestamp("computed_at").toInstant(),
                rs.getString("computed_by"), (Integer) rs.getObject("exempt_determinations", Integer.class),
                (Integer) rs.getObject("responsible_determinations", Integer.class));
    }

    private static Timestamp start(YearMonth month) {
        return new Timestamp(BankClock.startOf(month.atDay(1)).getTime());
    }

    /** The table's inputs are numbers (double); an absent rate stays null. */
    private static Map<String, Object> toDoubles(Map<String, Object> inputs) {
        Map<String, Object> result = new HashMap<>();
        inputs.forEach((k, v) -> result.put(k, v == null ? null : ((BigDecimal) v).doubleValue()));
        return result;
    }
}
