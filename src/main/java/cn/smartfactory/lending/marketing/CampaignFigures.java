package cn.smartfactory.lending.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The marketing figures, defined once (docs/marketing.md, "Figures"): per campaign, per account
 * manager and per segment (industry × business type), computed by the database in one grouped
 * query each.
 * <ul>
 * <li>leads — names on the campaign's lists that were imported;</li>
 * <li>contacted — leads with at least one recorded contact; reached — leads reached at least once;
 * interested — leads that wanted to apply or to be followed up;</li>
 * <li>applications — leads that became an application; approved — whose application was approved;
 * disbursed — whose loan was disbursed, with the amount;</li>
 * <li>coverage 覆盖率 = contacted / leads; reach 触达率 = reached / leads; conversion 转化率 = disbursed / leads.</li>
 * </ul>
 */
public class CampaignFigures {

    /** One line of figures. */
    public record Figures(String group, long leads, long contacted, long reached, long interested, long applications,
                          long approved, long disbursed, BigDecimal disbursedAmount, long points) {

        public BigDecimal coverage() {
            return rate(contacted);
        }

        public BigDecimal reach() {
            return rate(reached);
        }

        public BigDecimal conversion() {
            return rate(disbursed);
        }

        private BigDecimal rate(long count) {
            return leads == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(leads), 4, RoundingMode.HALF_UP);
        }
    }

    private static final String COLUMNS = """
            COUNT(*) AS leads,
            SUM(CASE WHEN l.attempts > 0 THEN 1 ELSE 0 END) AS contacted,
            SUM(CASE WHEN l.reached THEN 1 ELSE 0 END) AS reached,
            SUM(CASE WHEN l.interested THEN 1 ELSE 0 END) AS interested,
            SUM(CASE WHEN l.application_id IS NOT NULL THEN 1 ELSE 0 END) AS applications,
            SUM(CASE WHEN l.approved THEN 1 ELSE 0 END) AS approved,
            SUM(CASE WHEN l.status = 'DISBURSED' THEN 1 ELSE 0 END) AS disbursed,
            COALESCE(SUM(l.disbursed_amount), 0) AS disbursed_amount
            """;

    private final JdbcClient jdbc;

    public CampaignFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's own line. */
    public Figures campaign(String campaignId) {
        List<Figures> rows = grouped("l.campaign_id", campaignId, pointsBy("campaign_id", campaignId));
        return rows.isEmpty() ? new Figures(campaignId, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0) : rows.get(0);
    }

    /** One line per account manager (all campaigns when campaignId is null). */
    public List<Figures> byAccountManager(String campaignId) {
        return grouped("l.account_manager", campaignId, pointsBy("account_manager", campaignId));
    }

    /** One line per segment, industry and business type ("—" for none). */
    public List<Figures> bySegment(String campaignId) {
        return grouped("l.industry || '/' || COALESCE(l.business_type, '—')", campaignId, Map.of());
    }

    /**
     * The campaigns running at some time between two days (inclusive), one line each, and the same
     * leads per account manager: the managers' view of marketing for a period.
     */
    public Map<String, List<Figures>> runningBetween(java.time.LocalDate from, java.time.LocalDate to) {
        String running = " WHERE l.campaign_id IN (SELECT campaign_id FROM campaign WHERE start_date <= :to AND end_date >= :from)";
        Map<String, Long> campaignPoints = new HashMap<>();
        Map<String, Long> managerPoints = new HashMap<>();
        jdbc.sql("SELECT campaign_id, account_manager, SUM(points) FROM marketing_points WHERE campaign_id IN "
                        + "(SELECT campaign_id FROM campaign WHERE start_date <= :to AND end_date >= :from) GROUP BY campaign_id, account_manager")
                .param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    campaignPoints.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    managerPoints.merge(rs.getString(2), rs.getLong(3), Long::sum);
                });
        Map<String, List<Figures>> result = new LinkedHashMap<>();
        for (var grouping : Map.of("campaigns", "l.campaign_id", "accountManagers", "l.account_manager").entrySet()) {
            result.put(grouping.getKey(), jdbc.sql("SELECT " + grouping.getValue() + " AS grp, " + COLUMNS
                            + " FROM campaign_lead l" + running + " GROUP BY " + grouping.getValue() + " ORDER BY 1")
                    .param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to))
                    .query((rs, i) -> figures(rs, grouping.getKey().equals("campaigns") ? campaignPoints : managerPoints))
                    .list());
        }
        return result;
    }

    private List<Figures> grouped(String groupExpression, String campaignId, Map<String, Long> points) {
        String where = campaignId == null ? "" : " WHERE l.campaign_id = :campaign";
        var spec = jdbc.sql("SELECT " + groupExpression + " AS grp, " + COLUMNS + " FROM campaign_lead l" + where
                + " GROUP BY " + groupExpression + " ORDER BY 1");
        if (campaignId != null) {
            spec = spec.param("campaign", campaignId);
        }
        return spec.query((rs, i) -> figures(rs, points)).list();
    }

    private Map<String, Long> pointsBy(String column, String campaignId) {
        Map<String, Long> points = new HashMap<>();
        String where = campaignId == null ? "" : " WHERE campaign_id = :campaign";
        var spec = jdbc.sql("SELECT " + column + ", SUM(points) FROM marketing_points" + where + " GROUP BY " + column);
        if (campaignId != null) {
            spec = spec.param("campaign", campaignId);
        }
        spec.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                points.put(rs.getString(1), rs.getLong(2));
        });
        return points;
    }

    private static Figures figures(ResultSet rs, Map<String, Long> points) throws SQLException {
        String group = rs.getString("grp");
        return new Figures(group, rs.getLong("leads"), rs.getLong("contacted"), rs.getLong("reached"),
                rs.getLong("interested"), rs.getLong("applications"), rs.getLong("approved"), rs.getLong("disbursed"),
                rs.getBigDecimal("disbursed_amount").setScale(2, RoundingMode.HALF_UP), points.getOrDefault(group, 0L));
    }

    /** What the review task shows: the campaign's figures as percentages and one row per account manager. */
    public Map<String, Object> reviewSummary(String campaignId) {
        Figures f = campaign(campaignId);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("leads", f.leads());
        summary.put("contacted", f.contacted());
        summary.put("reached", f.reached());
        summary.put("interested", f.interested());
        summary.put("applications", f.applications());
        summary.put("approved", f.approved());
        summary.put("disbursed", f.disbursed());
        summary.put("disbursedAmount", f.disbursedAmount().toPlainString());
        summary.put("coverage", percent(f.coverage()));
        summary.put("reach", percent(f.reach()));
        summary.put("conversion", percent(f.conversion()));
        summary.put("conversionTarget", jdbc.sql("SELECT conversion_target FROM campaign WHERE campaign_id = :id")
                .param("id", campaignId).query(Integer.class).optional().orElse(0));
        List<Map<String, Object>> managers = new ArrayList<>();
        for (Figures m : byAccountManager(campaignId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("accountManager", m.group());
            row.put("leads", m.leads());
            row.put("reached", m.reached());
            row.put("applications", m.applications());
            row.put("disbursed", m.disbursed());
            row.put("points", m.points());
            managers.add(row);
        }
        summary.put("byManager", managers);
        return summary;
    }

    static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
