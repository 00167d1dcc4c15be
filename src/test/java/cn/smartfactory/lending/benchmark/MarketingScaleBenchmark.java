package cn.smartfactory.lending.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.LendingPlatformApplication;
import cn.smartfactory.lending.customer.CustomerKey;
import cn.smartfactory.lending.marketing.AccountManagerProfile;
import cn.smartfactory.lending.marketing.AccountManagerProfiles;
import cn.smartfactory.lending.marketing.CampaignFigures;
import cn.smartfactory.lending.marketing.CampaignService;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * The marketing station at bank scale on PostgreSQL, as configured for production (postgres profile,
 * full history) in a fresh database: a name list of N rows (2% duplicates within the list, 1% bad rows)
 * imported, checked, deduplicated and assigned to 50 account managers in one request; the job executor
 * then creating outreach tasks chunk by chunk until T are open; an account manager's "My tasks" first
 * page and count, queried as that user with authorization checks, as Tasklist does; and the campaign's
 * figures (campaign, per account manager, per segment). Command and results: docs/performance.md.
 */
public final class MarketingScaleBenchmark {

    static final int ACCOUNT_MANAGERS = 50;
    static final String[] REGIONS = {"CHENGGUAN", "QINGSHUI", "HEXI", "SHANGHE", "XINZHUANG"};
    static final String[] INDUSTRIES = {"FMCG_WHOLESALE", "CATERING", "RETAIL_STORE", "LIGHT_MANUFACTURING", "LOGISTICS",
            "AGRICULTURE"};

    /** The measured figures. */
    public record Result(int rows, int imported, int rejected, double importSeconds, int openTasks, double dispatchSeconds,
                         double myTasksP50Ms, double myTasksP95Ms, double countP95Ms, double figuresP50Ms, double figuresP95Ms) {

        public double tasksPerSecond() {
            return openTasks / dispatchSeconds;
        }

        @Override
        public String toString() {
            return String.format("""
                    name list                     %,d rows: %,d imported, %,d refused by row
                    import, dedupe and assign     %.1f s (one request: campaign started, list checked, customers and leads written)
                    outreach tasks by the jobs    %,d open after %.1f s = %.0f tasks/s
                    AM "My tasks" as the user     first page p50 %.1f ms, p95 %.1f ms; count p95 %.1f ms
                    figures of the campaign       p50 %.0f ms, p95 %.0f ms (campaign, per account manager, per segment)""",
                    rows, imported, rejected, importSeconds, openTasks, dispatchSeconds, tasksPerSecond(), myTasksP50Ms,
                    myTasksP95Ms, countP95Ms, figuresP50Ms, figuresP95Ms);
        }
    }

    private MarketingScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        System.out.println("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        System.out.println(run(rows, tasks));
        System.exit(0);
    }

