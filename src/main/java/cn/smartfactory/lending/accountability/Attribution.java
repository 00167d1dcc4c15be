package cn.smartfactory.lending.accountability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the bad loans came from (★): over the loans disbursed in a period, the defaults — substandard or worse,
 * or written off — and their outstanding (NPL) amount attributed to the account manager, the lead source and
 * campaign, the investigator and the approver; which flags raised at origination and which overrides of the
 * model preceded defaults, each against the portfolio's default rate (lift), for risk managers tuning the
 * scorecard and the checklists; and each officer's confirmed determinations. Definitions in docs/accountability.md.
 */
public class Attribution {

    static final Set<String> BAD = Set.of("SUBSTANDARD", "DOUBTFUL", "LOSS");

    /** One line: loans, defaults among them, the default rate, and the outstanding of the defaults. */
    public record Line(String key, long loans, long defaults, BigDecimal defaultRate, BigDecimal nplAmount, BigDecimal lift) {
    }

    /** An officer's determinations, the latest confirmed per loan. */
    public record Determinations(String officer, long exempt, long responsible) {
    }

    public record Report(LocalDate from, LocalDate to, Line portfolio, List<Line> byAccountManager, List<Line> byLeadSource,
                         List<Line> byCampaign, List<Line> byInvestigator, List<Line> byApprover, List<Line> flags,
                         List<Line> overrides, List<Determinations> determinations) {
    }

    /** The overrides of the model the report counts, with their names. */
    static final Map<String, String> OVERRIDES = Map.of(
            "AGAINST_DECLINE", "违背拒绝建议批准 Approved against a decline suggestion",
            "ABOVE_SUGGESTED", "超过建议额度 Approved above the suggested limit",
            "CONDITIONS_UNFULFILLED", "条件未落实即签约 Signed with conditions unfulfilled",
            "SIGNED_ALONE", "资深审批人单签 Signed alone by a senior approver");

    private final JdbcClient jdbc;
    private final AccountabilityStore store;

