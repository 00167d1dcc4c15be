package cn.smartfactory.lending.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.kpi.FactoryFacts;
import cn.smartfactory.lending.kpi.KpiService;
import cn.smartfactory.lending.marketing.CampaignFigures;
import cn.smartfactory.lending.platform.BankClock;

/**
 * One account manager's November 2026 worked out by hand: 150,000 disbursed against a 100,000 target
 * (attainment 1.5), a new customer against a target of 2, three live loans of which one fell overdue in
 * the year (a third), 300,000 outstanding with nothing non-performing, one committee case, no marketing points.
 */
class OfficerEvaluationsTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private JdbcClient jdbc;
    private OfficerEvaluations evaluations;
    private ApproverEvaluations approvers;

    @BeforeEach
    void november() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:eval" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__loan_register.sql"),
                new ClassPathResource("db/migration/V2__loan_events.sql"), new ClassPathResource("db/migration/V9__marketing.sql"),
                new ClassPathResource("db/migration/V10__factory_facts.sql"),
                new ClassPathResource("db/migration/V12__officer_evaluation.sql"),
                new ClassPathResource("db/migration/V14__approver_evaluation.sql"),
                new ClassPathResource("db/migration/V15__accountability.sql"),
                new ClassPathResource("db/migration/V17__evaluation_determinations.sql")).execute(db);
        jdbc = JdbcClient.create(db);
        var kpis = new KpiService(jdbc, new CampaignFigures(jdbc));
        var rules = StandaloneDecisionRules.fromClasspath(List.of("processes/officer-level.dmn", "processes/approver-level.dmn"));
        var accountability = new cn.smartfactory.lending.accountability.AccountabilityStore(jdbc);
        approvers = new ApproverEvaluations(jdbc, kpis, rules, null, accountability);
        evaluations = new OfficerEvaluations(jdbc, kpis, rules, null, approvers, accountability);
        ClockUtil.setCurrentTime(java.util.Date.from(at("2026-12-01T10:00")));

        FactoryFacts facts = new FactoryFacts(jdbc);
        facts.applicationTaken(new FactoryFacts.NewApplication("A1", "pi1", "CREDIT", "RETAIL_STORE", "am1", "C-1", "WALK_IN", null,
                new BigDecimal("150000"), at("2026-11-02T09:00")));
        facts.applicationEnded(new FactoryFacts.EndedApplication("pi1", at("2026-11-06T09:00"), "DISBURSED", null, null,
                "CREDIT_COMMITTEE", true, true, 0, true, new BigDecimal("150000"), new BigDecimal("150000")));
        loan("L1", "100000", "2025-06-01", null);
        loan("L2", "100000", "2026-03-01", null);
        loan("L3", "100000", "2026-11-06", null);
        loan("L0", "0", "2024-01-01", "2025-05-01"); // closed before the year: not counted
        jdbc.sql("INSERT INTO loan_event (event_id, loan_number, event_type, occurred_on, days_overdue, source, tier_before,"
                        + " tier_after, received_at) VALUES ('e1', 'L2', 'OVERDUE_PAYMENT', :on, 12, 'core', 'T1', 'T2', :at)")
                .param("on", Date.valueOf("2026-07-10")).param("at", Timestamp.from(at("2026-07-10T10:00"))).update();
        jdbc.sql("INSERT INTO officer_target VALUES (:m, 'am1', 2, 100000, 'mgr1', :at)").param("m", Date.valueOf("2026-11-01"))
                .param("at", Timestamp.from(at("2026-10-20T10:00"))).update();
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void theMonthsIndicatorsAndLevel() {
        // Accountability: L1's first round found am1 responsible in November, its second round (new evidence)
        // exempt, also in November — the final determination counts once; L2's exemption was confirmed in October.
        var store = new cn.smartfactory.lending.accountability.AccountabilityStore(jdbc);
        store.insert(new cn.smartfactory.lending.accountability.AccountabilityStore.Review("L1-R1", "L1", 1, "SUBSTANDARD", null,
                at("2026-11-02T09:00"), "platform"));
        store.insert(new cn.smartfactory.lending.accountability.AccountabilityStore.Review("L1-R2", "L1", 2, "NEW_ROUND", "新证据",
                at("2026-11-10T09:00"), "risk1"));
        store.insert(new cn.smartfactory.lending.accountability.AccountabilityStore.Review("L2-R1", "L2", 1, "SUBSTANDARD", null,
                at("2026-10-02T09:00"), "platform"));
        store.append("L1-R1", "am1", "CONFIRMED", "RESPONSIBLE", "MONITORING", "检查逾时", "risk2", at("2026-11-05T09:00"));
        store.append("L1-R2", "am1", "CONFIRMED", "EXEMPT", null, "新证据表明按时", "risk2", at("2026-11-20T09:00"));
        store.append("L2-R1", "am1", "CONFIRMED", "EXEMPT", null, "按标准", "risk2", at("2026-10-20T09:00"));
        Evaluation e = evaluations.compute(NOVEMBER, "am1", "mgr1", Instant.now());
        assertThat(e.exemptDeterminations()).isEqualTo(1);
        assertThat(e.responsibleDeterminations()).isZero();
        assertThat(e.newCustomers()).isEqualTo(1);
        assertThat(e.newCustomersTarget()).isEqualTo(2);
        assertThat(e.newBalance()).isEqualByComparingTo("150000");
        assertThat(e.newBalanceAttainment()).isEqualByComparingTo("1.5000");
        assertThat(e.outstanding()).isEqualByComparingTo("300000");
        assertThat(e.nplRate()).isEqualByComparingTo("0");
        assertThat(e.overdueRate()).isEqualByComparingTo("0");
        assertThat(e.overdueCustomerShare()).as("L2 of L1, L2, L3").isEqualByComparingTo("0.3333");
        assertThat(e.meanDaysToDisbursement()).isEqualByComparingTo("4.00");
        assertThat(e.committeeCases()).isEqualTo(1);
        assertThat(e.reworkRate()).isEqualByComparingTo("0");
        assertThat(e.marketingPoints()).isZero();
        // Overdue share above a fifth: the table says watch, whatever the balance.
        assertThat(e.level()).isEqualTo("WATCH");
        assertThat(e.levelName()).isEqualTo("观察 Watch");
        assertThat(e.version()).isEqualTo(1);
    }

    @Test
    void withoutATargetTheLevelIsNotJudged() {
        Evaluation e = evaluations.compute(NOVEMBER, "am2", "mgr1", Instant.now());
        assertThat(e.newBalanceTarget()).isNull();
        assertThat(e.overdueCustomerShare()).as("no loans, no share").isNull();
        assertThat(e.level()).isEqualTo("UNRATED");
    }

    /**
     * The approvers' month: apr1 signed L1 to L3 (one overdue in the year) — three loans, too few to judge;
     * apr2 signed fifty loans with apr20 and none fell overdue — senior, which is what apr2's authority
     * reads from then on (the latest month evaluated, its latest version), while apr20's "apr2" prefix
     * does not count apr2's loans twice.
     */
    @Test
    void anApproversMonthAndTheLevelTheirAuthorityReads() {
        for (int i = 0; i < 50; i++) {
            loan("S" + i, "10000", "2026-06-01", null, "apr2,apr20");
        }
        loan("T1", "10000", "2026-06-01", null, "apr20");
        assertThat(approvers.currentLevel("apr2")).as("never evaluated: no level, the route's authority alone").isEmpty();

        List<ApproverEvaluation> november = approvers.evaluate(NOVEMBER, "mgr1", Instant.now());
        assertThat(november).extracting(ApproverEvaluation::approver).containsExactly("apr1", "apr2", "apr20");
        ApproverEvaluation apr1 = november.get(0);
        assertThat(apr1.loans()).isEqualTo(3);
        assertThat(apr1.outstanding()).isEqualByComparingTo("300000");
        assertThat(apr1.overdueLoanShare()).as("L2 of L1, L2, L3").isEqualByComparingTo("0.3333");
        assertThat(apr1.level()).as("three loans: too few to judge").isEqualTo("UNRATED");
        ApproverEvaluation apr2 = november.get(1);
        assertThat(apr2.loans()).isEqualTo(50);
        assertThat(apr2.outstanding()).isEqualByComparingTo("500000");
        assertThat(apr2.nplRate()).isEqualByComparingTo("0");
        assertThat(apr2.overdueLoanShare()).isEqualByComparingTo("0");
        assertThat(apr2.level()).isEqualTo("SENIOR");
        assertThat(apr2.levelName()).isEqualTo("资深 Senior");
        assertThat(november.get(2).loans()).isEqualTo(51);
        assertThat(approvers.currentLevel("apr2")).contains("SENIOR");

        // A default on apr2's loans, then October evaluated late and November again: November's newest version counts.
        jdbc.sql("UPDATE loan SET classification = 'SUBSTANDARD', days_overdue = 95 WHERE loan_number IN ('S1', 'S2')").update();
        assertThat(approvers.evaluate(YearMonth.of(2026, 10), "mgr1", Instant.now())).extracting(ApproverEvaluation::level)
                .containsExactly("UNRATED", "WATCH", "WATCH");
        assertThat(approvers.currentLevel("apr2")).as("October is older than November").contains("SENIOR");
        ApproverEvaluation again = approvers.evaluate(NOVEMBER, "mgr1", Instant.now()).get(1);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.nplRate()).as("20,000 of 500,000").isEqualByComparingTo("0.04");
        assertThat(approvers.currentLevel("apr2")).contains("WATCH");
        assertThat(approvers.month(NOVEMBER, 1).get(1).level()).as("version 1 read as it was").isEqualTo("SENIOR");
    }

    private void loan(String number, String outstanding, String disbursedOn, String closedOn) {
        loan(number, outstanding, disbursedOn, closedOn, "apr1");
    }

    private void loan(String number, String outstanding, String disbursedOn, String closedOn, String approvers) {
        jdbc.sql("""
                INSERT INTO loan (loan_number, application_id, process_instance_id, customer_name, industry, product,
                    guarantee_type, grade, score, approved_amount, disbursed_amount, term_months, disbursed_on, maturity_date,
                    outstanding_balance, days_overdue, classification, tier, account_manager, investigators, approvers,
                    status, created_at, closed_on)
                VALUES (:n, :n, :n, '客户', 'RETAIL_STORE', 'CREDIT', 'CREDIT', 'B', 70, 150000, 150000, 12, :on, :maturity,
                    :outstanding, 0, 'NORMAL', 'T1', 'am1', 'inv1', :approvers, :status, :created, :closed)
                """).param("n", number).param("approvers", approvers).param("on", Date.valueOf(disbursedOn)).param("maturity", Date.valueOf("2027-12-01"))
                .param("outstanding", new BigDecimal(outstanding)).param("status", closedOn == null ? "ACTIVE" : "REPAID")
                .param("created", Timestamp.from(at("2024-01-01T09:00")))
                .param("closed", closedOn == null ? null : Date.valueOf(closedOn)).update();
    }

    private static Instant at(String bankTime) {
        return LocalDateTime.parse(bankTime).atZone(BankClock.ZONE).toInstant();
    }
}
