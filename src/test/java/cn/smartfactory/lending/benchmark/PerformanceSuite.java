package cn.smartfactory.lending.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.zaxxer.hikari.HikariDataSource;

import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * The performance suite (docs/performance.md): every figure is a ratio against a reference
 * measured in the same run — the platform's origination line against the bare engine on H2 and on
 * PostgreSQL, job throughput against pgbench running a job-shaped script, each tuning change
 * against the setting it replaces, and Tasklist's inbox queries at scale with their plans. Run with
 * {@code ./mvnw test-compile exec:exec@performance}; sizes via -Dperf.loans, -Dperf.jobs, -Dperf.tasks.
 */
public final class PerformanceSuite {

    /** Sizes of one run. */
    public record Settings(int loans, int jobs, int lineJobs, int tasks, int pgbenchSeconds, boolean jmh, Set<String> stages) {

        /** All stages: origination on H2 and PostgreSQL, jobs against pgbench, tuning, inboxes, JMH figures. */
        static final Set<String> ALL = Set.of("h2", "postgres", "history", "jobs", "tuning", "inbox");

        static Settings fromSystemProperties() {
            String stages = System.getProperty("perf.stages", "");
            Set<String> chosen = stages.isBlank() ? ALL : Set.of(stages.split(","));
            if (!ALL.containsAll(chosen)) {
                throw new IllegalArgumentException("perf.stages: unknown stage in '" + stages + "'; the stages are " + ALL);
            }
            String controls = System.getProperty("perf.controls", "on");
            if (!controls.equals("on") && !controls.equals("off")) {
                throw new IllegalArgumentException("perf.controls must be on or off, not '" + controls + "'");
            }
            String jmh = System.getProperty("perf.jmh", "true");
            if (!jmh.equals("true") && !jmh.equals("false")) {
                throw new IllegalArgumentException("perf.jmh must be true or false, not '" + jmh + "'");
            }
            return new Settings(positive("perf.loans", 400), positive("perf.jobs", 10_000), positive("perf.lineJobs", 200),
                    positive("perf.tasks", 100_000), positive("perf.pgbenchSeconds", 20), Boolean.parseBoolean(jmh), chosen);
        }

        /** A size from -Dname=N: a whole number of at least 1, or the run stops naming the property. */
        private static int positive(String name, int fallback) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a whole number of at least 1, not '" + value + "'");
        }

