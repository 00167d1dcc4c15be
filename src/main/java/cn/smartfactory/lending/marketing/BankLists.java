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

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
    private final HistoryService history;
    private final AccountManagerProfiles profiles;

    public BankLists(JdbcClient jdbc, HistoryService history, AccountManagerProfiles profiles) {
        this.jdbc = jdbc;
        this.history = history;
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

    /** Chain leads from the investigations of disbursed loans, without the parties already in the customer register. */
    public List<ChainLead> chainLeads() {
        Map<String, String[]> loans = new LinkedHashMap<>();
        jdbc.sql("SELECT process_instance_id, loan_number, customer_name, industry, account_manager FROM loan ORDER BY loan_number")
                .query((rs, i) -> loans.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)})).list();
        Set<String> knownNames = new HashSet<>(jdbc.sql("SELECT name FROM customer").query(String.class).list());
        List<ChainLead> leads = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        List<String> ids = new ArrayList<>(loans.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Map<String, Map<String, Object>> byInstance = new HashMap<>();
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(chunk.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
                if (v.getName().matches("(customer|supplier)[1-3](Name|SharePercent)")) {
                    byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
                }
            }
            for (String instance : chunk) {
                Map<String, Object> vars = byInstance.getOrDefault(instance, Map.of());
                String[] loan = loans.get(instance);
                for (String kind : List.of("customer", "supplier")) {
                    for (int n = 1; n <= 3; n++) {
                        Object name = vars.get(kind + n + "Name");
                        if (name == null || name.toString().isBlank() || knownNames.contains(name.toString().trim())
                                || !listed.add(name.toString().trim())) {
                            continue;
                        }
                        Object share = vars.get(kind + n + "SharePercent");
                        boolean customer = "customer".equals(kind);
                        leads.add(new ChainLead(name.toString().trim(), customer ? "TOP_CUSTOMER" : "TOP_SUPPLIER",
                                customer ? "主要客户" : "主要供应商", share == null ? null : new BigDecimal(share.toString()),
                                loan[1], loan[0], loan[2], loan[3]));
                    }
                }
            }
        }
        return leads;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
