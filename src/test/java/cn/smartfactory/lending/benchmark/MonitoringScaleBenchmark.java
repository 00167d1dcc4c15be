package cn.smartfactory.lending.benchmark;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.smartfactory.lending.LendingPlatformApplication;
import cn.smartfactory.lending.monitoring.LoanMonitoring;
import cn.smartfactory.lending.monitoring.LoanRecord;
import cn.smartfactory.lending.monitoring.MonitoringVariables;
import cn.smartfactory.lending.monitoring.PortfolioExport;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * Post-loan monitoring at portfolio scale on PostgreSQL: N active loans handed over (register row
 * plus process instance), a quarter's checks falling due and drained by the job executor, the
 * account managers' inbox queries with about N/10 open check tasks, and the portfolio export.
 * The platform runs as configured for production (postgres profile, history full) in a fresh
 * database. Command and results: docs/post-loan-monitoring.md.
 */
public final class MonitoringScaleBenchmark {

    public static final int ACCOUNT_MANAGERS = 50;

    /** The measured figures. */
    /**
     * @param dueJobs  checks due when the clock moves a quarter ahead
     * @param ranJobs  timer jobs the executor ran: the due checks plus the late-check escalations of T2/T3
     *                 checks whose deadline also passed within the quarter (each job creates one task)
     */
    public record Result(int loans, double startSeconds, long dueJobs, long ranJobs, double drainSeconds, int inboxOpenTasks,
                         double myTasksP50Ms, double myTasksP95Ms, double countP95Ms, double groupInboxP95Ms,
                         double exportSeconds, int exportBytes) {

        public double startsPerSecond() {
            return loans / startSeconds;
        }

        public double jobsPerSecond() {
            return ranJobs / drainSeconds;
        }

        public double exportRowsPerSecond() {
            return loans / exportSeconds;
        }

        @Override
        public String toString() {
            return String.format("""
                    loans                         %,d
                    hand-over (register+start)    %.1f s = %.0f loans/s
                    checks due after a quarter    %,d; job executor ran %,d timer jobs in %.1f s = %.0f jobs/s
                    AM inbox with %,d open tasks: my tasks first page p50 %.1f ms, p95 %.1f ms; count p95 %.1f ms; \
                    group inbox first page p95 %.1f ms
                    portfolio export              %.1f s = %.0f rows/s (%,d bytes)""", loans, startSeconds,
                    startsPerSecond(), dueJobs, ranJobs, drainSeconds, jobsPerSecond(), inboxOpenTasks, myTasksP50Ms, myTasksP95Ms,
                    countP95Ms, groupInboxP95Ms, exportSeconds, exportRowsPerSecond(), exportBytes);
        }
    }

    private MonitoringScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loans = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.println("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        System.out.println(run(loans));
        System.exit(0);
    }

    public static Result run(int loans) throws Exception {
        String database = "lending_scale";
        PostgresTestServer.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        ClockUtil.reset();
        ConfigurableApplicationContext platform = new SpringApplicationBuilder(LendingPlatformApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + PostgresTestServer.database(database),
                        "--spring.datasource.username=" + PostgresTestServer.USER, "--spring.datasource.password=",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0", "--logging.level.root=WARN",
                        "--lending.admin.id=benchadmin", "--lending.admin.password=benchmark-admin-password");
        try {
            LoanMonitoring monitoring = platform.getBean(LoanMonitoring.class);
            ProcessEngine engine = platform.getBean(ProcessEngine.class);
            ManagementService management = engine.getManagementService();
            TaskService tasks = engine.getTaskService();

            // 1. Hand over N loans (80% T1, 15% T2, 5% T3) from 4 threads, in batches of a tenth with the
            // planner statistics refreshed after each, as autovacuum's autoanalyze would do while a
            // portfolio grows (the benchmark must not depend on the server running autovacuum).
            ExecutorService pool = Executors.newFixedThreadPool(4);
            long t0 = System.nanoTime();
            int batch = Math.max(1, loans / 10);
            for (int from = 0; from < loans; from += batch) {
                List<Future<?>> started = new ArrayList<>();
                for (int i = from; i < Math.min(loans, from + batch); i++) {
                    LoanRecord loan = loan(monitoring, i);
                    started.add(pool.submit(() -> monitoring.handOver(loan)));
                }
                for (Future<?> f : started) {
                    f.get();
                }
                analyze(platform);
            }
            double startSeconds = seconds(t0);
            pool.shutdown();

            // 2. A quarter later every loan's first check is due.
            ClockUtil.setCurrentTime(BankClock.startOf(BankClock.today().plusMonths(3).plusDays(1)));
            // Monitoring's checks only: the demo profile's other processes (a marketing campaign's end) have timers too.
            long due = management.createJobQuery().processDefinitionKey(MonitoringVariables.PROCESS_KEY).executable().count();
            long tasksBefore = tasks.createTaskQuery().count();
            JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
            int inboxTasks = Math.max(1, loans / 10);
            long t1 = System.nanoTime();
            executor.start();
            Progress opening = new Progress("creating " + inboxTasks + " check tasks");
            for (long count; (count = tasks.createTaskQuery().count()) < inboxTasks; ) {
                opening.check(count);
                Thread.sleep(100);
            }
            executor.shutdown();
            double drained = seconds(t1);
            // Jobs acquired but not run before the pause stay locked until their lock expires (5 minutes
            // of engine time); with the clock frozen that would be never, so let the locks run out.
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(10).toMillis()));

