package cn.smartfactory.lending.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.marketing.CampaignFigures;
import cn.smartfactory.lending.origination.LoanVariables;
import cn.smartfactory.lending.platform.BankClock;

/**
 * The factory's KPIs, each computed in one place from the fact tables, the loan register and the
 * marketing leads. Every definition (what is counted, numerator, denominator) is in docs/kpis.md;
 * a rate whose denominator is zero is null ("no case"), never 0.
 */
public class KpiService {

    /** The loan line's stations whose times are compared to name the bottleneck. */
    static final String LINE = LoanVariables.PROCESS_KEY;
    /** The credit committee's vote: a case "goes to committee" when it has one. */
    static final String COMMITTEE_STATION = "Task_CommitteeVote";
    /** The periodic post-loan check, whose on-time completion is a KPI. */
    static final String MONITORING_PROCESS = "post-loan-monitoring";
    static final String CHECK_STATION = "Task_PeriodicCheck";
    /** Classifications that count as non-performing (次级, 可疑, 损失). */
    static final List<String> NON_PERFORMING = List.of("SUBSTANDARD", "DOUBTFUL", "LOSS");

    public record Report(LocalDate from, LocalDate to, String product, String station, String officer, String computedAt,
                         Turnaround turnaround, List<StationTimes> stations, StationTimes bottleneck, Decisions decisions,
                         List<Month> months, BigDecimal committeeCasesPerMonth, Growth growth, Portfolio portfolio,
                         Monitoring monitoring, List<OfficerLine> officers, Map<String, List<CampaignFigures.Figures>> marketing) {
    }

    /** Days from application to disbursement, over the loans disbursed in the period. */
    public record Turnaround(long disbursed, BigDecimal meanDays, BigDecimal medianDays, BigDecimal p90Days) {
    }

    /** One station's tasks completed in the period, with its open work now. */
    public record StationTimes(String processKey, String station, String name, long completed, BigDecimal waitingHoursMean,
                               BigDecimal waitingHoursMedian, BigDecimal workingHoursMean, BigDecimal workingHoursMedian,
                               BigDecimal totalHoursMean, long withDueDate, long onTime, BigDecimal onTimeRate,
                               long openNow, long overdueNow) {
    }

    /** How the applications that ended in the period ended. */
    public record Decisions(long ended, long declined, BigDecimal rejectionRate, long reachedApproval, long approved,
                            BigDecimal approvalRate, long reworked, long sendBacks, BigDecimal reworkRate, long withdrawn,
                            List<DeclineLine> declinesByStage) {
    }

    public record DeclineLine(String stage, String reasonCode, long count) {
    }

    /** One calendar month (bank days) of the period. */
    public record Month(String month, long applications, long disbursed, BigDecimal disbursedAmount, long committeeCases) {
    }

    /** New customers and disbursed amount against the officers' targets for the months starting in the period. */
    public record Growth(long newCustomers, Long newCustomersTarget, BigDecimal newCustomersAttainment, long disbursed,
                         BigDecimal disbursedAmount, BigDecimal disbursedAmountTarget, BigDecimal disbursedAmountAttainment) {
    }

    /** The live portfolio now, overall and per officer in each role. */
    public record Portfolio(String asOf, long loans, BigDecimal outstanding, BigDecimal overdueBalance, BigDecimal overdueRate,
                            BigDecimal nonPerformingBalance, BigDecimal nplRate, List<OfficerPortfolio> byOfficer) {
    }

    public record OfficerPortfolio(String role, String officer, long loans, BigDecimal outstanding, BigDecimal overdueBalance,
                                   BigDecimal overdueRate, BigDecimal nonPerformingBalance, BigDecimal nplRate) {
    }

    /** Periodic checks falling due in the period. */
    public record Monitoring(long due, long onTime, long late, long missed, long notYetDue, BigDecimal onTimeRate) {
    }

    /** One officer's work in the period. */
    public record OfficerLine(String officer, long tasksCompleted, BigDecimal workingHoursMean, long withDueDate, long onTime,
                              BigDecimal onTimeRate, long applications, long disbursed, BigDecimal disbursedAmount) {
    }

    private final JdbcClient jdbc;
    private final CampaignFigures marketing;

    public KpiService(JdbcClient jdbc, CampaignFigures marketing) {
        this.jdbc = jdbc;
        this.marketing = marketing;
    }

