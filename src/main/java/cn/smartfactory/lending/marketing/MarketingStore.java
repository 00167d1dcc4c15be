package cn.smartfactory.lending.marketing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, leads, contacts and points in the platform's own tables (migration V9). */
@Repository
public class MarketingStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public MarketingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- campaigns ---------------------------------------------------------------------------

    public void createCampaign(Campaign c, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO campaign (campaign_id, name, objective, target_segment, strategy, channel, list_source,
                    start_date, end_date, conversion_target, max_attempts, status, process_instance_id, created_by, created_at)
                VALUES (:id, :name, :objective, :segment, :strategy, :channel, :source, :start, :end, :target, :attempts,
                    :status, :pi, :by, :now)
                """).param("id", c.campaignId()).param("name", c.name()).param("objective", c.objective())
                .param("segment", c.targetSegment()).param("strategy", c.strategy()).param("channel", c.channel())
                .param("source", c.listSource()).param("start", Date.valueOf(c.startDate()))
                .param("end", Date.valueOf(c.endDate())).param("target", c.conversionTarget())
                .param("attempts", c.maxAttempts()).param("status", c.status()).param("pi", processInstanceId)
                .param("by", c.createdBy()).param("now", now()).update();
    }

    public Optional<Campaign> campaign(String campaignId) {
        return jdbc.sql("SELECT * FROM campaign WHERE campaign_id = :id").param("id", campaignId)
                .query((rs, i) -> new Campaign(rs.getString("campaign_id"), rs.getString("name"), rs.getString("objective"),
                        rs.getString("target_segment"), rs.getString("strategy"), rs.getString("channel"),
                        rs.getString("list_source"), rs.getDate("start_date").toLocalDate(),
                        rs.getDate("end_date").toLocalDate(), rs.getInt("conversion_target"), rs.getInt("max_attempts"),
                        rs.getString("status"), rs.getString("created_by")))
                .optional();
    }

    public void closeCampaign(String campaignId) {
        jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = :now WHERE campaign_id = :id AND status = 'OPEN'")
                .param("now", now()).param("id", campaignId).update();
    }

    public void recordReview(String campaignId, String worked, String change, String by) {
        jdbc.sql("""
                UPDATE campaign SET review_worked = :worked, review_change = :change, reviewed_by = :by, reviewed_at = :now
                WHERE campaign_id = :id
                """).param("worked", worked).param("change", change).param("by", by).param("now", now())
                .param("id", campaignId).update();
    }

    // ---- lists -------------------------------------------------------------------------------

    public boolean listImported(String campaignId, String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_list WHERE campaign_id = :id AND sha256 = :sha")
                .param("id", campaignId).param("sha", sha256).query(Integer.class).single() > 0;
    }

    public void recordList(String campaignId, String sha256, String fileName, int imported, int rejected, String by) {
        jdbc.sql("""
                INSERT INTO campaign_list (campaign_id, sha256, file_name, imported, rejected, uploaded_by, uploaded_at)
                VALUES (:id, :sha, :file, :imported, :rejected, :by, :now)
                """).param("id", campaignId).param("sha", sha256).param("file", fileName).param("imported", imported)
                .param("rejected", rejected).param("by", by).param("now", now()).update();
    }

    // ---- leads -------------------------------------------------------------------------------

    /** Inserts new leads (status NEW) in batches. */
    public void insertLeads(List<Lead> leads) {
        Timestamp now = now();
        template.batchUpdate("""
                INSERT INTO campaign_lead (campaign_id, customer_key, list_row, name, phone, industry, region, business_type,
                    address, note, relation_note, flags, account_manager, assignment_reason, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?)
                """, leads, 1000, (ps, l) -> {
                    ps.setString(1, l.campaignId());
                    ps.setString(2, l.customerKey());
                    if (l.listRow() == null) {
                        ps.setNull(3, Types.INTEGER);
                    } else {
                        ps.setInt(3, l.listRow());
                    }
                    ps.setString(4, l.name());
                    ps.setString(5, l.phone());
                    ps.setString(6, l.industry());
                    ps.setString(7, l.region());
                    ps.setString(8, l.businessType());
                    ps.setString(9, l.address());
                    ps.setString(10, l.note());
                    ps.setString(11, l.relationNote());
                    ps.setString(12, l.flags());
                    ps.setString(13, l.accountManager());
                    ps.setString(14, l.assignmentReason());
                    ps.setTimestamp(15, now);
                });
    }

    /** The lead of a customer in a campaign (a customer is on a campaign's lists at most once). */
    public long leadIdOf(String campaignId, String customerKey) {
        return jdbc.sql("SELECT lead_id FROM campaign_lead WHERE campaign_id = :id AND customer_key = :key")
                .param("id", campaignId).param("key", customerKey).query(Long.class).single();
    }

    public Optional<Lead> lead(long leadId) {
        return jdbc.sql("SELECT * FROM campaign_lead WHERE lead_id = :id").param("id", leadId).query(this::mapLead).optional();
    }

    /** Leads still waiting for their outreach task, oldest first. */
    public List<Lead> newLeads(String campaignId, int limit) {
        return jdbc.sql("SELECT * FROM campaign_lead WHERE campaign_id = :id AND status = 'NEW' ORDER BY lead_id FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY").param("id", campaignId).query(this::mapLead).list();
    }

    public int countNewLeads(String campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_lead WHERE campaign_id = :id AND status = 'NEW'")
                .param("id", campaignId).query(Integer.class).single();
    }

    public void markDispatched(long leadId, String processInstanceId) {
        jdbc.sql("UPDATE campaign_lead SET status = 'OPEN', process_instance_id = :pi WHERE lead_id = :id AND status = 'NEW'")
                .param("pi", processInstanceId).param("id", leadId).update();
    }

    /** Open leads (not yet closed or applied) per account manager, for balancing. */
    public Map<String, Integer> workingLeadsByManager() {
        Map<String, Integer> load = new HashMap<>();
        jdbc.sql("""
                SELECT account_manager, COUNT(*) FROM campaign_lead WHERE status IN ('NEW', 'OPEN', 'FOLLOW_UP')
                GROUP BY account_manager
                """).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        load.put(rs.getString(1), rs.getInt(2));
                });
        return load;
    }

    /** Customers occupied by a live lead of an open campaign: customer key → campaign id. */
    public Map<String, String> customersInLiveCampaigns() {
        Map<String, String> result = new HashMap<>();
        jdbc.sql("""
                SELECT l.customer_key, l.campaign_id FROM campaign_lead l JOIN campaign c ON c.campaign_id = l.campaign_id
                WHERE c.status = 'OPEN' AND l.status IN ('NEW', 'OPEN', 'FOLLOW_UP', 'APPLIED')
                """).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        result.put(rs.getString(1), rs.getString(2));
                });
        return result;
    }

    /** Customers already on this campaign's lists, in any status. */
    public Map<String, Integer> customersOfCampaign(String campaignId) {
        Map<String, Integer> result = new HashMap<>();
        jdbc.sql("SELECT customer_key, list_row FROM campaign_lead WHERE campaign_id = :id").param("id", campaignId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        result.put(rs.getString(1), rs.getInt(2));
                });
        return result;
    }

    public void setStatus(long leadId, String status) {
        boolean closing = !Lead.LIVE.contains(status);
        jdbc.sql("UPDATE campaign_lead SET status = :status, closed_at = :closed WHERE lead_id = :id")
                .param("status", status).param("closed", closing ? now() : null, Types.TIMESTAMP).param("id", leadId)
                .update();
    }

    public void reassign(long leadId, String accountManager, String reasonZh) {
        jdbc.sql("UPDATE campaign_lead SET account_manager = :am, assignment_reason = :reason WHERE lead_id = :id")
                .param("am", accountManager).param("reason", reasonZh).param("id", leadId).update();
    }

    /** After a contact: the attempt counted, what was learned, and the lead's new status. */
    public void recordOutcome(long leadId, int attempts, boolean reached, boolean interested, LocalDate nextFollowUp,
                              String status, String applicationId) {
        boolean closing = !Lead.LIVE.contains(status);
        jdbc.sql("""
                UPDATE campaign_lead SET attempts = :attempts, reached = reached OR :reached,
                    interested = interested OR :interested, next_follow_up = :next, status = :status,
                    application_id = COALESCE(:app, application_id), closed_at = :closed
                WHERE lead_id = :id
                """).param("attempts", attempts).param("reached", reached).param("interested", interested)
                .param("next", nextFollowUp == null ? null : Date.valueOf(nextFollowUp), Types.DATE).param("status", status)
                .param("app", applicationId, Types.VARCHAR).param("closed", closing ? now() : null, Types.TIMESTAMP)
                .param("id", leadId).update();
    }

    /** The application the lead led to ended. */
    public void recordApplicationOutcome(long leadId, String status, boolean approved, BigDecimal disbursedAmount) {
        jdbc.sql("""
                UPDATE campaign_lead SET status = :status, outcome = :status, approved = :approved,
                    disbursed_amount = :amount, closed_at = :now WHERE lead_id = :id
                """).param("status", status).param("approved", approved).param("amount", disbursedAmount, Types.DECIMAL)
                .param("now", now()).param("id", leadId).update();
    }

    /** At the campaign's end every lead still being worked closes as not reached; answers how many. */
    public int closeWorkingLeads(String campaignId) {
        return jdbc.sql("""
                UPDATE campaign_lead SET status = 'CLOSED_AT_END', closed_at = :now
                WHERE campaign_id = :id AND status IN ('NEW', 'OPEN', 'FOLLOW_UP')
                """).param("now", now()).param("id", campaignId).update();
    }

    // ---- contacts and points -----------------------------------------------------------------

    public record Contact(java.time.LocalDateTime contactedAt, String accountManager, String channel, boolean reached,
                          String interest, String objection, String handling, LocalDate nextFollowUp) {
    }

    /** @return false when this task's contact was recorded before (a retried completion) */
    public boolean recordContact(long leadId, String taskId, String accountManager, Contact c) {
        if (jdbc.sql("SELECT COUNT(*) FROM lead_contact WHERE task_id = :task").param("task", taskId)
                .query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO lead_contact (lead_id, contacted_at, account_manager, channel, reached, interest, objection,
                    handling, next_follow_up, task_id)
                VALUES (:lead, :at, :am, :channel, :reached, :interest, :objection, :handling, :next, :task)
                """).param("lead", leadId).param("at", Timestamp.valueOf(c.contactedAt())).param("am", accountManager)
                .param("channel", c.channel()).param("reached", c.reached()).param("interest", c.interest(), Types.VARCHAR)
                .param("objection", c.objection(), Types.VARCHAR).param("handling", c.handling(), Types.VARCHAR)
                .param("next", c.nextFollowUp() == null ? null : Date.valueOf(c.nextFollowUp()), Types.DATE)
                .param("task", taskId)
                .update();
        return true;
    }

    public List<Contact> contacts(long leadId) {
        return jdbc.sql("SELECT * FROM lead_contact WHERE lead_id = :id ORDER BY contacted_at, contact_id").param("id", leadId)
                .query((rs, i) -> new Contact(rs.getTimestamp("contacted_at").toLocalDateTime(), rs.getString("account_manager"),
                        rs.getString("channel"), rs.getBoolean("reached"), rs.getString("interest"), rs.getString("objection"),
                        rs.getString("handling"), rs.getDate("next_follow_up") == null ? null
                                : rs.getDate("next_follow_up").toLocalDate()))
                .list();
    }

    /** Awards points for an action on a lead once; a repeated action earns nothing more. */
    public void award(Lead lead, String action, String accountManager, int points) {
        if (points <= 0 || jdbc.sql("SELECT COUNT(*) FROM marketing_points WHERE lead_id = :id AND action = :action")
                .param("id", lead.leadId()).param("action", action).query(Integer.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO marketing_points (lead_id, action, account_manager, campaign_id, points, awarded_at)
                VALUES (:id, :action, :am, :campaign, :points, :now)
                """).param("id", lead.leadId()).param("action", action).param("am", accountManager)
                .param("campaign", lead.campaignId()).param("points", points).param("now", now()).update();
    }

    private Lead mapLead(ResultSet rs, int row) throws SQLException {
        int listRow = rs.getInt("list_row");
        Integer listRowOrNull = rs.wasNull() ? null : listRow;
        Date next = rs.getDate("next_follow_up");
        return new Lead(rs.getLong("lead_id"), rs.getString("campaign_id"), rs.getString("customer_key"), listRowOrNull,
                rs.getString("name"), rs.getString("phone"), rs.getString("industry"), rs.getString("region"),
                rs.getString("business_type"), rs.getString("address"), rs.getString("note"), rs.getString("relation_note"),
                rs.getString("flags"), rs.getString("account_manager"), rs.getString("assignment_reason"),
                rs.getString("status"), rs.getInt("attempts"), rs.getBoolean("reached"), rs.getBoolean("interested"),
                next == null ? null : next.toLocalDate(), rs.getString("application_id"), rs.getString("outcome"),
                rs.getBoolean("approved"), rs.getBigDecimal("disbursed_amount"), rs.getString("process_instance_id"));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