        boolean runs(String stage) {
            return stages.contains(stage);
        }
    }

    /** A job-executor and pool configuration, applied at run time to the running platform. */
    public record JobSettings(String name, int corePool, int maxPool, int maxJobsPerAcquisition, int connections) {
    }

    /** The figures a smoke run checks. */
    public record Result(List<Comparison> origination, JobDrain.Result noOpDefaults, PgBench.Result pgbench,
                         List<Tuning> tuning, List<InboxAtScale.Figures> inbox, String report) {
    }

    /** The platform's origination line against the bare engine on one database. */
    public record Comparison(String database, OriginationLine.Run platform, OriginationLine.Run bare,
                             Map<String, Long> platformStatements, Map<String, Long> bareStatements,
                             List<Map.Entry<String, Long>> platformTargets, List<Map.Entry<String, Long>> bareTargets,
                             OriginationLine.Run configurationOnly, long configurationOnlyStatements) {

        double ratio() {
            return platform.loansPerSecond() / bare.loansPerSecond();
        }

        /** The platform's configuration (Spring, authorization, plugins) with the bare engine's no-op delegates. */
        double configurationRatio() {
            return configurationOnly.loansPerSecond() / bare.loansPerSecond();
        }

        double platformStatementsPerLoan() {
            return platformStatements.values().stream().mapToLong(Long::longValue).sum() / (double) platform.loans();
        }

        double bareStatementsPerLoan() {
            return bareStatements.values().stream().mapToLong(Long::longValue).sum() / (double) bare.loans();
        }
    }

    /** One job setting measured on the no-op workload and on the line's own asynchronous steps. */
    public record Tuning(JobSettings settings, JobDrain.Result noOp, JobDrain.Result line) {
    }

    /** Camunda's job-executor defaults and Hikari's default pool, then the alternatives tried. */
    static final List<JobSettings> JOB_SETTINGS = List.of(
            new JobSettings("Camunda/Hikari defaults", 3, 10, 3, 10),
            new JobSettings("acquire 10 per query", 3, 10, 10, 10),
            new JobSettings("2 threads (one per core)", 2, 10, 3, 10),
            new JobSettings("6 threads", 6, 10, 3, 10),
            new JobSettings("pool of 4 connections", 3, 10, 3, 4));

    private static final int THREADS = 2;
    private static final String PLATFORM_DB = "lending_perf";

    private final Settings settings;
    private final StringBuilder report = new StringBuilder();
    /** The pool's minimum idle connections as configured, restored after a smaller pool was tried. */
    private int defaultMinimumIdle = -1;

    private PerformanceSuite(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Result result = run(Settings.fromSystemProperties());
        Path out = Path.of("target", "performance-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.report());
        System.out.println(result.report());
        System.out.println("Written to " + out);
        System.exit(0);
    }

    public static Result run(Settings settings) throws Exception {
        return new PerformanceSuite(settings).runAll();
    }

    private Result runAll() throws Exception {
        line("# Performance suite run");
        line("");
        line(String.format(Locale.ROOT, "Java %s, %d cores, max heap %d MiB, %s; loans %d, no-op jobs %d, line jobs %d, open tasks %d",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), settings.loans(), settings.jobs(),
                settings.lineJobs(), settings.tasks()));
        List<Comparison> origination = new ArrayList<>();
        if (settings.runs("h2")) {
            origination.add(originationOnH2());
        }

        String platformDb = PLATFORM_DB;
        String bareDb = "lending_perf_bare";
        PostgresTestServer.execute("DROP DATABASE IF EXISTS " + platformDb + " WITH (FORCE)", "CREATE DATABASE " + platformDb,
                "DROP DATABASE IF EXISTS " + bareDb + " WITH (FORCE)", "CREATE DATABASE " + bareDb);
        StatementCounter counter = new StatementCounter();
        try (PlatformUnderTest platform = PlatformUnderTest.start(PostgresTestServer.database(platformDb), PostgresTestServer.USER,
                counter, "--camunda.bpm.job-execution.enabled=true")) {
            JobDrain.executor(platform.engine).shutdown();
            if (settings.runs("postgres")) {
                String noOpDb = "lending_perf_no_op";
                PostgresTestServer.execute("DROP DATABASE IF EXISTS " + noOpDb + " WITH (FORCE)", "CREATE DATABASE " + noOpDb);
                StatementCounter bareCounter = new StatementCounter();
                StatementCounter noOpCounter = new StatementCounter();
                try (HikariDataSource barePool = pool(PostgresTestServer.database(bareDb), PostgresTestServer.USER);
                     PlatformUnderTest noOp = PlatformUnderTest.start(PostgresTestServer.database(noOpDb), PostgresTestServer.USER,
                             noOpCounter, BareEngine.noOpBeans(), "--camunda.bpm.job-execution.enabled=false",
                             "--spring.profiles.active=")) {
                    ProcessEngine bare = BareEngine.start("bare-postgres", bareCounter.wrap(barePool), "full");
                    try {
                        origination.add(compare("PostgreSQL", platform.engine, counter, noOp.engine, noOpCounter, bare,
                                bareCounter));
                    } finally {
                        bare.close();
                    }
                }
            }
            if (settings.runs("history")) {
                historySettings();
            }
            analyze(platform);
            JobDrain.Result noOp = null;
            PgBench.Result pgbench = null;
            List<Tuning> tuning = new ArrayList<>();
            JobDrain.deployNoOp(platform.engine);
            if (settings.runs("jobs")) {
                // Job throughput against the database ceiling, at Camunda's default executor settings.
                apply(platform, JOB_SETTINGS.get(0));
                JobDrain.noOpJobs(platform.engine, platform.pool, Math.max(10, settings.jobs() / 10), counter); // warm-up
                noOp = JobDrain.noOpJobs(platform.engine, platform.pool, settings.jobs(), counter);
                pgbench = PgBench.run(PgBench.Shape.of(noOp), JOB_SETTINGS.get(0).corePool(), settings.pgbenchSeconds());
                reportJobsAgainstDatabase(noOp, pgbench);
            }
            if (settings.runs("tuning")) {
                // Two rounds, the second in reverse order, so that drift (growing history tables) hits all alike.
                List<JobDrain.Result[]> runs = new ArrayList<>();
                JOB_SETTINGS.forEach(x -> runs.add(new JobDrain.Result[4]));
                for (int round = 0; round < 2; round++) {
                    for (int k = 0; k < JOB_SETTINGS.size(); k++) {
                        int i = round == 0 ? k : JOB_SETTINGS.size() - 1 - k;
                        apply(platform, JOB_SETTINGS.get(i));
                        runs.get(i)[round * 2] = JobDrain.noOpJobs(platform.engine, platform.pool, settings.jobs() / 2, counter);
                        runs.get(i)[round * 2 + 1] = lineJobs(platform, counter);
                    }
                    analyze(platform);
                }
                for (int i = 0; i < JOB_SETTINGS.size(); i++) {
                    JobDrain.Result[] r = runs.get(i);
                    tuning.add(new Tuning(JOB_SETTINGS.get(i), r[0].plus(r[2]), r[1].plus(r[3])));
                }
                apply(platform, JOB_SETTINGS.get(0));
                reportTuning(tuning);
            }
            List<InboxAtScale.Figures> inbox = settings.runs("inbox") ? inboxAtScale(platform, counter) : List.of();
            if (settings.jmh()) {
                modelFigures();
            }
            return new Result(origination, noOp, pgbench, tuning, inbox, report.toString());
        }
    }

    // ---- 1. origination line against the bare engine -------------------------------------------

    private Comparison originationOnH2() throws Exception {
        Path dir = Files.createTempDirectory("lending-perf-h2");
        StatementCounter counter = new StatementCounter();
        StatementCounter noOpCounter = new StatementCounter();
        StatementCounter bareCounter = new StatementCounter();
        try (PlatformUnderTest platform = PlatformUnderTest.start("jdbc:h2:file:" + dir.resolve("platform"), "sa", counter,
                "--camunda.bpm.job-execution.enabled=false");
             PlatformUnderTest noOp = PlatformUnderTest.start("jdbc:h2:file:" + dir.resolve("platform-no-op"), "sa", noOpCounter,
                     BareEngine.noOpBeans(), "--camunda.bpm.job-execution.enabled=false", "--spring.profiles.active=");
             HikariDataSource barePool = pool("jdbc:h2:file:" + dir.resolve("bare"), "sa")) {
            ProcessEngine bare = BareEngine.start("bare-h2", bareCounter.wrap(barePool), "full");
            try {
                return compare("H2 (file)", platform.engine, counter, noOp.engine, noOpCounter, bare, bareCounter);
            } finally {
                bare.close();
            }
        }
    }

    /** Bare engine and platform on the same database kind, measured by {@link #interleaved}. */
    private Comparison compare(String database, ProcessEngine platform, StatementCounter counter, ProcessEngine noOpPlatform,
                               StatementCounter noOpCounter, ProcessEngine bare, StatementCounter bareCounter) throws Exception {
        List<OriginationLine.Run> runs = interleaved(List.of(new OriginationLine(bare), new OriginationLine(noOpPlatform),
                new OriginationLine(platform)), List.of(bareCounter, noOpCounter, counter));
        Comparison c = new Comparison(database, runs.get(2), runs.get(0), counter.counts(), bareCounter.counts(), counter.byTarget(),
                bareCounter.byTarget(), runs.get(1), noOpCounter.total());
        reportOrigination(c);
        return c;
    }

    private static OriginationLine.Run merge(OriginationLine.Run a, OriginationLine.Run b) {
        Map<OriginationLine.Step, double[]> steps = new java.util.EnumMap<>(OriginationLine.Step.class);
        for (OriginationLine.Step step : OriginationLine.Step.values()) {
            double[] x = a.stepMillis().get(step);
            double[] y = b.stepMillis().get(step);
            double[] both = java.util.Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, both, x.length, y.length);
            steps.put(step, both);
        }
        return new OriginationLine.Run(a.loans() + b.loans(), a.seconds() + b.seconds(), steps);
    }

    private void reportOrigination(Comparison c) {
        line("");
        line("## Origination line on " + c.database() + ": platform against the bare engine");
        line("");
        line(String.format(Locale.ROOT, "%d loans each, %d threads. Platform %.1f loans/s, bare engine %.1f loans/s: "
                        + "**ratio %.2f** (target ≥ 0.80). SQL statements per loan: platform %.1f %s, bare %.1f %s.",
                c.platform().loans(), THREADS, c.platform().loansPerSecond(), c.bare().loansPerSecond(), c.ratio(),
                c.platformStatementsPerLoan(), perLoan(c.platformStatements(), c.platform().loans()), c.bareStatementsPerLoan(),
                perLoan(c.bareStatements(), c.bare().loans())));
        line("");
        line(String.format(Locale.ROOT, "Decomposition: the platform's configuration (Spring Boot, authorization on, plugins, "
                        + "same history) with the bare engine's no-op delegates runs %.1f loans/s, **%.2f of the bare engine** "
                        + "(%.1f statements per loan); the platform's own work in the delegates and listeners (checks, scoring, "
                        + "credit report, hand-over to monitoring) takes it from there to %.2f.", c.configurationOnly().loansPerSecond(),
                c.configurationRatio(), c.configurationOnlyStatements() / (double) c.configurationOnly().loans(),
                c.platform().loansPerSecond() / c.configurationOnly().loansPerSecond()));
        line("");
        line("| step | platform p50 ms | platform p95 ms | bare p50 ms | bare p95 ms |");
        line("|---|---:|---:|---:|---:|");
        for (OriginationLine.Step step : OriginationLine.Step.values()) {
            line(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |", step.name().toLowerCase(Locale.ROOT),
                    c.platform().percentile(step, 50), c.platform().percentile(step, 95), c.bare().percentile(step, 50),
                    c.bare().percentile(step, 95)));
        }
        line("");
        line("Most frequent statements per loan:");
        line("");
        line("| statement | platform | bare |");
        line("|---|---:|---:|");
        Map<String, Long> bare = new java.util.HashMap<>();
        c.bareTargets().forEach(e -> bare.put(e.getKey(), e.getValue()));
        c.platformTargets().stream().limit(15).forEach(e -> line(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", e.getKey(),
                e.getValue() / (double) c.platform().loans(), bare.getOrDefault(e.getKey(), 0L) / (double) c.bare().loans())));
    }

    private static String perLoan(Map<String, Long> statements, int loans) {
        StringBuilder s = new StringBuilder("(");
        statements.forEach((kind, n) -> s.append(s.length() > 1 ? ", " : "").append(kind).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", n / (double) loans)));
        return s.append(')').toString();
    }

    /**
     * What the history settings cost, on bare engines on PostgreSQL (each in a fresh database):
     * Camunda's default (full history in this platform's configuration, removal time set when an
     * instance ends) against audit level and against no removal time (end-time-based clean-up).
     */
    private void historySettings() throws Exception {
        record Variant(String name, String level, String removalTime, String session) {
        }
        List<Variant> variants = List.of(
                new Variant("the platform's settings: full history, removal time at end, plan cache on", "full", null, PLATFORM_SESSION),
                new Variant("audit history", "audit", null, PLATFORM_SESSION),
                new Variant("no removal time (end-time-based clean-up)", "full", "none", PLATFORM_SESSION),
                new Variant("custom plans for every statement (plan_cache_mode)", "full", null,
                        PLATFORM_SESSION + "; SET plan_cache_mode = force_custom_plan"));
        List<HikariDataSource> pools = new ArrayList<>();
        List<ProcessEngine> engines = new ArrayList<>();
        List<StatementCounter> counters = new ArrayList<>();
        try {
            for (int i = 0; i < variants.size(); i++) {
                String db = "lending_perf_history_" + i;
                PostgresTestServer.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "CREATE DATABASE " + db);
                pools.add(pool(PostgresTestServer.database(db), PostgresTestServer.USER, variants.get(i).session()));
                counters.add(new StatementCounter());
                engines.add(BareEngine.start("history-" + i, counters.get(i).wrap(pools.get(i)), variants.get(i).level(),
                        variants.get(i).removalTime()));
            }
            List<OriginationLine.Run> runs = interleaved(engines.stream().map(OriginationLine::new).toList(), counters);
            line("");
            line("## History and session settings on the origination line (bare engine, PostgreSQL)");
            line("");
            line("Each variant differs from the first row in one setting and runs in its own database; warm-up, then two "
                    + "interleaved rounds.");
            line("");
            line("| setting | loans/s | ratio | SQL statements per loan |");
            line("|---|---:|---:|---:|");
            for (int i = 0; i < variants.size(); i++) {
                line(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f |", variants.get(i).name(), runs.get(i).loansPerSecond(),
                        runs.get(i).loansPerSecond() / runs.get(0).loansPerSecond(),
                        counters.get(i).total() / (double) runs.get(i).loans()));
            }
        } finally {
            engines.forEach(ProcessEngine::close);
            pools.forEach(HikariDataSource::close);
        }
    }

    /**
     * Warm-up on every line, counters reset, then two rounds in which each line runs half the loans
     * in turn, so drift in the machine's speed hits all alike; the runs are the sums of the rounds.
     */
    private List<OriginationLine.Run> interleaved(List<OriginationLine> lines, List<StatementCounter> counters) throws Exception {
        for (OriginationLine line : lines) {
            line.run(Math.max(THREADS, settings.loans() / 4), THREADS);
        }
        counters.forEach(StatementCounter::reset);
        int half = Math.max(THREADS, settings.loans() / 2);
        List<OriginationLine.Run> runs = new ArrayList<>();
        for (OriginationLine line : lines) {
            runs.add(line.run(half, THREADS));
        }
        for (int i = 0; i < lines.size(); i++) {
            runs.set(i, merge(runs.get(i), lines.get(i).run(half, THREADS)));
        }
        return runs;
    }

    // ---- 2. and 3. jobs: database ceiling and tuning ---------------------------------------------

    private void reportJobsAgainstDatabase(JobDrain.Result noOp, PgBench.Result pgbench) {
        line("");
        line("## Job throughput against the database ceiling (PostgreSQL)");
        line("");
        line(String.format(Locale.ROOT, "No-op asynchronous jobs: %d in %.1f s = %.0f jobs/s at Camunda's default executor "
                        + "settings (%d threads); %.1f SQL statements per job %s.",
                noOp.jobs(), noOp.seconds(), noOp.jobsPerSecond(), pgbench.clients(), noOp.statementsPerJob(),
                perLoan(noOp.statements(), (int) noOp.jobs())));
        line(String.format(Locale.ROOT, "pgbench, job-shaped script (%d statements in two transactions), %d clients: %.0f "
                + "transactions/s. **Ratio %.2f** of the database's ceiling.", pgbench.shape().statements(), pgbench.clients(),
                pgbench.tps(), noOp.jobsPerSecond() / pgbench.tps()));
        line("");
        line("Statements per no-op job: " + String.join(", ", noOp.targets().stream().limit(12).map(e -> String.format(
                Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) noOp.jobs())).toList()) + ".");
        line("");
        line("```sql");
        report.append(pgbench.script());
        line("```");
    }

    private void apply(PlatformUnderTest platform, JobSettings s) {
        ThreadPoolTaskExecutor threads = platform.context.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
        if (s.corePool() > threads.getMaxPoolSize()) {
            threads.setMaxPoolSize(s.maxPool());
            threads.setCorePoolSize(s.corePool());
        } else {
            threads.setCorePoolSize(s.corePool());
            threads.setMaxPoolSize(s.maxPool());
        }
        JobDrain.executor(platform.engine).setMaxJobsPerAcquisition(s.maxJobsPerAcquisition());
        if (defaultMinimumIdle < 0) {
            defaultMinimumIdle = platform.pool.getMinimumIdle();
        }
        platform.pool.getHikariConfigMXBean().setMaximumPoolSize(s.connections());
        platform.pool.getHikariConfigMXBean().setMinimumIdle(Math.min(s.connections(), defaultMinimumIdle));
    }

    /**
     * The line's own asynchronous steps: applications driven to the end of due diligence with the
     * executor paused (two jobs each: scoring, then the credit report), then drained.
     */
    private JobDrain.Result lineJobs(PlatformUnderTest platform, StatementCounter counter) throws Exception {
        ProcessEngine engine = platform.engine;
        JobDrain.executor(engine).shutdown();
        new OriginationLine(engine).toDueDiligence(settings.lineJobs(), THREADS);
        return JobDrain.drain(engine, counter, 2L * settings.lineJobs(), JobDrain.jobsLeft(platform.pool, "loan-origination"));
    }

    private void reportTuning(List<Tuning> tuning) {
        Tuning base = tuning.get(0);
        line("");
        line("## Tuning for this machine: job executor and connection pool (PostgreSQL)");
        line("");
        line(String.format(Locale.ROOT, "Each setting drains %d no-op jobs and the scoring and report jobs of %d applications "
                + "on the running platform, in two rounds (the second in reverse order); ratios are against the first row.",
                settings.jobs() / 2 * 2, settings.lineJobs() * 2));
        line("");
        line("| setting | threads | acquisition | connections | no-op jobs/s | ratio | line jobs/s | ratio |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Tuning t : tuning) {
            line(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.1f | %.2f |", t.settings().name(),
                    t.settings().corePool(), t.settings().maxJobsPerAcquisition(), t.settings().connections(),
                    t.noOp().jobsPerSecond(), t.noOp().jobsPerSecond() / base.noOp().jobsPerSecond(), t.line().jobsPerSecond(),
                    t.line().jobsPerSecond() / base.line().jobsPerSecond()));
        }
    }

    // ---- 4. Tasklist at scale -------------------------------------------------------------------------

    private List<InboxAtScale.Figures> inboxAtScale(PlatformUnderTest platform, StatementCounter counter) throws Exception {
        InboxAtScale.deploy(platform.engine);
        long t0 = System.nanoTime();
        // In tenths with VACUUM ANALYZE after each, as autovacuum would do while work accumulates (the
        // suite must not depend on the server running autovacuum).
        int tenth = Math.max(1, settings.tasks() / 10);
        for (int seeded = 0; seeded < settings.tasks(); seeded += tenth) {
            InboxAtScale.seed(platform.engine, Math.min(tenth, settings.tasks() - seeded), THREADS);
            analyze(platform);
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        analyze(platform);
        long open = platform.engine.getTaskService().createTaskQuery().count();
        // Before: without the planner statistics of migration V3 (a few samples: each count took seconds).
        JdbcClient jdbc = JdbcClient.create((DataSource) platform.pool);
        jdbc.sql("DROP STATISTICS IF EXISTS act_stat_auth_perms_read, act_stat_auth_perms_read_task").update();
        jdbc.sql("ANALYZE act_ru_authorization").update();
        InboxAtScale.Figures before = InboxAtScale.measure(platform.engine, Role.INVESTIGATORS, counter, platform.pool, true, 3);
        for (String statement : migrationStatements("db/vendor/postgresql/V3__task_query_statistics.sql")) {
            jdbc.sql(statement).update();
        }
        List<InboxAtScale.Figures> figures = new ArrayList<>();
        for (Role role : List.of(Role.INVESTIGATORS, Role.ACCOUNT_MANAGERS)) {
            figures.add(InboxAtScale.measure(platform.engine, role, counter, platform.pool, true, InboxAtScale.SAMPLES));
        }
        long authorizationRows = jdbc.sql("SELECT count(*) FROM act_ru_authorization").query(Long.class).single();
        long taskRows = jdbc.sql("SELECT count(*) FROM act_ru_authorization WHERE resource_type_ = 7").query(Long.class).single();
        List<InboxAtScale.Completion> completions = new ArrayList<>();
        for (Role role : List.of(Role.INVESTIGATORS, Role.ACCOUNT_MANAGERS)) {
            completions.add(InboxAtScale.complete(platform.engine, role, counter, InboxAtScale.COMPLETIONS));
        }
        line("");
        line("## Tasklist inboxes at scale (PostgreSQL, authorization on)");
        line("");
        line(String.format(Locale.ROOT, "%,d open tasks (%,d seeded in %.0f s) across %d roles, one in five claimed; queries "
                + "as a member of the role through the platform's Tasklist filters.", open, settings.tasks(),
                seedSeconds, InboxAtScale.ROLES.size()));
        line("");
        line("| role | planner statistics (V3) | samples | inbox tasks | inbox first page p50 ms | p95 ms | inbox count p95 ms | "
                + "My tasks page p95 ms | My tasks count p95 ms | sequential scans in the plans |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        inboxRow(before, "dropped", 3);
        for (InboxAtScale.Figures f : figures) {
            inboxRow(f, "in place", InboxAtScale.SAMPLES);
        }
        double generic = InboxAtScale.genericPlanMillis(PostgresTestServer.database(PLATFORM_DB), PostgresTestServer.USER,
                figures.get(0).inboxCountSql());
        line("");
        line(String.format(Locale.ROOT, "With the statistics the inbox count is %.0f times faster and the first page %.0f times. "
                        + "The same count with the statistics but on a generic plan (what PostgreSQL may switch to once the driver "
                        + "prepares a statement on the server; the platform never lets it for queries that join the authorization "
                        + "table, AuthorizationJoinPlanning): %.0f ms.",
                before.inboxCountP95() / figures.get(0).inboxCountP95(), before.inboxPageP95() / figures.get(0).inboxPageP95(),
                generic));
        line("");
        line(String.format(Locale.ROOT, "Authorization rows at this size: %,d in all, %,d of them on single tasks. Claiming and "
                + "completing unclaimed inbox tasks one after the other as a member of the role (authorization checks and the "
                + "platform's controls on):", authorizationRows, taskRows));
        line("");
        line("| role | samples | claim p50 ms | claim p95 ms | complete p50 ms | complete p95 ms | statements per claim and complete | of them authorization selects |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (InboxAtScale.Completion c : completions) {
            line(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %d |", c.role(), c.samples(), c.claimP50(),
                    c.claimP95(), c.completeP50(), c.completeP95(), c.statements(), c.authorizationSelects()));
        }
        return figures;
    }

    private void inboxRow(InboxAtScale.Figures f, String statistics, int samples) {
        line(String.format(Locale.ROOT, "| %s | %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |", f.role(), statistics, samples,
                f.inboxCount(), f.inboxPageP50(), f.inboxPageP95(), f.inboxCountP95(), f.myTasksPageP95(), f.myTasksCountP95(),
                f.sequentialScans().isEmpty() ? "none" : String.join(", ", f.sequentialScans())));
    }

    /** The statements of a migration script on the classpath (comment lines dropped, split at semicolons). */
    static List<String> migrationStatements(String resource) throws java.io.IOException {
        try (var in = PerformanceSuite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No migration " + resource);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.stripLeading().startsWith("--")).collect(java.util.stream.Collectors.joining("\n"));
            return java.util.Arrays.stream(text.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        }
    }

    // ---- 5. scoring and credit report ------------------------------------------------------------------

    private void modelFigures() throws Exception {
        var options = new OptionsBuilder().include(ScoringBenchmark.class.getSimpleName() + "|" + ReportBenchmark.class.getSimpleName())
                .param("workedCase", "3-retail-store").forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2)).threads(1).shouldFailOnError(true).build();
        double caching = 0;
        double stock = 0;
        double reportMs = 0;
        for (RunResult r : new Runner(options).run()) {
            double median = r.getPrimaryResult().getStatistics().getPercentile(50);
            String label = r.getParams().getBenchmark();
            if (label.endsWith("assessOneApplication")) {
                if ("stock".equals(r.getParams().getParam("feel"))) {
                    stock = median;
                } else {
                    caching = median;
                }
            } else {
                reportMs = r.getParams().getTimeUnit() == TimeUnit.MILLISECONDS ? median : median / 1000;
            }
        }
        line("");
        line("## Scoring and credit report (worked case 3, JMH, 1 fork, 3 × 2 s warm-up, 5 × 2 s)");
        line("");
        line(String.format(Locale.ROOT, "Scoring one application: median %.0f µs with the platform's FEEL engine, %.0f µs with "
                + "Camunda's stock FEEL engine (ratio %.0f); target 1 ms. Credit report: median %.1f ms; target 100 ms "
                + "(%.2f of the target).", caching, stock, stock / caching, reportMs, reportMs / 100));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** The platform's PostgreSQL session settings (application-postgres.yaml), for the reference engines too. */
    static final String PLATFORM_SESSION = "SET jit = off";

    static HikariDataSource pool(String url, String user) {
        return pool(url, user, PLATFORM_SESSION);
    }

    static HikariDataSource pool(String url, String user, String postgresSession) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword("");
        if (url.startsWith("jdbc:postgresql")) {
            pool.setConnectionInitSql(postgresSession);
        }
        return pool;
    }

    /**
     * What autovacuum does on a production server (this machine's server runs without it): refresh
     * the planner statistics and the visibility map, which index-only scans rely on.
     */
    private static void analyze(PlatformUnderTest platform) {
        if (platform.pool.getJdbcUrl().startsWith("jdbc:postgresql")) {
            JdbcClient.create((DataSource) platform.pool).sql("VACUUM ANALYZE").update();
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