            // 3. The account managers' inbox with about N/10 open check tasks.
            int open = (int) tasks.createTaskQuery().count();
            Random random = new Random(7);
            double[] mine = new double[500];
            double[] counts = new double[500];
            double[] group = new double[500];
            for (int i = 0; i < 500; i++) {
                String am = accountManager(random.nextInt(ACCOUNT_MANAGERS));
                long q = System.nanoTime();
                tasks.createTaskQuery().taskAssignee(am).orderByDueDate().asc().listPage(0, 15);
                mine[i] = millis(q);
                q = System.nanoTime();
                tasks.createTaskQuery().taskAssignee(am).count();
                counts[i] = millis(q);
                q = System.nanoTime();
                tasks.createTaskQuery().taskCandidateGroup("account-managers").includeAssignedTasks()
                        .orderByTaskCreateTime().desc().listPage(0, 15);
                group[i] = millis(q);
            }

            // 4. Drain the rest of the quarter's checks.
            long t2 = System.nanoTime();
            executor.start();
            Progress draining = new Progress("draining the quarter's checks");
            for (long left; (left = management.createJobQuery().executable().count()) > 0; ) {
                draining.check(left);
                Thread.sleep(200);
            }
            executor.shutdown();
            drained += seconds(t2);
            long ran = tasks.createTaskQuery().count() - tasksBefore;

            // 5. Portfolio export of every loan.
            long t3 = System.nanoTime();
            byte[] export = platform.getBean(PortfolioExport.class).export();
            double exportSeconds = seconds(t3);
            return new Result(loans, startSeconds, due, ran, drained, open, percentile(mine, 50), percentile(mine, 95),
                    percentile(counts, 95), percentile(group, 95), exportSeconds, export.length);
        } finally {
            ClockUtil.reset();
            platform.close();
        }
    }

    private static void analyze(ConfigurableApplicationContext platform) {
        platform.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("ANALYZE").update();
    }

    static LoanRecord loan(LoanMonitoring monitoring, int i) {
        int slot = i % 20;
        String grade = slot == 0 ? "E" : slot <= 3 ? "C" : "A";
        String number = String.format("LN-S-%07d", i);
        LocalDate today = BankClock.today();
        return new LoanRecord(number, "APP-S-" + i, "scale", "Customer " + i, "RETAIL_STORE", "CREDIT", "NONE", grade, 80,
                new BigDecimal("200000"), new BigDecimal("200000"), 24, today, today.plusMonths(24), new BigDecimal("200000"),
                0, "NORMAL", monitoring.initialTier(grade, "CREDIT", "NONE", "RETAIL_STORE"), accountManager(i % ACCOUNT_MANAGERS),
                "inv1", "apr1", "ACTIVE");
    }

    static String accountManager(int n) {
        return String.format("am%03d", n);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