    public Attribution(JdbcClient jdbc, AccountabilityStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    private static final class Loan {
        String applicationId;
        String accountManager;
        List<String> investigators;
        List<String> approvers;
        String leadSource;
        String campaign;
        boolean bad;
        BigDecimal outstanding;
        BigDecimal approved;
        final Set<String> flags = new LinkedHashSet<>();
        final Set<String> overrides = new LinkedHashSet<>();
        String suggestion;
        BigDecimal suggested;
        String conditions;
        Boolean fulfilled;
    }

    public Report report(LocalDate from, LocalDate to) {
        Map<String, Loan> byApplication = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.application_id, l.account_manager, l.investigators, l.approvers, l.classification, l.status,
                    l.outstanding_balance, l.approved_amount, f.lead_source, f.campaign_id
                FROM loan l LEFT JOIN application_fact f ON f.process_instance_id = l.process_instance_id
                WHERE l.disbursed_on >= :from AND l.disbursed_on <= :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((RowCallbackHandler) rs -> {
                    Loan l = new Loan();
                    l.applicationId = rs.getString(1);
                    l.accountManager = rs.getString(2);
                    l.investigators = split(rs.getString(3));
                    l.approvers = split(rs.getString(4));
                    l.bad = BAD.contains(rs.getString(5)) || "WRITTEN_OFF".equals(rs.getString(6));
                    l.outstanding = rs.getBigDecimal(7);
                    l.approved = rs.getBigDecimal(8);
                    l.leadSource = rs.getString(9) == null ? "UNKNOWN" : rs.getString(9);
                    l.campaign = rs.getString(10);
                    byApplication.put(l.applicationId, l);
                });
        jdbc.sql("""
                SELECT d.application_id, d.duty, d.decision, d.amount, d.details FROM decision_record d
                WHERE d.duty IN ('SCORING', 'APPROVAL', 'CONTRACT') AND d.application_id IN (
                    SELECT l.application_id FROM loan l WHERE l.disbursed_on >= :from AND l.disbursed_on <= :to)
                ORDER BY d.id""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((RowCallbackHandler) rs -> {
                    Loan l = byApplication.get(rs.getString(1));
                    if (l == null) {
                        return;
                    }
                    Map<String, String> details = DossierAssembler.details(rs.getString(5));
                    switch (rs.getString(2)) {
                        case "SCORING" -> {
                            // the last scoring is what was approved: a rework scores again
                            l.flags.clear();
                            l.conditions = null;
                            split(details.get("flags")).forEach(f -> l.flags.add(f));
                            l.suggestion = rs.getString(3);
                            l.suggested = rs.getBigDecimal(4);
                        }
                        case "APPROVAL" -> {
                            if (rs.getString(3) != null && rs.getString(3).startsWith("APPROVE")) {
                                String c = details.get("approvalConditions");
                                if (c != null && !c.isBlank()) {
                                    l.conditions = c;
                                }
                                if (details.containsKey("signedAloneReason")) {
                                    l.overrides.add("SIGNED_ALONE");
                                }
                            }
                        }
                        case "CONTRACT" -> {
                            if ("SIGNED".equals(rs.getString(3))) {
                                l.fulfilled = Boolean.valueOf(details.getOrDefault("conditionsFulfilled", "false"));
                            }
                        }
                        default -> {
                        }
                    }
                });
        for (Loan l : byApplication.values()) {
            if ("DECLINE".equals(l.suggestion)) {
                l.overrides.add("AGAINST_DECLINE");
            }
            if (l.suggested != null && l.approved != null && l.approved.compareTo(l.suggested) > 0) {
                l.overrides.add("ABOVE_SUGGESTED");
            }
            if (l.conditions != null && Boolean.FALSE.equals(l.fulfilled)) {
                l.overrides.add("CONDITIONS_UNFULFILLED");
            }
        }
        List<Loan> loans = new ArrayList<>(byApplication.values());
        Line portfolio = line("ALL", loans, null);
        BigDecimal base = portfolio.defaultRate();
        return new Report(from, to, portfolio,
                group(loans, l -> List.of(l.accountManager), base),
                group(loans, l -> List.of(l.leadSource), base),
                group(loans.stream().filter(l -> l.campaign != null).toList(), l -> List.of(l.campaign), base),
                group(loans, l -> l.investigators, base),
                group(loans, l -> l.approvers, base),
                group(loans, l -> new ArrayList<>(l.flags), base),
                group(loans, l -> l.overrides.stream().map(o -> o + " " + OVERRIDES.get(o)).toList(), base),
                determinations());
    }

    /** Per officer, each loan's final determination counted once. */
    List<Determinations> determinations() {
        Map<String, long[]> counts = new TreeMap<>();
        for (AccountabilityStore.FinalDetermination d : store.finalDeterminations(null)) {
            counts.computeIfAbsent(d.officer(), k -> new long[2])["EXEMPT".equals(d.determination()) ? 0 : 1]++;
        }
        List<Determinations> result = new ArrayList<>();
        counts.forEach((officer, c) -> result.add(new Determinations(officer, c[0], c[1])));
        return result;
    }

    private static List<Line> group(List<Loan> loans, java.util.function.Function<Loan, List<String>> keys, BigDecimal base) {
        Map<String, List<Loan>> groups = new TreeMap<>();
        for (Loan l : loans) {
            for (String key : new LinkedHashSet<>(keys.apply(l))) {
                if (key != null && !key.isBlank()) {
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        groups.forEach((key, members) -> lines.add(line(key, members, base)));
        lines.sort((a, b) -> Long.compare(b.defaults(), a.defaults()) != 0 ? Long.compare(b.defaults(), a.defaults())
                : a.key().compareTo(b.key()));
        return lines;
    }

    private static Line line(String key, List<Loan> loans, BigDecimal base) {
        long defaults = loans.stream().filter(l -> l.bad).count();
        BigDecimal npl = loans.stream().filter(l -> l.bad).map(l -> l.outstanding).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal rate = loans.isEmpty() ? null : BigDecimal.valueOf(defaults).divide(BigDecimal.valueOf(loans.size()), 4, RoundingMode.HALF_UP);
        BigDecimal lift = base == null || rate == null || base.signum() == 0 ? null : rate.divide(base, 2, RoundingMode.HALF_UP);
        return new Line(key, loans.size(), defaults, rate, npl, lift);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
