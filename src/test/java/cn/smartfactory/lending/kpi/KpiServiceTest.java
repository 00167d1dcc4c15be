package cn.smartfactory.lending.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import cn.smartfactory.lending.marketing.CampaignFigures;
import cn.smartfactory.lending.platform.BankClock;

/**
 * Each KPI on a hand-built first quarter of 2026, written through the same fact writer the listeners
 * use, with the expected figure worked out by hand in the comments: a loan disbursed in 10 days, one
 * sent back once and taken to committee (21 days), a decline in approval and one at pre-screen, a
 * withdrawal, a cancellation; an investigation on time and one late; periodic checks on time, late
 * and missed; a portfolio with an overdue and a non-performing loan.
 */
class KpiServiceTest {

    private static final KpiQuery Q1 = new KpiQuery(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), null, null, null);

    private JdbcClient jdbc;
    private FactoryFacts facts;
    private KpiService kpis;

    @BeforeEach
    void quarter() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:kpi" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__loan_register.sql"),
                new ClassPathResource("db/migration/V2__loan_events.sql"), new ClassPathResource("db/migration/V9__marketing.sql"),
                new ClassPathResource("db/migration/V10__factory_facts.sql")).execute(db);
        jdbc = JdbcClient.create(db);
        facts = new FactoryFacts(jdbc);
        kpis = new KpiService(jdbc, new CampaignFigures(jdbc));
        ClockUtil.setCurrentTime(java.util.Date.from(at("2026-04-02T10:00")));

        // A (am1, CREDIT): taken 5 Jan 09:00, disbursed 15 Jan 09:00 = 10.00 days; a new customer.
        application("A", "CREDIT", "am1", "C-A", "2026-01-05T09:00");
        ended("A", "2026-01-15T09:00", "DISBURSED", null, null, true, true, 0, false, "100000");
        // B (am2, CREDIT): taken 20 Jan, sent back once, committee, disbursed 10 Feb 09:00 = 21.00 days;
        // its customer borrowed in November 2025 (Z), so B is not a new customer.
        application("Z", "CREDIT", "am2", "C-B", "2025-10-20T09:00");
        ended("Z", "2025-11-01T09:00", "DISBURSED", null, null, true, true, 0, false, "80000");
        application("B", "CREDIT", "am2", "C-B", "2026-01-20T09:00");
        ended("B", "2026-02-10T09:00", "DISBURSED", null, null, true, true, 1, true, "150000");
        // C: declined by the approver (R03); D: declined at pre-screen (AGE), another product; F: withdrawn
        // after approval; E: cancelled by an administrator (not a decision).
        application("C", "CREDIT", "am1", "C-C", "2026-02-01T09:00");
        ended("C", "2026-03-01T09:00", "DECLINED", "APPROVAL", "R03", true, false, 0, false, null);
        application("D", "GUARANTEED", "am1", "C-D", "2026-01-09T09:00");
        ended("D", "2026-01-10T09:00", "DECLINED", "PRE_SCREEN", "AGE", false, false, 0, false, null);
        application("F", "CREDIT", "am1", "C-F", "2026-02-15T09:00");
        ended("F", "2026-03-05T09:00", "WITHDRAWN", null, null, true, true, 0, false, null);
        application("E", "CREDIT", "am1", "C-E", "2026-03-10T09:00");
        ended("E", "2026-03-12T09:00", "CANCELLED", null, null, false, false, 0, false, null);

        // Investigation of A: waited 2 h, worked 22 h, due 7 Jan 18:00 — on time.
        task("t1", "loan-origination", "piA", "Task_InvestigateOnSite", "CREDIT", "2026-01-06T09:00", "2026-01-07T18:00", null);
        facts.taskAssigned("t1", at("2026-01-06T11:00"));
        facts.taskEnded("t1", at("2026-01-07T09:00"), true, "inv1");
        // Investigation of B: waited 24 h, worked 24 h, due 22 Jan 18:00 — late.
        task("t2", "loan-origination", "piB", "Task_InvestigateOnSite", "CREDIT", "2026-01-21T09:00", "2026-01-22T18:00", null);
        facts.taskAssigned("t2", at("2026-01-22T09:00"));
        facts.taskAssigned("t2", at("2026-01-22T15:00")); // a reassignment does not restart the clock
        facts.taskEnded("t2", at("2026-01-23T09:00"), true, "inv2");
        // Approval of A: assigned on creation, worked 3 h, no due date.
        task("t3", "loan-origination", "piA", "Task_ApproveSingle", "CREDIT", "2026-01-08T09:00", null, "apr1");
        facts.taskEnded("t3", at("2026-01-08T12:00"), true, "apr1");
        // Two committee votes on B in February: one case.
        for (String vote : List.of("t4", "t5")) {
            task(vote, "loan-origination", "piB", "Task_CommitteeVote", "CREDIT", "2026-02-04T09:00", null, null);
            facts.taskAssigned(vote, at("2026-02-05T09:00"));
            facts.taskEnded(vote, at("2026-02-05T10:00"), true, vote.equals("t4") ? "cc1" : "cc2");
        }
        // An open disbursement task, due 31 Mar 18:00: overdue now (2 Apr).
        task("t6", "loan-origination", "piF2", "Task_Disburse", "CREDIT", "2026-03-30T09:00", "2026-03-31T18:00", null);

        // Periodic checks due in the quarter: on time, late, missed (open past due), withdrawn (not counted);
        // one due in April (not in the period).
        check("m1", "2026-02-01T00:00", "2026-01-30T10:00", true);
        check("m2", "2026-02-15T00:00", "2026-02-20T10:00", true);
        check("m3", "2026-03-10T00:00", null, true);
        check("m4", "2026-03-25T00:00", "2026-03-20T10:00", false);
        check("m5", "2026-04-10T00:00", null, true);

        // The live portfolio: 200,000 outstanding, 100,000 overdue (L2, L3), 50,000 non-performing (L2).
        loan("L1", "CREDIT", "am1", "inv1", "apr1", "100000", 0, "NORMAL", "ACTIVE");
        loan("L2", "CREDIT", "am1", "inv2", "apr1,apr2", "50000", 35, "SUBSTANDARD", "ACTIVE");
        loan("L3", "GUARANTEED", "am2", "inv1", "apr2", "50000", 5, "NORMAL", "CLOSING");
        loan("L4", "CREDIT", "am2", "inv1", "apr2", "90000", 0, "NORMAL", "REPAID");

        // Targets: am1 one new customer and 100,000 a month, am2 the same in January only.
        for (int month = 1; month <= 3; month++) {
            target(LocalDate.of(2026, month, 1), "am1", 1, "100000");
        }
        target(LocalDate.of(2026, 1, 1), "am2", 1, "100000");
        target(LocalDate.of(2026, 4, 1), "am1", 9, "900000"); // April: not in the quarter
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void daysToDisbursementOverTheLoansDisbursedInThePeriod() {
        KpiService.Turnaround t = kpis.turnaround(Q1);
        // A 10 days, B 21 days: median 15.5, p90 = 10 + 0.9 × 11 = 19.9, mean 15.5. Z was disbursed in 2025.
        assertThat(t.disbursed()).isEqualTo(2);
        assertThat(t.medianDays()).isEqualByComparingTo("15.50");
        assertThat(t.p90Days()).isEqualByComparingTo("19.90");
        assertThat(t.meanDays()).isEqualByComparingTo("15.50");

        KpiService.Turnaround am1 = kpis.turnaround(new KpiQuery(Q1.from(), Q1.to(), null, null, "am1"));
        assertThat(am1.disbursed()).isEqualTo(1);
        assertThat(am1.medianDays()).isEqualByComparingTo("10.00");

        KpiService.Turnaround none = kpis.turnaround(new KpiQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), null, null, null));
        assertThat(none.disbursed()).isZero();
        assertThat(none.medianDays()).as("no loan, no figure").isNull();
    }

    @Test
    void waitingAndWorkingTimePerStationNameTheBottleneck() {
        List<KpiService.StationTimes> stations = kpis.stations(Q1);
        KpiService.StationTimes investigation = station(stations, "Task_InvestigateOnSite");
        // Waits 2 h and 24 h, works 22 h and 24 h (the reassignment does not restart the clock).
        assertThat(investigation.completed()).isEqualTo(2);
        assertThat(investigation.waitingHoursMean()).isEqualByComparingTo("13.00");
        assertThat(investigation.waitingHoursMedian()).isEqualByComparingTo("13.00");
        assertThat(investigation.workingHoursMean()).isEqualByComparingTo("23.00");
        assertThat(investigation.totalHoursMean()).isEqualByComparingTo("36.00");
        assertThat(investigation.withDueDate()).isEqualTo(2);
        assertThat(investigation.onTime()).isEqualTo(1);
        assertThat(investigation.onTimeRate()).isEqualByComparingTo("0.5000");

        KpiService.StationTimes approval = station(stations, "Task_ApproveSingle");
        assertThat(approval.waitingHoursMean()).as("assigned on creation").isEqualByComparingTo("0.00");
        assertThat(approval.workingHoursMean()).isEqualByComparingTo("3.00");
        assertThat(approval.onTimeRate()).as("no due date, no on-time rate").isNull();

        KpiService.StationTimes disbursement = station(stations, "Task_Disburse");
        assertThat(disbursement.completed()).isZero();
        assertThat(disbursement.openNow()).isEqualTo(1);
        assertThat(disbursement.overdueNow()).isEqualTo(1);

        assertThat(kpis.report(Q1).bottleneck().station()).isEqualTo("Task_InvestigateOnSite");
        assertThat(kpis.stations(new KpiQuery(Q1.from(), Q1.to(), null, "Task_ApproveSingle", null)))
                .extracting(KpiService.StationTimes::station).containsExactly("Task_ApproveSingle");
        assertThat(kpis.stations(new KpiQuery(Q1.from(), Q1.to(), null, null, "inv2")))
                .singleElement().satisfies(s -> assertThat(s.waitingHoursMean()).isEqualByComparingTo("24.00"));
    }

    @Test
    void rejectionApprovalAndReworkRatesOverTheApplicationsThatEnded() {
        KpiService.Decisions d = kpis.decisions(Q1);
        // Ended in the quarter, the cancellation not counted: A, B, C, D, F.
        assertThat(d.ended()).isEqualTo(5);
        assertThat(d.declined()).isEqualTo(2);
        assertThat(d.rejectionRate()).isEqualByComparingTo("0.4000");
        // Reached approval: A, B, C, F; approved A, B, F.
        assertThat(d.reachedApproval()).isEqualTo(4);
        assertThat(d.approved()).isEqualTo(3);
        assertThat(d.approvalRate()).isEqualByComparingTo("0.7500");
        // Sent back: B once.
        assertThat(d.reworked()).isEqualTo(1);
        assertThat(d.sendBacks()).isEqualTo(1);
        assertThat(d.reworkRate()).isEqualByComparingTo("0.2500");
        assertThat(d.withdrawn()).isEqualTo(1);
        assertThat(d.declinesByStage()).containsExactlyInAnyOrder(new KpiService.DeclineLine("APPROVAL", "R03", 1),
                new KpiService.DeclineLine("PRE_SCREEN", "AGE", 1));

        KpiService.Decisions credit = kpis.decisions(new KpiQuery(Q1.from(), Q1.to(), "CREDIT", null, null));
        assertThat(credit.ended()).isEqualTo(4);
        assertThat(credit.rejectionRate()).isEqualByComparingTo("0.2500");
    }

    @Test
    void committeeCasesPerMonthAndTheMonthlyTrend() {
        KpiService.Report r = kpis.report(Q1);
        assertThat(r.months()).extracting(KpiService.Month::month).containsExactly("2026-01", "2026-02", "2026-03");
        // Two votes on one case in February.
        assertThat(r.months()).extracting(KpiService.Month::committeeCases).containsExactly(0L, 1L, 0L);
        assertThat(r.committeeCasesPerMonth()).isEqualByComparingTo("0.33");
        // Taken: January A, B, D; February C, F; March E. Disbursed: A in January, B in February.
        assertThat(r.months()).extracting(KpiService.Month::applications).containsExactly(3L, 2L, 1L);
        assertThat(r.months()).extracting(KpiService.Month::disbursed).containsExactly(1L, 1L, 0L);
        assertThat(r.months().get(1).disbursedAmount()).isEqualByComparingTo("150000.00");
    }

    @Test
    void newCustomersAndDisbursedAmountAgainstTheTargetsOfTheMonthsInThePeriod() {
        KpiService.Growth g = kpis.growth(Q1);
        // A's customer is new; B's borrowed in 2025. Targets: am1 3 × 1 + am2 1 = 4 customers, 400,000.
        assertThat(g.newCustomers()).isEqualTo(1);
        assertThat(g.newCustomersTarget()).isEqualTo(4);
        assertThat(g.newCustomersAttainment()).isEqualByComparingTo("0.2500");
        assertThat(g.disbursed()).isEqualTo(2);
        assertThat(g.disbursedAmount()).isEqualByComparingTo("250000.00");
        assertThat(g.disbursedAmountTarget()).isEqualByComparingTo("400000.00");
        assertThat(g.disbursedAmountAttainment()).isEqualByComparingTo("0.6250");

        KpiService.Growth am1 = kpis.growth(new KpiQuery(Q1.from(), Q1.to(), null, null, "am1"));
        assertThat(am1.newCustomers()).isEqualTo(1);
        assertThat(am1.newCustomersTarget()).isEqualTo(3);
        assertThat(am1.disbursedAmountAttainment()).isEqualByComparingTo("0.3333");

        assertThat(kpis.growth(new KpiQuery(Q1.from(), Q1.to(), "CREDIT", null, null)).newCustomersTarget())
                .as("targets are per officer, not per product").isNull();
    }

    @Test
    void overdueAndNplRatesPerOfficerInEachRole() {
        KpiService.Portfolio p = kpis.portfolio(Q1);
        assertThat(p.loans()).as("the repaid loan is not live").isEqualTo(3);
        assertThat(p.outstanding()).isEqualByComparingTo("200000.00");
        assertThat(p.overdueRate()).isEqualByComparingTo("0.5000");
        assertThat(p.nplRate()).isEqualByComparingTo("0.2500");
        // am1: L1 + L2 = 150,000, 50,000 overdue and non-performing.
        assertThat(line(p, "ACCOUNT_MANAGER", "am1").overdueRate()).isEqualByComparingTo("0.3333");
        assertThat(line(p, "ACCOUNT_MANAGER", "am1").nplRate()).isEqualByComparingTo("0.3333");
        assertThat(line(p, "ACCOUNT_MANAGER", "am2").overdueRate()).isEqualByComparingTo("1.0000");
        // apr2 signed L2 (with apr1) and L3: 100,000, all overdue, half non-performing.
        assertThat(line(p, "APPROVER", "apr2").loans()).isEqualTo(2);
        assertThat(line(p, "APPROVER", "apr2").overdueRate()).isEqualByComparingTo("1.0000");
        assertThat(line(p, "APPROVER", "apr2").nplRate()).isEqualByComparingTo("0.5000");
        assertThat(line(p, "INVESTIGATOR", "inv1").outstanding()).isEqualByComparingTo("150000.00");

        assertThat(kpis.portfolio(new KpiQuery(Q1.from(), Q1.to(), null, null, "apr1")).byOfficer())
                .extracting(KpiService.OfficerPortfolio::officer).containsOnly("apr1");
    }

    @Test
    void periodicChecksOnTimeOverTheChecksFallingDue() {
        KpiService.Monitoring m = kpis.monitoring(Q1);
        // Due in the quarter: m1 on time, m2 late, m3 missed; m4 was withdrawn, m5 is due in April.
        assertThat(m.due()).isEqualTo(3);
        assertThat(m.onTime()).isEqualTo(1);
        assertThat(m.late()).isEqualTo(1);
        assertThat(m.missed()).isEqualTo(1);
        assertThat(m.onTimeRate()).isEqualByComparingTo("0.3333");
    }

    @Test
    void officersLinesJoinTheirTasksAndTheirApplications() {
        List<KpiService.OfficerLine> officers = kpis.officers(Q1);
        KpiService.OfficerLine inv1 = officers.stream().filter(o -> o.officer().equals("inv1")).findFirst().orElseThrow();
        assertThat(inv1.tasksCompleted()).isEqualTo(1);
        assertThat(inv1.onTimeRate()).isEqualByComparingTo("1.0000");
        KpiService.OfficerLine am1 = officers.stream().filter(o -> o.officer().equals("am1")).findFirst().orElseThrow();
        // Taken in the quarter by am1: A, C, D, F, E; disbursed A (100,000).
        assertThat(am1.applications()).isEqualTo(5);
        assertThat(am1.disbursed()).isEqualTo(1);
        assertThat(am1.disbursedAmount()).isEqualByComparingTo("100000.00");
    }

    @Test
    void aPeriodMustBeOrderedAndAtMostThreeYears() {
        assertThatThrownBy(() -> new KpiQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1), null, null, null))
                .hasMessageContaining("结束日期 to").hasMessageContaining("from");
        assertThatThrownBy(() -> new KpiQuery(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1), null, null, null))
                .hasMessageContaining("三年");
        assertThat(KpiQuery.quarterOf(LocalDate.of(2026, 5, 17))).isEqualTo(
                new KpiQuery(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), null, null, null));
    }

    @Test
    void theWorkbookHoldsTheSameTables() throws Exception {
        byte[] xlsx = new KpiWorkbook().write(kpis.report(Q1));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("概览 Overview");
            var overview = wb.getSheetAt(0);
            assertThat(overview.getRow(8).getCell(0).getStringCellValue()).startsWith("申请至放款天数(P90)");
            assertThat(overview.getRow(8).getCell(1).getNumericCellValue()).isEqualTo(19.9);
            var stations = wb.getSheet("岗位时效 Stations");
            assertThat(stations.getRow(0).getCell(4).getStringCellValue()).isEqualTo("平均等待(小时) Waiting mean (h)");
            assertThat(stations.getLastRowNum()).isEqualTo(kpis.stations(Q1).size());
            var portfolio = wb.getSheet("资产质量 Portfolio");
            assertThat(portfolio.getLastRowNum()).isEqualTo(kpis.portfolio(Q1).byOfficer().size());
        }
    }

    private void application(String id, String product, String accountManager, String customer, String appliedAt) {
        facts.applicationTaken(new FactoryFacts.NewApplication(id, "pi" + id, product, "RETAIL_STORE", accountManager, customer,
                "WALK_IN", null, new BigDecimal("100000"), at(appliedAt)));
    }

    private void ended(String id, String endedAt, String outcome, String stage, String reason, boolean reachedApproval,
                       boolean approved, int sendBacks, boolean committee, String disbursed) {
        facts.applicationEnded(new FactoryFacts.EndedApplication("pi" + id, at(endedAt), outcome, stage, reason, "SINGLE",
                reachedApproval, approved, sendBacks, committee, approved ? new BigDecimal("100000") : null,
                disbursed == null ? null : new BigDecimal(disbursed)));
    }

    private void task(String id, String process, String pi, String station, String product, String created, String due,
                      String assignee) {
        facts.taskCreated(new FactoryFacts.NewTask(id, process, pi, null, station, station + " name", product, at(created),
                due == null ? null : at(due), assignee));
    }

    private void check(String id, String due, String completed, boolean completes) {
        task(id, "post-loan-monitoring", "pm" + id, "Task_PeriodicCheck", "CREDIT", "2026-01-02T09:00", due, "am1");
        if (completed != null) {
            facts.taskEnded(id, at(completed), completes, "am1");
        }
    }

    private void loan(String number, String product, String am, String investigators, String approvers, String outstanding,
                      int daysOverdue, String classification, String status) {
        jdbc.sql("""
                INSERT INTO loan (loan_number, application_id, process_instance_id, customer_name, industry, product,
                    guarantee_type, grade, score, approved_amount, disbursed_amount, term_months, disbursed_on, maturity_date,
                    outstanding_balance, days_overdue, classification, tier, account_manager, investigators, approvers,
                    status, created_at)
                VALUES (:n, :n, :n, '客户', 'RETAIL_STORE', :product, 'CREDIT', 'B', 70, 200000, 200000, 12, :on, :maturity,
                    :outstanding, :days, :classification, 'T1', :am, :inv, :apr, :status, :created)
                """).param("n", number).param("product", product).param("on", Date.valueOf("2025-12-01"))
                .param("maturity", Date.valueOf("2026-12-01")).param("outstanding", new BigDecimal(outstanding))
                .param("days", daysOverdue).param("classification", classification).param("am", am).param("inv", investigators)
                .param("apr", approvers).param("status", status).param("created", Timestamp.from(at("2025-12-01T09:00")))
                .update();
    }

    private void target(LocalDate month, String officer, int customers, String balance) {
        jdbc.sql("INSERT INTO officer_target VALUES (:m, :o, :c, :b, 'mgr1', :at)").param("m", Date.valueOf(month))
                .param("o", officer).param("c", customers).param("b", new BigDecimal(balance))
                .param("at", Timestamp.from(at("2025-12-20T09:00"))).update();
    }

    private static KpiService.StationTimes station(List<KpiService.StationTimes> stations, String station) {
        return stations.stream().filter(s -> s.station().equals(station)).findFirst().orElseThrow();
    }

    private static KpiService.OfficerPortfolio line(KpiService.Portfolio p, String role, String officer) {
        return p.byOfficer().stream().filter(o -> o.role().equals(role) && o.officer().equals(officer)).findFirst().orElseThrow();
    }

    private static Instant at(String bankTime) {
        return LocalDateTime.parse(bankTime).atZone(BankClock.ZONE).toInstant();
    }
}
