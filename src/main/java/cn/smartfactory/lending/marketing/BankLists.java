package cn.smartfactory.lending.marketing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two lists the bank generates from what it already holds.
 * <ul>
 * <li><b>Renewals (存客挖掘)</b>: customers whose loan was repaid or matures within 90 days, classified
 * normal and in tier T1 — the bank's good payers, each kept by the account manager who serves the loan.
 * Imported directly into a RENEWAL campaign.</li>
 * <li><b>Chain leads (链式拓客)</b>: the top customers and suppliers recorded in the investigations of
 * disbursed loans who are not customers yet, with their relation to the borrower. The investigation
 * records their names and shares only, so the list is handed to marketing operations as a name list
 * to complete (ID number and phone, usually through the borrower's introduction) and upload.</li>
 * </ul>
 */
public class BankLists {

    /** Loans maturing within this many days are due for renewal. */
    static final int RENEWAL_WINDOW_DAYS = 90;

    /** A chain lead: who, how they relate to which borrower, and the borrower's loan and account manager. */
    public record ChainLead(String name, String relation, String relationZh, BigDecimal sharePercent, String borrower,
                            String loanNumber, String industry, String accountManager) {

        public String note() {
            return "借款人" + borrower + "(" + loanNumber + ")的" + relationZh + (sharePercent == null ? "" : ",占比" + sharePercent.stripTrailingZeros().toPlainString() + "%")
                    + " " + relation.toLowerCase().replace('_', ' ') + " of borrower " + borrower;
        }
    }

    private final JdbcClient jdbc;
    private final AccountManagerProfiles profiles;

    public BankLists(JdbcClient jdbc, AccountManagerProfiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    /** The rows a campaign of this source starts with: the renewal list, or none (a chain list is completed and uploaded). */
    public List<ListRow> rows(String listSource) {
        return "RENEWAL".equals(listSource) ? renewals(MarketingVariables.today()) : List.of();
    }

    /** Renewal candidates as list rows, each kept by its loan's account manager. */
    public List<ListRow> renewals(LocalDate today) {
        Map<String, String> regionOf = new HashMap<>();
        profiles.all().forEach(p -> regionOf.put(p.userId(), p.region()));
        List<ListRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        jdbc.sql("""
                SELECT c.customer_key, c.name, c.phone, c.region, c.industry, c.business_type, c.address,
                       l.loan_number, l.status, l.maturity_date, l.account_manager
                FROM loan l JOIN customer_application a ON a.application_id = l.application_id
                     JOIN customer c ON c.customer_key = a.customer_key
                WHERE l.classification = 'NORMAL' AND l.tier = 'T1'
                  AND (l.status = 'REPAID' OR (l.status = 'ACTIVE' AND l.maturity_date <= :until))
                ORDER BY l.maturity_date, l.loan_number
                """).param("until", Date.valueOf(today.plusDays(RENEWAL_WINDOW_DAYS))).query((rs, i) -> {
                    String key = rs.getString("customer_key");
                    if (!seen.add(key)) {
                        return null;
                    }
                    String manager = rs.getString("account_manager");
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("name", rs.getString("name"));
                    values.put("phone", nullToEmpty(rs.getString("phone")));
                    values.put("idNumber", key);
                    values.put("industry", nullToEmpty(rs.getString("industry")));
                    String region = rs.getString("region");
                    values.put("region", region != null ? region : nullToEmpty(regionOf.get(manager)));
                    values.put("businessType", nullToEmpty(rs.getString("business_type")));
                    values.put("address", nullToEmpty(rs.getString("address")));
                    boolean repaid = "REPAID".equals(rs.getString("status"));
                    String loan = rs.getString("loan_number");
                    String relation = repaid ? "已结清贷款 " + loan + " repaid" : "贷款 " + loan + " 将于 "
                            + rs.getDate("maturity_date").toLocalDate() + " 到期 matures";
                    rows.add(new ListRow(rows.size() + 1, values, relation, manager));
                    return null;
                }).list();
        return rows;
    }

    /**
     * Chain leads: the trading partners the investigations of disbursed loans recorded (the register keeps
     * them as the borrowers' relations), without the ones who are customers already, once per name.
     */
    public List<ChainLead> chainLeads() {
        List<ChainLead> leads = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        jdbc.sql("""
                SELECT r.related_name, r.relation, r.share_percent, b.name AS borrower, l.loan_number, l.industry,
                       l.account_manager
                FROM customer_relation r JOIN customer b ON b.customer_key = r.customer_key
                     JOIN customer_application a ON a.customer_key = r.customer_key
                     JOIN loan l ON l.application_id = a.application_id
                WHERE r.relation IN ('TOP_CUSTOMER', 'TOP_SUPPLIER') AND r.related_key IS NULL
                  AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.name = r.related_name)
                ORDER BY l.loan_number, r.relation, r.share_percent DESC, r.related_name
                """).query((rs, i) -> {
                    String name = rs.getString("related_name");
                    if (listed.add(name)) {
                        boolean customer = "TOP_CUSTOMER".equals(rs.getString("relation"));
                        leads.add(new ChainLead(name, rs.getString("relation"), customer ? "主要客户" : "主要供应商",
                                rs.getBigDecimal("share_percent"), rs.getString("borrower"), rs.getString("loan_number"),
                                rs.getString("industry"), rs.getString("account_manager")));
                    }
                    return name;
                }).list();
        return leads;
    }

    /**
     * The chain leads as a name list to complete: the columns of an upload with the name and the note
     * filled in, the borrower's industry as a first guess; marketing operations add the ID number,
     * phone and region (usually through the borrower's introduction) and upload it to a campaign.
     */
    public byte[] chainListCsv() {
        StringBuilder csv = new StringBuilder("\uFEFFname,phone,idNumber,industry,region,businessType,address,note\n");
        for (ChainLead lead : chainLeads()) {
            csv.append(quoted(lead.name())).append(",,,").append(quoted(nullToEmpty(lead.industry()))).append(",,,,")
                    .append(quoted(lead.note())).append('\n');
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
