package cn.smartfactory.lending.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A generated portfolio of 100 loans disbursed in 2026 whose defaults have known causes: the first 20 carried
 * the hard flag DSR_ABOVE_CAP and half of them went bad (loans 0-8 substandard, loan 9 written off), five of
 * those were approved against the model's decline; four more (60-63) went doubtful. am1 served 0-49, am2 50-99;
 * inv1 investigated 0-29; apr1 approved 0-19 (with apr2 on 0-9), apr3 the rest; even loans came from campaign
 * C-1's list, odd ones walked in. Every outstanding balance is 50,000. One loan of 2025 lies outside the period.
 */
class AttributionTest {

    private JdbcClient jdbc;
    private Attribution attribution;

    @BeforeEach
    void portfolio() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:attr" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__loan_register.sql"),
                new ClassPathResource("db/migration/V2__loan_events.sql"), new ClassPathResource("db/migration/V4__decision_record.sql"),
                new ClassPathResource("db/migration/V9__marketing.sql"), new ClassPathResource("db/migration/V10__factory_facts.sql"),
                new ClassPathResource("db/migration/V15__accountability.sql")).execute(db);
        jdbc = JdbcClient.create(db);
        attribution = new Attribution(jdbc, new AccountabilityStore(jdbc));
        for (int i = 0; i < 100; i++) {
            String classification = i < 9 ? "SUBSTANDARD" : i == 9 ? "LOSS" : i >= 60 && i <= 63 ? "DOUBTFUL" : "NORMAL";
            loan(i, "2026-03-01", classification, i == 9 ? "WRITTEN_OFF" : "ACTIVE", i < 50 ? "am1" : "am2", i < 30 ? "inv1" : "inv2",
                    i < 10 ? "apr1,apr2" : i < 20 ? "apr1" : "apr3");
            fact(i, i % 2 == 0 ? "CAMPAIGN_LIST" : "WALK_IN", i % 2 == 0 ? "C-1" : null);
            scoring(i, i < 5 ? "DECLINE" : "APPROVE", i < 20 ? "DSR_ABOVE_CAP:HARD" : "");
        }
        loan(100, "2025-06-01", "SUBSTANDARD", "ACTIVE", "am1", "inv1", "apr1");
    }

    @Test
    void defaultsAttributedToTheirCauses() {
        Attribution.Report r = attribution.report(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
        assertThat(r.portfolio()).isEqualTo(line("ALL", 100, 14, "0.1400", "700000.00", null));
        assertThat(r.byAccountManager()).containsExactly(line("am1", 50, 10, "0.2000", "500000.00", "1.43"),
                line("am2", 50, 4, "0.0800", "200000.00", "0.57"));
        assertThat(r.byLeadSource()).containsExactly(line("CAMPAIGN_LIST", 50, 7, "0.1400", "350000.00", "1.00"),
                line("WALK_IN", 50, 7, "0.1400", "350000.00", "1.00"));
        assertThat(r.byCampaign()).containsExactly(line("C-1", 50, 7, "0.1400", "350000.00", "1.00"));
        assertThat(r.byInvestigator()).containsExactly(line("inv1", 30, 10, "0.3333", "500000.00", "2.38"),
                line("inv2", 70, 4, "0.0571", "200000.00", "0.41"));
        assertThat(r.byApprover()).containsExactly(line("apr1", 20, 10, "0.5000", "500000.00", "3.57"),
                line("apr2", 10, 10, "1.0000", "500000.00", "7.14"), line("apr3", 80, 4, "0.0500", "200000.00", "0.36"));
        assertThat(r.flags()).containsExactly(line("DSR_ABOVE_CAP:HARD", 20, 10, "0.5000", "500000.00", "3.57"));
        assertThat(r.overrides()).containsExactly(line("AGAINST_DECLINE " + Attribution.OVERRIDES.get("AGAINST_DECLINE"), 5, 5, "1.0000",
                "250000.00", "7.14"));
    }

    @Test
    void eachOfficersFinalDeterminationCountsOnce() {
        AccountabilityStore store = new AccountabilityStore(jdbc);
        store.insert(new AccountabilityStore.Review("LN-0-R1", "LN-0", 1, "SUBSTANDARD", null, Instant.now(), "platform"));
        store.insert(new AccountabilityStore.Review("LN-0-R2", "LN-0", 2, "NEW_ROUND", "新证据", Instant.now(), "risk1"));
        store.insert(new AccountabilityStore.Review("LN-1-R1", "LN-1", 1, "SUBSTANDARD", null, Instant.now(), "platform"));
        store.append("LN-0-R1", "apr1", "PROPOSED", "RESPONSIBLE", "APPROVAL", "超权限", "risk1", Instant.now());
        store.append("LN-0-R1", "apr1", "CONFIRMED", "RESPONSIBLE", "APPROVAL", "超权限", "risk2", Instant.now());
        store.append("LN-0-R1", "inv1", "CONFIRMED", "EXEMPT", null, "按标准", "risk2", Instant.now());
        store.append("LN-0-R2", "apr1", "CONFIRMED", "EXEMPT", null, "电话请示有录音", "risk2", Instant.now());
        store.append("LN-1-R1", "apr1", "CONFIRMED", "RESPONSIBLE", "APPROVAL", "意见未回应硬性预警", "risk2", Instant.now());
        assertThat(attribution.report(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")).determinations())
                .containsExactly(new Attribution.Determinations("apr1", 1, 1), new Attribution.Determinations("inv1", 1, 0));
    }

    private static Attribution.Line line(String key, long loans, long defaults, String rate, String npl, String lift) {
        return new Attribution.Line(key, loans, defaults, new BigDecimal(rate), new BigDecimal(npl), lift == null ? null : new BigDecimal(lift));
    }

    private void loan(int i, String disbursedOn, String classification, String status, String am, String investigator, String approvers) {
        jdbc.sql("""
                INSERT INTO loan (loan_number, application_id, process_instance_id, customer_name, industry, product, guarantee_type,
                    grade, score, approved_amount, disbursed_amount, term_months, disbursed_on, maturity_date, outstanding_balance,
                    days_overdue, classification, tier, account_manager, investigators, approvers, status, created_at)
                VALUES (:n, :a, :p, '客户', 'RETAIL_STORE', 'CREDIT', 'CREDIT', 'B', 70, 100000, 100000, 24, :on, :maturity,
                    50000, 0, :c, 'T1', :am, :inv, :apr, :status, :at)""")
                .param("n", "LN-" + i).param("a", "APP-" + i).param("p", "pi-" + i).param("on", Date.valueOf(disbursedOn))
                .param("maturity", Date.valueOf("2028-03-01")).param("c", classification).param("am", am).param("inv", investigator)
                .param("apr", approvers).param("status", status).param("at", Timestamp.from(Instant.parse("2026-03-01T02:00:00Z"))).update();
    }

    private void fact(int i, String leadSource, String campaign) {
        jdbc.sql("""
                INSERT INTO application_fact (process_instance_id, application_id, product, account_manager, lead_source, campaign_id,
                    applied_at) VALUES (:p, :a, 'CREDIT', 'am1', :source, :campaign, :at)""")
                .param("p", "pi-" + i).param("a", "APP-" + i).param("source", leadSource).param("campaign", campaign)
                .param("at", Timestamp.from(Instant.parse("2026-02-20T02:00:00Z"))).update();
    }

    private void scoring(int i, String suggestion, String flags) {
        jdbc.sql("""
                INSERT INTO decision_record (recorded_at, application_id, step, duty, actor, decision, amount, details)
                VALUES (:at, :a, 'Task_ScoreApplication', 'SCORING', 'platform', :s, 100000, :d)""")
                .param("at", Timestamp.from(Instant.parse("2026-02-21T02:00:00Z"))).param("a", "APP-" + i).param("s", suggestion)
                .param("d", "binding=REQUESTED; flags=" + flags + "; knockouts=; salesEstimates=3").update();
    }
}
