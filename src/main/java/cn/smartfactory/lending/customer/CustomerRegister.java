package cn.smartfactory.lending.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The customer register in the platform's own tables (Flyway migration V9). */
@Repository
public class CustomerRegister implements ApplicationLinks {

    /** Consent values. */
    public static final List<String> CONSENTS = List.of("UNKNOWN", "GRANTED", "WITHDRAWN");
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;

    public CustomerRegister(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Adds a customer, or fills in what the register did not know yet (a later list does not erase a
     * phone number with an empty cell); the contact preferences are never changed here.
     */
    @Transactional
    public void record(CustomerKey key, String name, String phone, String region, String industry, String businessType,
                       String address) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("""
                UPDATE customer SET name = :name, phone = COALESCE(:phone, phone), region = COALESCE(:region, region),
                    industry = COALESCE(:industry, industry), business_type = COALESCE(:businessType, business_type),
                    address = COALESCE(:address, address), updated_at = :now
                WHERE customer_key = :key
                """).param("name", name).param("phone", blankToNull(phone)).param("region", blankToNull(region))
                .param("industry", blankToNull(industry)).param("businessType", blankToNull(businessType))
                .param("address", blankToNull(address)).param("now", now).param("key", key.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO customer (customer_key, key_type, name, phone, region, industry, business_type, address,
                        created_at, updated_at)
                    VALUES (:key, :type, :name, :phone, :region, :industry, :businessType, :address, :now, :now)
                    """).param("key", key.value()).param("type", key.type().name()).param("name", name)
                    .param("phone", blankToNull(phone)).param("region", blankToNull(region))
                    .param("industry", blankToNull(industry)).param("businessType", blankToNull(businessType))
                    .param("address", blankToNull(address)).param("now", now).update();
        }
    }

    /** A customer's particulars as a list gives them. */
    public record Particulars(CustomerKey key, String name, String phone, String region, String industry,
                              String businessType, String address) {
    }

    /**
     * {@link #record} for many customers at once, in batches: the ones in {@code existing} are updated,
     * the others inserted (a 100,000-name list costs two batched statements, not 200,000 round trips).
     */
    @Transactional
    public void recordAll(List<Particulars> all, Set<String> existing) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Particulars> updates = all.stream().filter(p -> existing.contains(p.key().value())).toList();
        List<Particulars> inserts = all.stream().filter(p -> !existing.contains(p.key().value())).toList();
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.batchUpdate("""
                UPDATE customer SET name = ?, phone = COALESCE(?, phone), region = COALESCE(?, region),
                    industry = COALESCE(?, industry), business_type = COALESCE(?, business_type),
                    address = COALESCE(?, address), updated_at = ? WHERE customer_key = ?
                """, updates, 1000, (ps, p) -> {
                    ps.setString(1, p.name());
                    ps.setString(2, blankToNull(p.phone()));
                    ps.setString(3, blankToNull(p.region()));
                    ps.setString(4, blankToNull(p.industry()));
                    ps.setString(5, blankToNull(p.businessType()));
                    ps.setString(6, blankToNull(p.address()));
                    ps.setTimestamp(7, now);
                    ps.setString(8, p.key().value());
                });
        template.batchUpdate("""
                INSERT INTO customer (customer_key, key_type, name, phone, region, industry, business_type, address,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, inserts, 1000, (ps, p) -> {
                    ps.setString(1, p.key().value());
                    ps.setString(2, p.key().type().name());
                    ps.setString(3, p.name());
                    ps.setString(4, blankToNull(p.phone()));
                    ps.setString(5, blankToNull(p.region()));
                    ps.setString(6, blankToNull(p.industry()));
                    ps.setString(7, blankToNull(p.businessType()));
                    ps.setString(8, blankToNull(p.address()));
                    ps.setTimestamp(9, now);
                    ps.setTimestamp(10, now);
                });
    }

    public Optional<Customer> find(String key) {
        return jdbc.sql("SELECT * FROM customer WHERE customer_key = :key").param("key", key).query(this::customer)
                .optional();
    }

    /** The customers among the keys that are in the register, by key (large sets are read in chunks). */
    public Map<String, Customer> findAll(Collection<String> keys) {
        Map<String, Customer> found = new HashMap<>();
        List<String> all = new ArrayList<>(new HashSet<>(keys));
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("SELECT * FROM customer WHERE customer_key IN (:keys)")
                    .param("keys", all.subList(from, Math.min(all.size(), from + CHUNK))).query(this::customer).list()
                    .forEach(c -> found.put(c.key(), c));
        }
        return found;
    }

    /** Records the customer's wishes: do not contact, and the marketing consent; false when unknown. */
    @Transactional
    public boolean setPreferences(String key, boolean doNotContact, String consent, String changedBy) {
        if (!CONSENTS.contains(consent)) {
            throw new IllegalArgumentException("consent must be one of " + CONSENTS);
        }
        return jdbc.sql("""
                UPDATE customer SET do_not_contact = :dnc, marketing_consent = :consent, preferences_changed_at = :now,
                    preferences_changed_by = :by, updated_at = :now WHERE customer_key = :key
                """).param("dnc", doNotContact).param("consent", consent).param("now", Timestamp.from(Instant.now()))
                .param("by", changedBy).param("key", key).update() == 1;
    }