    public Report report(KpiQuery q) {
        List<StationTimes> stations = stations(q);
        // No bottleneck is named while every station takes no time at all.
        StationTimes bottleneck = stations.stream().filter(s -> LINE.equals(s.processKey()) && s.totalHoursMean() != null
                        && s.totalHoursMean().signum() > 0)
                .max((a, b) -> a.totalHoursMean().compareTo(b.totalHoursMean())).orElse(null);
        List<Month> months = months(q);
        BigDecimal committeePerMonth = months.isEmpty() ? null
                : divide(BigDecimal.valueOf(months.stream().mapToLong(Month::committeeCases).sum()), BigDecimal.valueOf(months.size()), 2);
        return new Report(q.from(), q.to(), q.product(), q.station(), q.officer(), BankClock.now().withNano(0).toString(),
                turnaround(q), stations, bottleneck, decisions(q), months, committeePerMonth, growth(q), portfolio(q),
                monitoring(q), officers(q), q.station() == null ? marketing.runningBetween(q.from(), q.to()) : Map.of());
    }

    public Turnaround turnaround(KpiQuery q) {
        Filter f = new Filter(q).product("product").officer("account_manager");
        return f.bind(jdbc.sql("""
                SELECT COUNT(*), AVG(CAST(turnaround_seconds AS DOUBLE PRECISION)),
                    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY turnaround_seconds),
                    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY turnaround_seconds)
                FROM application_fact
                WHERE outcome = 'DISBURSED' AND ended_at >= :start AND ended_at < :end""" + f.where()))
                .query((rs, i) -> new Turnaround(rs.getLong(1), days(rs, 2), days(rs, 3), days(rs, 4))).single();
    }

    List<StationTimes> stations(KpiQuery q) {
        Filter f = new Filter(q).product("product").station("station").officer("officer");
        Map<String, StationTimes> byStation = new LinkedHashMap<>();
        f.bind(jdbc.sql("""
                SELECT process_key, station, MAX(station_name), COUNT(*),
                    AVG(CAST(wait_seconds AS DOUBLE PRECISION)), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY wait_seconds),
                    AVG(CAST(work_seconds AS DOUBLE PRECISION)), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY work_seconds),
                    AVG(CAST(wait_seconds + work_seconds AS DOUBLE PRECISION)),
                    SUM(CASE WHEN due_at IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN on_time THEN 1 ELSE 0 END)
                FROM task_fact
                WHERE end_kind = 'COMPLETED' AND ended_at >= :start AND ended_at < :end"""
                + f.where() + " GROUP BY process_key, station ORDER BY process_key, station"))
                .query((RowCallbackHandler) rs -> byStation.put(rs.getString(1) + "/" + rs.getString(2), new StationTimes(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), hours(rs, 5), hours(rs, 6), hours(rs, 7),
                        hours(rs, 8), hours(rs, 9), rs.getLong(10), rs.getLong(11), rate(rs.getLong(11), rs.getLong(10)), 0, 0)));
        Filter open = new Filter(q).product("product").station("station").officer("officer");
        open.bind(jdbc.sql("""
                SELECT process_key, station, MAX(station_name), COUNT(*), SUM(CASE WHEN due_at < :now THEN 1 ELSE 0 END)
                FROM task_fact WHERE end_kind IS NULL""" + open.where() + " GROUP BY process_key, station"))
                .param("now", Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
                .query((RowCallbackHandler) rs -> byStation.merge(rs.getString(1) + "/" + rs.getString(2),
                        new StationTimes(rs.getString(1), rs.getString(2), rs.getString(3), 0, null, null, null, null, null, 0, 0,
                                null, rs.getLong(4), rs.getLong(5)),
                        (done, now) -> new StationTimes(done.processKey(), done.station(), done.name(), done.completed(),
                                done.waitingHoursMean(), done.waitingHoursMedian(), done.workingHoursMean(),
                                done.workingHoursMedian(), done.totalHoursMean(), done.withDueDate(), done.onTime(),
                                done.onTimeRate(), now.openNow(), now.overdueNow())));
        return new ArrayList<>(new TreeMap<>(byStation).values());
    }

