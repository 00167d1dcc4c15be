package cn.smartfactory.lending.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Job throughput of an engine's job executor: jobs are created while the executor is paused, then
 * the executor is started and timed until none is left. Two workloads: a no-op asynchronous step
 * (what the engine and database cost per job) and the loan-origination line's own asynchronous
 * steps (scoring, then the credit report).
 */
final class JobDrain {

    static final String NO_OP_PROCESS = "benchmark-no-op-job";

    /** Jobs per second and SQL statements per job (by kind) of one drain. */
    record Result(long jobs, double seconds, Map<String, Long> statements, List<Map.Entry<String, Long>> targets) {

        double jobsPerSecond() {
            return jobs / seconds;
        }

        double statementsPerJob() {
            return statements.values().stream().mapToLong(Long::longValue).sum() / (double) jobs;
        }

        double perJob(String kind) {
            return statements.getOrDefault(kind, 0L) / (double) jobs;
        }

        /** Two drains as one: jobs, time and statements added. */
        Result plus(Result other) {
            Map<String, Long> sum = new java.util.TreeMap<>(statements);
            other.statements.forEach((k, v) -> sum.merge(k, v, Long::sum));
            Map<String, Long> targetSum = new java.util.HashMap<>();
            targets.forEach(e -> targetSum.merge(e.getKey(), e.getValue(), Long::sum));
            other.targets.forEach(e -> targetSum.merge(e.getKey(), e.getValue(), Long::sum));
            return new Result(jobs + other.jobs, seconds + other.seconds, sum, targetSum.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList());
        }
    }

    private JobDrain() {
    }

    static void deployNoOp(ProcessEngine engine) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(NO_OP_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_NoOp")
                .serviceTask("Task_NoOp").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent("EndEvent_NoOp").done();
        engine.getRepositoryService().createDeployment().name(NO_OP_PROCESS).addModelInstance(NO_OP_PROCESS + ".bpmn", model)
                .deploy();
    }

    /** Starts {@code jobs} no-op instances with the executor paused, then drains them. */
    static Result noOpJobs(ProcessEngine engine, DataSource uncounted, int jobs, StatementCounter counter) throws Exception {
        JobExecutor executor = executor(engine);
        executor.shutdown();
        parallel(jobs, 2, i -> engine.getRuntimeService().startProcessInstanceByKey(NO_OP_PROCESS));
        return drain(engine, counter, jobs, jobsLeft(uncounted, NO_OP_PROCESS));
    }

    /**
     * Jobs left of a process, counted over a connection that bypasses the statement counter, so
     * watching the drain does not add to the statements per job.
     */
    static LongSupplier jobsLeft(DataSource uncounted, String processKey) {
        return () -> {
            try (Connection c = uncounted.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ?")) {
                s.setString(1, processKey);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Starts the executor and times it until {@code remaining} reaches zero; fails a drain stalled for two minutes. */
    static Result drain(ProcessEngine engine, StatementCounter counter, long jobs, LongSupplier remaining) throws Exception {
        JobExecutor executor = executor(engine);
        counter.reset();
        long t0 = System.nanoTime();
        executor.start();
        Progress progress = new Progress("draining " + jobs + " jobs");
        try {
            for (long left; (left = remaining.getAsLong()) > 0; ) {
                progress.check(left);
                Thread.sleep(20);
            }
        } finally {
            executor.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(jobs, seconds, counter.counts(), counter.byTarget());
    }

    static JobExecutor executor(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    interface Body {
        void run(int i) throws Exception;
    }

    /** Runs body(0..n-1) on {@code threads} threads and waits for all. */
    static void parallel(int n, int threads, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < n; i += threads) {
                        body.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