    @Override
    public void relationRecorded(String borrowerKey, String relatedName, String relation, java.math.BigDecimal sharePercent,
                                 String source) {
        relate(borrowerKey, relatedName, relation, sharePercent, null, source);
    }

    /** Records a relation once (a borrower's top customer or supplier); later records of the same relation change nothing. */
    @Transactional
    public void relate(String customerKey, String relatedName, String relation, java.math.BigDecimal sharePercent,
                       String relatedKey, String source) {
        int exists = jdbc.sql("""
                SELECT COUNT(*) FROM customer_relation WHERE customer_key = :key AND relation = :relation AND related_name = :name
                """).param("key", customerKey).param("relation", relation).param("name", relatedName).query(Integer.class)
                .single();
        if (exists == 0) {
            jdbc.sql("""
                    INSERT INTO customer_relation (customer_key, related_name, relation, share_percent, related_key, source,
                        recorded_at)
                    VALUES (:key, :name, :relation, :share, :relatedKey, :source, :now)
                    """).param("key", customerKey).param("name", relatedName).param("relation", relation)
                    .param("share", sharePercent, java.sql.Types.DECIMAL).param("relatedKey", relatedKey, java.sql.Types.VARCHAR).param("source", source).param("now", Timestamp.from(Instant.now()))
                    .update();
        }
    }

    public record Relation(String relatedName, String relation, java.math.BigDecimal sharePercent, String relatedKey,
                           String source) {
    }

    public List<Relation> relations(String customerKey) {
        return jdbc.sql("""
                SELECT related_name, relation, share_percent, related_key, source FROM customer_relation WHERE customer_key = :key
                ORDER BY relation, related_name
                """).param("key", customerKey).query((rs, i) -> new Relation(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getString(4), rs.getString(5))).list();
    }

    @Override
    @Transactional
    public void applicationOpened(CustomerKey applicant, String name, String industry, String applicationId) {
        record(applicant, name, null, null, industry, null, null);
        openApplication(applicant.value(), applicationId);
    }

    @Override
    public void applicationClosed(String applicationId, String outcome) {
        closeApplication(applicationId, outcome);
    }

    /** An application was opened for the customer (idempotent per application). */
    @Transactional
    public void openApplication(String customerKey, String applicationId) {
        int exists = jdbc.sql("SELECT COUNT(*) FROM customer_application WHERE application_id = :id")
                .param("id", applicationId).query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql("""
                    INSERT INTO customer_application (application_id, customer_key, state, opened_at)
                    VALUES (:id, :key, 'OPEN', :now)
                    """).param("id", applicationId).param("key", customerKey).param("now", Timestamp.from(Instant.now()))
                    .update();
        }
    }

    /** The application ended (DISBURSED, DECLINED, WITHDRAWN, CANCELLED). */
    @Transactional
    public void closeApplication(String applicationId, String outcome) {
        jdbc.sql("""
                UPDATE customer_application SET state = 'CLOSED', outcome = :outcome, closed_at = :now
                WHERE application_id = :id AND state = 'OPEN'
                """).param("outcome", outcome).param("now", Timestamp.from(Instant.now())).param("id", applicationId)
                .update();
    }

    /** What the bank already has going with a customer. */
    public enum Engagement { OPEN_APPLICATION, ACTIVE_LOAN }

    /** Every customer with an open application or an active loan (a loan that is not repaid or written off). */
    public Map<String, Engagement> engagements() {
        Map<String, Engagement> result = new HashMap<>();
        jdbc.sql("SELECT customer_key FROM customer_application WHERE state = 'OPEN'")
                .query((rs, i) -> result.put(rs.getString(1), Engagement.OPEN_APPLICATION)).list();
        jdbc.sql("""
                SELECT a.customer_key FROM customer_application a JOIN loan l ON l.application_id = a.application_id
                WHERE l.status IN ('ACTIVE', 'CLOSING')
                """).query((rs, i) -> result.put(rs.getString(1), Engagement.ACTIVE_LOAN)).list();
        return result;
    }

    /** The customer's applications, newest first: id, state, outcome. */
    public List<Map<String, Object>> applications(String customerKey) {
        return jdbc.sql("""
                SELECT application_id, state, outcome, opened_at, closed_at FROM customer_application
                WHERE customer_key = :key ORDER BY opened_at DESC
                """).param("key", customerKey).query().listOfRows();
    }

    private Customer customer(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Customer(rs.getString("customer_key"), rs.getString("key_type"), rs.getString("name"),
                rs.getString("phone"), rs.getString("region"), rs.getString("industry"), rs.getString("business_type"),
                rs.getString("address"), rs.getBoolean("do_not_contact"), rs.getString("marketing_consent"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