    public Decisions decisions(KpiQuery q) {
        Filter f = new Filter(q).product("product").officer("account_manager");
        String period = " WHERE ended_at >= :start AND ended_at < :end AND outcome <> 'CANCELLED'" + f.where();
        long[] counts = f.bind(jdbc.sql("""
                SELECT COUNT(*), SUM(CASE WHEN outcome = 'DECLINED' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN reached_approval THEN 1 ELSE 0 END),
                    SUM(CASE WHEN reached_approval AND approved THEN 1 ELSE 0 END),
                    SUM(CASE WHEN reached_approval AND rework_count > 0 THEN 1 ELSE 0 END),
                    SUM(CASE WHEN reached_approval THEN rework_count ELSE 0 END),
                    SUM(CASE WHEN outcome = 'WITHDRAWN' THEN 1 ELSE 0 END)
                FROM application_fact""" + period))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)}).single();
        List<DeclineLine> declines = f.bind(jdbc.sql("SELECT decline_stage, decline_reason_code, COUNT(*) FROM application_fact"
                        + period + " AND outcome = 'DECLINED' GROUP BY decline_stage, decline_reason_code ORDER BY 3 DESC, 1, 2"))
                .query((rs, i) -> new DeclineLine(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        return new Decisions(counts[0], counts[1], rate(counts[1], counts[0]), counts[2], counts[3], rate(counts[3], counts[2]),
                counts[4], counts[5], rate(counts[4], counts[2]), counts[6], declines);
    }

    /** Applications taken, loans disbursed and committee cases per calendar month, one scan per table. */
    List<Month> months(KpiQuery q) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(q.from()); !m.isAfter(YearMonth.from(q.to())); m = m.plusMonths(1)) {
            months.add(m);
        }
        StringBuilder applications = new StringBuilder();
        StringBuilder committee = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            String in = " >= :m" + i + " AND %1$s < :m" + (i + 1);
            applications.append(", SUM(CASE WHEN applied_at").append(in.formatted("applied_at")).append(" THEN 1 ELSE 0 END)")
                    .append(", SUM(CASE WHEN outcome = 'DISBURSED' AND ended_at").append(in.formatted("ended_at"))
                    .append(" THEN 1 ELSE 0 END)")
                    .append(", SUM(CASE WHEN outcome = 'DISBURSED' AND ended_at").append(in.formatted("ended_at"))
                    .append(" THEN disbursed_amount ELSE 0 END)");
            committee.append(i == 0 ? "" : ", ").append("COUNT(DISTINCT CASE WHEN ended_at").append(in.formatted("ended_at"))
                    .append(" THEN process_instance_id END)");
        }
        Filter f = new Filter(q).product("product").officer("account_manager");
        var appSpec = f.bind(jdbc.sql("SELECT 0" + applications + " FROM application_fact WHERE (applied_at >= :start AND applied_at < :end"
                + " OR ended_at >= :start AND ended_at < :end)" + f.where()));
        Filter c = new Filter(q).product("product");
        var committeeSpec = c.bind(jdbc.sql("SELECT " + committee + " FROM task_fact WHERE station = '" + COMMITTEE_STATION
                + "' AND end_kind = 'COMPLETED' AND ended_at >= :start AND ended_at < :end" + c.where()));
        for (int i = 0; i <= months.size(); i++) {
            LocalDate first = i < months.size() ? months.get(i).atDay(1) : months.get(i - 1).plusMonths(1).atDay(1);
            LocalDate bounded = first.isBefore(q.from()) ? q.from() : first.isAfter(q.to().plusDays(1)) ? q.to().plusDays(1) : first;
            Timestamp at = new Timestamp(BankClock.startOf(bounded).getTime());
            appSpec = appSpec.param("m" + i, at);
            committeeSpec = committeeSpec.param("m" + i, at);
        }
        Object[] apps = appSpec.query((rs, n) -> row(rs, 1 + 3 * months.size())).single();
        Object[] cases = committeeSpec.query((rs, n) -> row(rs, months.size())).single();
        List<Month> result = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            result.add(new Month(months.get(i).toString(), number(apps[1 + 3 * i]).longValue(), number(apps[2 + 3 * i]).longValue(),
                    money(number(apps[3 + 3 * i])), number(cases[i]).longValue()));
        }
        return result;
    }

    public Growth growth(KpiQuery q) {
        Filter f = new Filter(q).product("a.product").officer("a.account_manager");
        long newCustomers = f.bind(jdbc.sql("""
                SELECT COUNT(DISTINCT a.customer_key) FROM application_fact a
                WHERE a.outcome = 'DISBURSED' AND a.ended_at >= :start AND a.ended_at < :end AND a.customer_key IS NOT NULL"""
                + f.where() + " AND NOT EXISTS (SELECT 1 FROM application_fact b WHERE b.customer_key = a.customer_key"
                + " AND b.outcome = 'DISBURSED' AND b.ended_at < a.ended_at)"))
                .query(Long.class).single();
        Object[] disbursed = f.bind(jdbc.sql("SELECT COUNT(*), SUM(a.disbursed_amount) FROM application_fact a"
                        + " WHERE a.outcome = 'DISBURSED' AND a.ended_at >= :start AND a.ended_at < :end" + f.where()))
                .query((rs, i) -> row(rs, 2)).single();
        Object[] targets = (q.officer() == null
                ? jdbc.sql("SELECT COUNT(*), SUM(new_customers), SUM(new_balance) FROM officer_target"
                        + " WHERE target_month >= :from AND target_month <= :to")
                : jdbc.sql("SELECT COUNT(*), SUM(new_customers), SUM(new_balance) FROM officer_target"
                        + " WHERE target_month >= :from AND target_month <= :to AND officer = :officer").param("officer", q.officer()))
                .param("from", java.sql.Date.valueOf(q.from())).param("to", java.sql.Date.valueOf(q.to()))
                .query((rs, i) -> row(rs, 3)).single();
        boolean hasTargets = number(targets[0]).longValue() > 0 && q.product() == null;
        Long customerTarget = hasTargets ? number(targets[1]).longValue() : null;
        BigDecimal amountTarget = hasTargets ? money(number(targets[2])) : null;
        BigDecimal amount = money(number(disbursed[1]));
        return new Growth(newCustomers, customerTarget,
                customerTarget == null ? null : divide(BigDecimal.valueOf(newCustomers), BigDecimal.valueOf(customerTarget), 4),
                number(disbursed[0]).longValue(), amount, amountTarget, amountTarget == null ? null : divide(amount, amountTarget, 4));
    }

    /** The live loans now (active or closing), overall and per account manager, investigator and approver. */
    public Portfolio portfolio(KpiQuery q) {
        Map<String, BigDecimal[]> lines = new TreeMap<>();
        BigDecimal[] total = zeros();
        long[] count = {0};
        Map<String, long[]> loans = new TreeMap<>();
        var spec = jdbc.sql("SELECT account_manager, investigators, approvers, outstanding_balance, days_overdue, classification"
                + " FROM loan WHERE status IN ('ACTIVE', 'CLOSING')" + (q.product() == null ? "" : " AND product = :product"));
        if (q.product() != null) {
            spec = spec.param("product", q.product());
        }
        spec.query((RowCallbackHandler) rs -> {
            BigDecimal outstanding = rs.getBigDecimal(4);
            boolean overdue = rs.getInt(5) > 0;
            boolean npl = NON_PERFORMING.contains(rs.getString(6));
            add(total, outstanding, overdue, npl);
            count[0]++;
            for (String[] officer : officers(rs.getString(1), rs.getString(2), rs.getString(3))) {
                if (q.officer() == null || q.officer().equals(officer[1])) {
                    String key = officer[0] + "\u0000" + officer[1];
                    add(lines.computeIfAbsent(key, k -> zeros()), outstanding, overdue, npl);
                    loans.computeIfAbsent(key, k -> new long[1])[0]++;
                }
            }
        });
        List<OfficerPortfolio> byOfficer = new ArrayList<>();
        lines.forEach((key, v) -> {
            String[] parts = key.split("\u0000");
            byOfficer.add(new OfficerPortfolio(parts[0], parts[1], loans.get(key)[0], money(v[0]), money(v[1]),
                    divide(v[1], v[0], 4), money(v[2]), divide(v[2], v[0], 4)));
        });
        return new Portfolio(BankClock.today().toString(), count[0], money(total[0]), money(total[1]), divide(total[1], total[0], 4),
                money(total[2]), divide(total[2], total[0], 4), byOfficer);
    }

    Monitoring monitoring(KpiQuery q) {
        Filter f = new Filter(q).product("product").officer("officer");
        long[] c = f.bind(jdbc.sql("""
                SELECT COUNT(*),
                    SUM(CASE WHEN end_kind = 'COMPLETED' AND on_time THEN 1 ELSE 0 END),
                    SUM(CASE WHEN end_kind = 'COMPLETED' AND NOT on_time THEN 1 ELSE 0 END),
                    SUM(CASE WHEN end_kind IS NULL AND due_at < :now THEN 1 ELSE 0 END),
                    SUM(CASE WHEN end_kind IS NULL AND due_at >= :now THEN 1 ELSE 0 END)
                FROM task_fact
                WHERE process_key = :process AND station = :check AND due_at >= :start AND due_at < :end
                    AND (end_kind IS NULL OR end_kind = 'COMPLETED')""" + f.where()))
                .param("process", MONITORING_PROCESS).param("check", CHECK_STATION)
                .param("now", Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).single();
        return new Monitoring(c[0], c[1], c[2], c[3], c[4], rate(c[1], c[1] + c[2] + c[3]));
    }

    List<OfficerLine> officers(KpiQuery q) {
        Map<String, OfficerLine> lines = new TreeMap<>();
        Filter f = new Filter(q).product("product").station("station").officer("officer");
        f.bind(jdbc.sql("""
                SELECT officer, COUNT(*), AVG(CAST(work_seconds AS DOUBLE PRECISION)),
                    SUM(CASE WHEN due_at IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN on_time THEN 1 ELSE 0 END)
                FROM task_fact WHERE end_kind = 'COMPLETED' AND officer IS NOT NULL AND ended_at >= :start AND ended_at < :end"""
                + f.where() + " GROUP BY officer"))
                .query((RowCallbackHandler) rs -> lines.put(rs.getString(1), new OfficerLine(rs.getString(1), rs.getLong(2),
                        hours(rs, 3), rs.getLong(4), rs.getLong(5), rate(rs.getLong(5), rs.getLong(4)), 0, 0, BigDecimal.ZERO)));
        if (q.station() == null) {
            Filter a = new Filter(q).product("product").officer("account_manager");
            a.bind(jdbc.sql("""
                    SELECT account_manager, SUM(CASE WHEN applied_at >= :start AND applied_at < :end THEN 1 ELSE 0 END),
                        SUM(CASE WHEN outcome = 'DISBURSED' AND ended_at >= :start AND ended_at < :end THEN 1 ELSE 0 END),
                        SUM(CASE WHEN outcome = 'DISBURSED' AND ended_at >= :start AND ended_at < :end THEN disbursed_amount ELSE 0 END)
                    FROM application_fact WHERE account_manager IS NOT NULL
                        AND (applied_at >= :start AND applied_at < :end OR ended_at >= :start AND ended_at < :end)"""
                    + a.where() + " GROUP BY account_manager"))
                    .query((RowCallbackHandler) rs -> lines.merge(rs.getString(1),
                            new OfficerLine(rs.getString(1), 0, null, 0, 0, null, rs.getLong(2), rs.getLong(3), money(rs.getBigDecimal(4))),
                            (t, m) -> new OfficerLine(t.officer(), t.tasksCompleted(), t.workingHoursMean(), t.withDueDate(),
                                    t.onTime(), t.onTimeRate(), m.applications(), m.disbursed(), m.disbursedAmount())));
        }
        return new ArrayList<>(lines.values());
    }

    private static List<String[]> officers(String accountManager, String investigators, String approvers) {
        List<String[]> result = new ArrayList<>();
        result.add(new String[] {"ACCOUNT_MANAGER", accountManager});
        for (String[] role : new String[][] {{"INVESTIGATOR", investigators}, {"APPROVER", approvers}}) {
            if (role[1] != null) {
                Arrays.stream(role[1].split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                        .forEach(id -> result.add(new String[] {role[0], id}));
            }
        }
        return result;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(BigDecimal[] sums, BigDecimal outstanding, boolean overdue, boolean npl) {
        sums[0] = sums[0].add(outstanding);
        if (overdue) {
            sums[1] = sums[1].add(outstanding);
        }
        if (npl) {
            sums[2] = sums[2].add(outstanding);
        }
    }

    private static Object[] row(ResultSet rs, int columns) throws SQLException {
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
        }
        return row;
    }

    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP);
    }

    /** count / of, to four places; null when there is nothing to divide by. */
    static BigDecimal rate(long count, long of) {
        return of == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal divide(BigDecimal value, BigDecimal of, int scale) {
        return of.signum() == 0 ? null : value.divide(of, scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(ResultSet rs, int column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(seconds / 86_400).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(ResultSet rs, int column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(seconds / 3_600).setScale(2, RoundingMode.HALF_UP);
    }

    /** The optional filters of a query, as SQL conditions on named columns and their parameters. */
    private static final class Filter {
        private final KpiQuery q;
        private final StringBuilder where = new StringBuilder();
        private final Map<String, Object> params = new LinkedHashMap<>();

        Filter(KpiQuery q) {
            this.q = q;
            params.put("start", q.start());
            params.put("end", q.end());
        }

        Filter product(String column) {
            return condition(column, "product", q.product());
        }

        Filter station(String column) {
            return condition(column, "station", q.station());
        }

        Filter officer(String column) {
            return condition(column, "officer", q.officer());
        }

        private Filter condition(String column, String name, String value) {
            if (value != null) {
                where.append(" AND ").append(column).append(" = :").append(name);
                params.put(name, value);
            }
            return this;
        }

        String where() {
            return where.toString();
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (var p : params.entrySet()) {
                spec = spec.param(p.getKey(), p.getValue());
            }
            return spec;
        }
    }
}
