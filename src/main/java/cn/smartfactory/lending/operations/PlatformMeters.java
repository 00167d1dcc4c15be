package cn.smartfactory.lending.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The platform's own meters. Task, job, incident and loan counts are read from the database every
 * {@link #REFRESH_SECONDS} seconds by one background thread, not on every scrape, so a busy scraper
 * costs the database nothing more:
 * <ul>
 * <li>{@code lending_tasks_open{process,station}}, {@code lending_tasks_overdue{process,station}};</li>
 * <li>{@code lending_jobs_backlog} (executable jobs), {@code lending_jobs_failed} (no retries left),
 * {@code lending_incidents_open};</li>
 * <li>{@code lending_loans_registered{status}};</li>
 * <li>{@code lending_refusals_total{rule}} — counted by {@link RefusalCounter} as they happen.</li>
 * </ul>
 */
public class PlatformMeters implements MeterBinder, DisposableBean {

    static final int REFRESH_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(PlatformMeters.class);

    private final JdbcClient jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lending-meters");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long jobsBacklog;
    private volatile long jobsFailed;
    private volatile long incidents;
    private MultiGauge open;
    private MultiGauge overdue;
    private MultiGauge loans;

    public PlatformMeters(JdbcClient jdbc, ManagementService management, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        open = MultiGauge.builder("lending.tasks.open").description("Open human tasks per station").register(registry);
        overdue = MultiGauge.builder("lending.tasks.overdue").description("Open human tasks past their due date per station")
                .register(registry);
        loans = MultiGauge.builder("lending.loans.registered").description("Loans in the register per status").register(registry);
        Gauge.builder("lending.jobs.backlog", () -> jobsBacklog).description("Jobs due and waiting for the job executor")
                .register(registry);
        Gauge.builder("lending.jobs.failed", () -> jobsFailed).description("Jobs with no retries left").register(registry);
        Gauge.builder("lending.incidents.open", () -> incidents).description("Open incidents").register(registry);
        refresh();
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /** Reads the counts once; a failure is logged and the previous values stay. */
    void refresh() {
        try {
            List<MultiGauge.Row<?>> openRows = new ArrayList<>();
            List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
            jdbc.sql("""
                    SELECT process_key, station, COUNT(*), SUM(CASE WHEN due_at < :now THEN 1 ELSE 0 END)
                    FROM task_fact WHERE end_kind IS NULL GROUP BY process_key, station
                    """).param("now", new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime()))
                    .query((RowCallbackHandler) rs -> {
                        Tags tags = Tags.of("process", rs.getString(1), "station", rs.getString(2));
                        openRows.add(MultiGauge.Row.of(tags, rs.getLong(3)));
                        overdueRows.add(MultiGauge.Row.of(tags, rs.getLong(4)));
                    });
            open.register(openRows, true);
            overdue.register(overdueRows, true);
            List<MultiGauge.Row<?>> loanRows = new ArrayList<>();
            jdbc.sql("SELECT status, COUNT(*) FROM loan GROUP BY status").query((RowCallbackHandler) rs ->
                    loanRows.add(MultiGauge.Row.of(Tags.of("status", rs.getString(1)), rs.getLong(2))));
            loans.register(loanRows, true);
            jobsBacklog = management.createJobQuery().executable().count();
            jobsFailed = management.createJobQuery().noRetriesLeft().count();
            incidents = runtime.createIncidentQuery().count();
        } catch (RuntimeException e) {
            LOG.warn("Platform meters not refreshed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
