package cn.smartfactory.lending.benchmark;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.smartfactory.lending.LendingPlatformApplication;
import cn.smartfactory.lending.browser.Tasklist;
import cn.smartfactory.lending.kpi.KpiQuery;
import cn.smartfactory.lending.kpi.KpiService;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * The managers' figures at bank scale on PostgreSQL (postgres profile, a fresh database): N finished
 * applications over the last two years with their tasks (six to eight per application, as the line
 * records them in task_fact and application_fact), the live part of them in the loan register with
 * overdue and non-performing loans, and quarterly periodic checks; then every KPI of the current quarter
 * (GET /api/kpis's report) timed, with and without filters, and the Factory page rendered in Chromium as
 * mgr1 until its station chart is drawn. The facts are generated directly — what the listeners would
 * have written — since KpiApiTest shows the listeners' facts agree with the engine's history.
 * Command and results: docs/performance.md.
 */
public final class KpiScaleBenchmark {

    static final String[] PRODUCTS = {"CREDIT", "GUARANTEED", "MORTGAGE"};
    static final String[] STATIONS = {"Task_QueryCreditBureau", "Task_InvestigateOnSite", "Task_ApproveSingle", "Task_SignContract",
            "Task_Disburse"};
    static final int[] SLA_HOURS = {4, 16, 8, 16, 8};

    public record Result(int applications, long tasks, long loans, double generateSeconds, double reportP50Ms, double reportP95Ms,
                         double filteredP95Ms, double pageP50Ms, double pageP95Ms, int pageSamples) {
        @Override
        public String toString() {
            return String.format("""
                    history                       %,d applications, %,d tasks, %,d loans in the register (generated in %.1f s)
                    every KPI, current quarter    p50 %.0f ms, p95 %.0f ms (GET /api/kpis's report, no filter)
                    with a product or officer     p95 %.0f ms
                    Factory page in Chromium      p50 %.0f ms, p95 %.0f ms over %d loads (navigation to the chart drawn)""",
                    applications, tasks, loans, generateSeconds, reportP50Ms, reportP95Ms, filteredP95Ms, pageP50Ms, pageP95Ms,
                    pageSamples);
        }
    }

    private KpiScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.println("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        System.out.println(run(applications, 20));
        System.exit(0);
    }

    public static Result run(int applications, int pageLoads) throws Exception {
        String database = "lending_kpi_scale";
        PostgresTestServer.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        ConfigurableApplicationContext platform = new SpringApplicationBuilder(LendingPlatformApplication.class)
                .profiles("postgres", "demo")
                .run("--spring.datasource.url=" + PostgresTestServer.database(database),
                        "--spring.datasource.username=" + PostgresTestServer.USER, "--spring.datasource.password=",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0", "--logging.level.root=WARN",
                        "--lending.demo.password=demo");
        try {
            JdbcTemplate jdbc = platform.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            long[] counts = generate(jdbc, applications);
            double generateSeconds = (System.nanoTime() - t0) / 1e9;
            jdbc.execute("VACUUM ANALYZE"); // as autovacuum would have done by the time managers look

            KpiService kpis = platform.getBean(KpiService.class);
            KpiQuery quarter = KpiQuery.quarterOf(BankClock.today());
            for (int i = 0; i < 5; i++) {
                kpis.report(quarter); // warm-up
            }
            double[] plain = new double[30];
            for (int i = 0; i < plain.length; i++) {
                long q = System.nanoTime();
                kpis.report(quarter);
                plain[i] = (System.nanoTime() - q) / 1e6;
            }
            double[] filtered = new double[30];
            for (int i = 0; i < filtered.length; i++) {
                KpiQuery q = i % 2 == 0 ? new KpiQuery(quarter.from(), quarter.to(), PRODUCTS[i % 3], null, null)
                        : new KpiQuery(quarter.from(), quarter.to(), null, null, String.format("am%03d", i));
                long t = System.nanoTime();
                kpis.report(q);
                filtered[i] = (System.nanoTime() - t) / 1e6;
            }

            double[] page = new double[0];
            if (Tasklist.available() && pageLoads > 0) {
                int port = Integer.parseInt(platform.getEnvironment().getProperty("local.server.port"));
                try (Tasklist browser = Tasklist.open(port)) {
                    browser.login("cockpit", "mgr1", By.cssSelector("[cam-widget-header] .navbar-brand"));
                    page = new double[pageLoads];
                    for (int i = 0; i < pageLoads; i++) {
                        browser.browser.get(browser.url("/camunda/app/cockpit/default/#/dashboard"));
                        // The dashboard's own tiles finish first: the page is measured on its own.
                        browser.wait.until(d -> !d.findElements(By.cssSelector(".factory-dashboard .factory-tile")).isEmpty());
                        long t = System.nanoTime();
                        browser.browser.get(browser.url("/camunda/app/cockpit/default/#/factory"));
                        browser.wait.until(d -> !d.findElements(By.cssSelector(".factory-page .bar-row")).isEmpty());
                        page[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
            }
            return new Result(applications, counts[0], counts[1], generateSeconds, MonitoringScaleBenchmark.percentile(plain, 50),
                    MonitoringScaleBenchmark.percentile(plain, 95), MonitoringScaleBenchmark.percentile(filtered, 95),
                    page.length == 0 ? 0 : MonitoringScaleBenchmark.percentile(page, 50),
                    page.length == 0 ? 0 : MonitoringScaleBenchmark.percentile(page, 95), page.length);
        } finally {
            platform.close();
        }
    }

    /** Writes the history in batches; answers the task and loan counts. */
    static long[] generate(JdbcTemplate jdbc, int applications) {
        Random random = new Random(42);
        Instant now = Instant.now();
        LocalDate today = BankClock.today();
        List<Object[]> apps = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> loans = new ArrayList<>();
        long taskCount = 0;
        long loanCount = 0;
        for (int i = 0; i < applications; i++) {
            String pi = "bench-pi-" + i;
            String product = PRODUCTS[i % 3];
            String am = String.format("am%03d", i % 50);
            Instant applied = now.minus(random.nextInt(730), ChronoUnit.DAYS).minus(random.nextInt(8 * 60), ChronoUnit.MINUTES);
            int kind = random.nextInt(100);
            String outcome = kind < 80 ? "DISBURSED" : kind < 92 ? "DECLINED" : kind < 97 ? "WITHDRAWN" : "CANCELLED";
            boolean rework = random.nextInt(10) == 0;
            boolean committee = random.nextInt(20) == 0;
            boolean reached = !outcome.equals("CANCELLED") && (kind >= 86 || !outcome.equals("DECLINED"));
            Instant at = applied;
            // The line's stations, each waiting and working a while; the investigation is often late.
            int stations = outcome.equals("DISBURSED") || outcome.equals("WITHDRAWN") ? 5 : reached ? 3 : 2;
            for (int s = 0; s < stations; s++) {
                long wait = random.nextInt(s == 1 ? 20 * 3600 : 4 * 3600);
                long work = 600 + random.nextInt(s == 1 ? 30 * 3600 : 3 * 3600);
                Instant created = at;
                Instant due = created.plus(SLA_HOURS[s] * 3L, ChronoUnit.HOURS);
                Instant ended = created.plusSeconds(wait + work);
                tasks.add(new Object[] {"bt-" + i + "-" + s, "loan-origination", pi, "BENCH-" + i, STATIONS[s], STATIONS[s], product,
                        ts(created), ts(due), ts(created.plusSeconds(wait)), ts(ended), "COMPLETED", officer(s, i), wait, work,
                        !ended.isAfter(due)});
                at = ended;
                taskCount++;
                if (s == 1 && rework) {
                    tasks.add(new Object[] {"bt-" + i + "-r", "loan-origination", pi, "BENCH-" + i, "Task_SupplementInvestigation",
                            "Task_SupplementInvestigation", product, ts(at), ts(at.plus(24, ChronoUnit.HOURS)), ts(at.plusSeconds(3600)),
                            ts(at.plusSeconds(20_000)), "COMPLETED", officer(1, i), 3600L, 16_400L, true});
                    at = at.plusSeconds(20_000);
                    taskCount++;
                }
                if (s == 2 && committee) {
                    for (int v = 0; v < 3; v++) {
                        tasks.add(new Object[] {"bt-" + i + "-c" + v, "loan-origination", pi, "BENCH-" + i, "Task_CommitteeVote",
                                "Task_CommitteeVote", product, ts(at), ts(at.plus(72, ChronoUnit.HOURS)), ts(at.plusSeconds(7200)),
                                ts(at.plusSeconds(30_000)), "COMPLETED", "cc" + (v + 1), 7200L, 22_800L, true});
                        taskCount++;
                    }
                    at = at.plusSeconds(30_000);
                }
            }
            BigDecimal amount = BigDecimal.valueOf(50_000 + random.nextInt(40) * 10_000L);
            boolean disbursed = outcome.equals("DISBURSED");
            apps.add(new Object[] {pi, "BENCH-" + i, product, "RETAIL_STORE", am, "BC" + (i % 80_000), "WALK_IN", null, amount,
                    ts(applied), ts(at), outcome, outcome.equals("DECLINED") ? (reached ? "APPROVAL" : "PRE_SCREEN") : null,
                    outcome.equals("DECLINED") ? (reached ? "CASH_FLOW" : "AGE") : null, committee ? "CREDIT_COMMITTEE" : "SINGLE_APPROVER",
                    reached, reached && !outcome.equals("DECLINED"), rework ? 1 : 0, committee, disbursed ? amount : null,
                    disbursed ? amount : null, disbursed ? at.getEpochSecond() - applied.getEpochSecond() : null});
            if (disbursed) {
                LocalDate on = at.atZone(BankClock.ZONE).toLocalDate();
                boolean live = on.isAfter(today.minusMonths(12));
                int overdueKind = random.nextInt(100);
                int days = !live ? 0 : overdueKind < 2 ? 95 + random.nextInt(100) : overdueKind < 5 ? 5 + random.nextInt(60) : 0;
                String classification = days > 90 ? "SUBSTANDARD" : days > 30 ? "SPECIAL_MENTION" : "NORMAL";
                loans.add(new Object[] {"BL-" + i, "BENCH-" + i, pi, "客户" + i, "RETAIL_STORE", product, "CREDIT", "B", 70, amount, amount,
                        12, Date.valueOf(on), Date.valueOf(on.plusMonths(12)), live ? amount : BigDecimal.ZERO, days, classification, "T1",
                        am, officer(1, i), officer(2, i), live ? "ACTIVE" : "REPAID", ts(at)});
                loanCount++;
                // Quarterly periodic checks while the loan is live: most on time, some late.
                for (LocalDate dueDay = on.plusMonths(3); live && dueDay.isBefore(today.plusMonths(1)); dueDay = dueDay.plusMonths(3)) {
                    Instant checkDue = BankClock.startOf(dueDay.plusDays(10)).toInstant();
                    Instant created = BankClock.startOf(dueDay).toInstant();
                    boolean open = checkDue.isAfter(now.minus(5, ChronoUnit.DAYS)) && random.nextBoolean();
                    Instant done = created.plus(2 + random.nextInt(12), ChronoUnit.DAYS);
                    tasks.add(new Object[] {"bc-" + i + "-" + dueDay, "post-loan-monitoring", "bm-" + i, "BL-" + i, "Task_PeriodicCheck",
                            "Task_PeriodicCheck", product, ts(created), ts(checkDue), ts(created), open ? null : ts(done),
                            open ? null : "COMPLETED", am, open ? null : 0L, open ? null : done.getEpochSecond() - created.getEpochSecond(),
                            open ? null : !done.isAfter(checkDue)});
                    taskCount++;
                }
            }
            if (apps.size() >= 2_000) {
                flush(jdbc, apps, tasks, loans);
            }
        }
        flush(jdbc, apps, tasks, loans);
        return new long[] {taskCount, loanCount};
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> apps, List<Object[]> tasks, List<Object[]> loans) {
        jdbc.batchUpdate("""
                INSERT INTO application_fact (process_instance_id, application_id, product, industry, account_manager, customer_key,
                    lead_source, campaign_id, requested_amount, applied_at, ended_at, outcome, decline_stage, decline_reason_code,
                    approval_route, reached_approval, approved, rework_count, committee, approved_amount, disbursed_amount,
                    turnaround_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", apps);
        jdbc.batchUpdate("""
                INSERT INTO task_fact (task_id, process_key, process_instance_id, business_key, station, station_name, product,
                    created_at, due_at, assigned_at, ended_at, end_kind, officer, wait_seconds, work_seconds, on_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tasks);
        jdbc.batchUpdate("""
                INSERT INTO loan (loan_number, application_id, process_instance_id, customer_name, industry, product, guarantee_type,
                    grade, score, approved_amount, disbursed_amount, term_months, disbursed_on, maturity_date, outstanding_balance,
                    days_overdue, classification, tier, account_manager, investigators, approvers, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", loans);
        apps.clear();
        tasks.clear();
        loans.clear();
    }

    private static String officer(int station, int i) {
        return switch (station) {
            case 1 -> "inv" + (i % 10);
            case 2 -> "apr" + (i % 6);
            default -> "ops" + (i % 8);
        };
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
