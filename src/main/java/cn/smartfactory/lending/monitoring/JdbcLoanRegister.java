package cn.smartfactory.lending.monitoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The loan register in the platform's own {@code loan} table (Flyway migration V1). */
@Repository
public class JdbcLoanRegister implements LoanRegister {

    private final JdbcClient jdbc;

    public JdbcLoanRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public boolean register(LoanRecord l) {
        if (find(l.loanNumber()).isPresent()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO loan (loan_number, application_id, process_instance_id, customer_name, industry, product,
                    guarantee_type, grade, score, approved_amount, disbursed_amount, term_months, disbursed_on,
                    maturity_date, outstanding_balance, days_overdue, classification, tier, account_manager,
                    investigators, approvers, status, created_at)
                VALUES (:loanNumber, :applicationId, :processInstanceId, :customerName, :industry, :product,
                    :guaranteeType, :grade, :score, :approvedAmount, :disbursedAmount, :termMonths, :disbursedOn,
                    :maturityDate, :outstandingBalance, :daysOverdue, :classification, :tier, :accountManager,
                    :investigators, :approvers, :status, :createdAt)
                """)
                .param("loanNumber", l.loanNumber()).param("applicationId", l.applicationId())
                .param("processInstanceId", l.processInstanceId()).param("customerName", l.customerName())
                .param("industry", l.industry()).param("product", l.product()).param("guaranteeType", l.guaranteeType())
                .param("grade", l.grade()).param("score", l.score()).param("approvedAmount", l.approvedAmount())
                .param("disbursedAmount", l.disbursedAmount()).param("termMonths", l.termMonths())
                .param("disbursedOn", Date.valueOf(l.disbursedOn())).param("maturityDate", Date.valueOf(l.maturityDate()))
                .param("outstandingBalance", l.outstandingBalance()).param("daysOverdue", l.daysOverdue())
                .param("classification", l.classification()).param("tier", l.tier())
                .param("accountManager", l.accountManager()).param("investigators", l.investigators())
                .param("approvers", l.approvers()).param("status", l.status())
                .param("createdAt", Timestamp.from(Instant.now()))
                .update();
        return true;
    }

    @Override
    public boolean updateStatus(String loanNumber, int daysOverdue, java.math.BigDecimal outstandingBalance,
                                String classification, String tier) {
        return jdbc.sql("""
                UPDATE loan SET days_overdue = :days, outstanding_balance = :outstanding, classification = :classification,
                    tier = :tier, last_overdue_on = CASE WHEN :days > 0 THEN :today ELSE last_overdue_on END
                WHERE loan_number = :loanNumber
                """).param("days", daysOverdue).param("outstanding", outstandingBalance)
                .param("today", java.sql.Date.valueOf(cn.smartfactory.lending.platform.BankClock.today()))
                .param("classification", classification).param("tier", tier).param("loanNumber", loanNumber)
                .update() == 1;
    }

    @Override
    public boolean updateTier(String loanNumber, String tier) {
        return jdbc.sql("UPDATE loan SET tier = :tier WHERE loan_number = :loanNumber").param("tier", tier)
                .param("loanNumber", loanNumber).update() == 1;
    }

    @Override
    public boolean markStatus(String loanNumber, String status) {
        return jdbc.sql("UPDATE loan SET status = :status WHERE loan_number = :loanNumber AND status IN ('ACTIVE', 'CLOSING')")
                .param("status", status).param("loanNumber", loanNumber).update() == 1;
    }

    @Override
    public boolean close(String loanNumber, String status, java.time.LocalDate closedOn) {
        return jdbc.sql("""
                UPDATE loan SET status = :status, closed_on = :closedOn,
                    outstanding_balance = CASE WHEN :status = 'REPAID' THEN 0 ELSE outstanding_balance END
                WHERE loan_number = :loanNumber
                """).param("status", status).param("closedOn", Date.valueOf(closedOn)).param("loanNumber", loanNumber)
                .update() == 1;
    }

    @Override
    public void recordEvent(RecordedEvent r) {
        LoanEvent e = r.event();
        jdbc.sql("""
                INSERT INTO loan_event (event_id, loan_number, event_type, occurred_on, days_overdue, outstanding_balance,
                    sales_change_percent, description, source, tier_before, tier_after, received_at)
                VALUES (:eventId, :loanNumber, :type, :occurredOn, :days, :outstanding, :sales, :description, :source,
                    :tierBefore, :tierAfter, :receivedAt)
                """).param("eventId", e.eventId()).param("loanNumber", e.loanNumber()).param("type", e.type())
                .param("occurredOn", Date.valueOf(e.occurredOn())).param("days", e.daysOverdue())
                .param("outstanding", e.outstandingBalance()).param("sales", e.salesChangePercent())
                .param("description", e.description()).param("source", e.source())
                .param("tierBefore", r.tierBefore()).param("tierAfter", r.tierAfter())
                .param("receivedAt", Timestamp.from(Instant.now())).update();
    }

    @Override
    public Optional<RecordedEvent> findEvent(String eventId) {
        return jdbc.sql("SELECT * FROM loan_event WHERE event_id = :id").param("id", eventId)
                .query(JdbcLoanRegister::event).optional();
    }

    @Override
    public java.util.List<RecordedEvent> events(String loanNumber) {
        return jdbc.sql("SELECT * FROM loan_event WHERE loan_number = :n ORDER BY occurred_on, received_at").param("n", loanNumber)
                .query(JdbcLoanRegister::event).list();
    }

    @Override
    public Optional<java.time.LocalDate> lastOverdueOn(String loanNumber) {
        return jdbc.sql("SELECT last_overdue_on FROM loan WHERE loan_number = :n").param("n", loanNumber)
                .query((rs, i) -> Optional.ofNullable(rs.getDate(1)).map(java.sql.Date::toLocalDate)).optional()
                .flatMap(d -> d);
    }

    private static RecordedEvent event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RecordedEvent(new LoanEvent(rs.getString("event_id"), rs.getString("loan_number"),
                rs.getString("event_type"), rs.getDate("occurred_on").toLocalDate(),
                (Integer) rs.getObject("days_overdue", Integer.class), rs.getBigDecimal("outstanding_balance"),
                rs.getBigDecimal("sales_change_percent"), rs.getString("description"), rs.getString("source")),
                rs.getString("tier_before"), rs.getString("tier_after"));
    }

    @Override
    @Transactional
    public void saveSchedule(java.util.List<ScheduledRepayment> schedule) {
        if (schedule.isEmpty() || !schedule(schedule.get(0).loanNumber()).isEmpty()) {
            return;
        }
        for (ScheduledRepayment r : schedule) {
            jdbc.sql("""
                    INSERT INTO loan_repayment_schedule (loan_number, instalment_number, due_on, payment, interest, principal,
                        balance, repayment_structure)
                    VALUES (:loanNumber, :number, :dueOn, :payment, :interest, :principal, :balance, :structure)
                    """).param("loanNumber", r.loanNumber()).param("number", r.number())
                    .param("dueOn", Date.valueOf(r.dueOn())).param("payment", r.payment()).param("interest", r.interest())
                    .param("principal", r.principal()).param("balance", r.balance()).param("structure", r.structure())
                    .update();
        }
    }

    @Override
    public java.util.List<ScheduledRepayment> schedule(String loanNumber) {
        return jdbc.sql("SELECT * FROM loan_repayment_schedule WHERE loan_number = :n ORDER BY instalment_number")
                .param("n", loanNumber)
                .query((rs, i) -> new ScheduledRepayment(rs.getString("loan_number"), rs.getInt("instalment_number"),
                        rs.getDate("due_on").toLocalDate(), rs.getBigDecimal("payment"), rs.getBigDecimal("interest"),
                        rs.getBigDecimal("principal"), rs.getBigDecimal("balance"), rs.getString("repayment_structure")))
                .list();
    }

    @Override
    @Transactional
    public void saveCollateral(LoanCollateral c) {
        if (collateral(c.loanNumber()).isPresent()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO loan_collateral (loan_number, product, property_type, sole_residence, appraised_value,
                    existing_liens, appraisal_source)
                VALUES (:loanNumber, :product, :propertyType, :soleResidence, :appraisedValue, :existingLiens, :appraisalSource)
                """).param("loanNumber", c.loanNumber()).param("product", c.product())
                .param("propertyType", c.propertyType()).param("soleResidence", c.soleResidence())
                .param("appraisedValue", c.appraisedValue()).param("existingLiens", c.existingLiens())
                .param("appraisalSource", c.appraisalSource()).update();
    }