    public static Result run(int rows, int openTasks) throws Exception {
        String database = "lending_marketing_scale";
        PostgresTestServer.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        ConfigurableApplicationContext platform = new SpringApplicationBuilder(LendingPlatformApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + PostgresTestServer.database(database),
                        "--spring.datasource.username=" + PostgresTestServer.USER, "--spring.datasource.password=",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0", "--logging.level.root=WARN",
                        "--lending.admin.id=benchadmin", "--lending.admin.password=benchmark-admin-password");
        try {
            ProcessEngine engine = platform.getBean(ProcessEngine.class);
            AccountManagerProfiles profiles = platform.getBean(AccountManagerProfiles.class);
            for (int n = 0; n < ACCOUNT_MANAGERS; n++) {
                profiles.save(new AccountManagerProfile(accountManager(n), REGIONS[n % REGIONS.length],
                        List.of(INDUSTRIES[n % INDUSTRIES.length], INDUSTRIES[(n + 1) % INDUSTRIES.length]), true), "benchmark");
            }
            byte[] list = nameList(rows);

            // 1. One request: the campaign starts and its list is checked, deduplicated, registered and assigned.
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("campaignName", "规模测试 Scale");
            form.put("objective", "benchmark");
            form.put("targetSegment", "all");
            form.put("strategy", "GENERAL");
            form.put("channel", "PHONE");
            form.put("listSource", "NAME_LIST");
            form.put("startDate", BankClock.today().toString());
            form.put("endDate", BankClock.today().plusDays(90).toString());
            form.put("conversionTarget", 100L);
            form.put("maxAttempts", 3L);
            CampaignService campaigns = platform.getBean(CampaignService.class);
            long t0 = System.nanoTime();
            var started = campaigns.start(form, "benchmark", "scale.csv", list);
            double importSeconds = seconds(t0);
            platform.getBean(JdbcClient.class).sql("ANALYZE").update();

            // 2. The job executor creates outreach tasks, one transaction per chunk, until T are open.
            TaskService tasks = engine.getTaskService();
            JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
            long t1 = System.nanoTime();
            executor.start();
            Progress progress = new Progress("creating " + openTasks + " outreach tasks");
            long analyzedAt = 0;
            for (long count; (count = tasks.createTaskQuery().processDefinitionKey("marketing-lead").count()) < openTasks; ) {
                progress.check(count);
                if (count - analyzedAt > openTasks / 5) {
                    platform.getBean(JdbcClient.class).sql("ANALYZE").update(); // as autovacuum's autoanalyze would
                    analyzedAt = count;
                }
                Thread.sleep(200);
            }
            executor.shutdown();
            double dispatchSeconds = seconds(t1);
            platform.getBean(JdbcClient.class).sql("ANALYZE").update();
            int open = (int) tasks.createTaskQuery().processDefinitionKey("marketing-lead").count();

            // 3. An account manager's "My tasks", as Tasklist asks for it: as the user, with authorization checks.
            IdentityService identity = engine.getIdentityService();
            Random random = new Random(7);
            double[] page = new double[300];
            double[] count = new double[300];
            for (int i = 0; i < page.length; i++) {
                String am = accountManager(random.nextInt(ACCOUNT_MANAGERS));
                identity.setAuthentication(am, List.of("account-managers"));
                try {
                    long q = System.nanoTime();
                    tasks.createTaskQuery().taskAssignee(am).orderByDueDate().asc().listPage(0, 15);
                    page[i] = millis(q);
                    q = System.nanoTime();
                    tasks.createTaskQuery().taskAssignee(am).count();
                    count[i] = millis(q);
                } finally {
                    identity.clearAuthentication();
                }
            }

            // 4. The campaign's figures over all its leads.
            CampaignFigures figures = platform.getBean(CampaignFigures.class);
            double[] figureTimes = new double[20];
            for (int i = 0; i < figureTimes.length; i++) {
                long q = System.nanoTime();
                figures.campaign(started.campaignId());
                figures.byAccountManager(started.campaignId());
                figures.bySegment(started.campaignId());
                figureTimes[i] = millis(q);
            }
            return new Result(rows, started.list().imported(), started.list().rejected().size(), importSeconds, open,
                    dispatchSeconds, MonitoringScaleBenchmark.percentile(page, 50), MonitoringScaleBenchmark.percentile(page, 95),
                    MonitoringScaleBenchmark.percentile(count, 95), MonitoringScaleBenchmark.percentile(figureTimes, 50),
                    MonitoringScaleBenchmark.percentile(figureTimes, 95));
        } finally {
            platform.close();
        }
    }

    /** N rows: valid resident IDs, every 50th row repeating an earlier customer, every 100th row (a different one) with a bad phone. */
    static byte[] nameList(int rows) {
        StringBuilder csv = new StringBuilder(rows * 80).append("name,phone,idNumber,industry,region,businessType\n");
        List<String> ids = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String seventeen = String.format("3301061980%07d", i);
            String id = i % 50 == 49 ? ids.get(i / 2) : seventeen + CustomerKey.residentCheck(seventeen);
            ids.add(id);
            String phone = i % 100 == 33 ? "12345" : String.format("139%08d", i);
            csv.append("客户").append(i).append(',').append(phone).append(',').append(id).append(',')
                    .append(INDUSTRIES[i % INDUSTRIES.length]).append(',').append(REGIONS[(i / 7) % REGIONS.length])
                    .append(",个体工商户\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
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
}