    @Override
    public Optional<LoanCollateral> collateral(String loanNumber) {
        return jdbc.sql("SELECT * FROM loan_collateral WHERE loan_number = :n").param("n", loanNumber)
                .query((rs, i) -> new LoanCollateral(rs.getString("loan_number"), rs.getString("product"),
                        rs.getString("property_type"), rs.getBoolean("sole_residence"), rs.getBigDecimal("appraised_value"),
                        rs.getBigDecimal("existing_liens"), rs.getString("appraisal_source"),
                        rs.getBigDecimal("revalued_value"),
                        rs.getDate("revalued_on") == null ? null : rs.getDate("revalued_on").toLocalDate()))
                .optional();
    }

    @Override
    public boolean revalueCollateral(String loanNumber, java.math.BigDecimal value, java.time.LocalDate on) {
        return jdbc.sql("UPDATE loan_collateral SET revalued_value = :value, revalued_on = :on WHERE loan_number = :n")
                .param("value", value).param("on", Date.valueOf(on)).param("n", loanNumber).update() == 1;
    }

    @Override
    public Optional<LoanRecord> find(String loanNumber) {
        return jdbc.sql("SELECT * FROM loan WHERE loan_number = :n").param("n", loanNumber)
                .query(JdbcLoanRegister::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(java.util.function.Consumer<LoanRecord> action) {
        try (var rows = jdbc.sql("SELECT * FROM loan ORDER BY loan_number").query(JdbcLoanRegister::map).stream()) {
            rows.forEach(action);
        }
    }

    private static LoanRecord map(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new LoanRecord(rs.getString("loan_number"), rs.getString("application_id"),
                rs.getString("process_instance_id"), rs.getString("customer_name"), rs.getString("industry"),
                rs.getString("product"), rs.getString("guarantee_type"), rs.getString("grade"), rs.getInt("score"),
                rs.getBigDecimal("approved_amount"), rs.getBigDecimal("disbursed_amount"), rs.getInt("term_months"),
                rs.getDate("disbursed_on").toLocalDate(), rs.getDate("maturity_date").toLocalDate(),
                rs.getBigDecimal("outstanding_balance"), rs.getInt("days_overdue"), rs.getString("classification"),
                rs.getString("tier"), rs.getString("account_manager"), rs.getString("investigators"),
                rs.getString("approvers"), rs.getString("status"));
    }
}
