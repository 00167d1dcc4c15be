package cn.smartfactory.lending.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.origination.InvestigationVariables;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * Drives applications through the whole loan-origination line on an engine, as the demo staff
 * would in Tasklist: the account manager submits the start form, operations and the investigator
 * claim and submit their forms, the asynchronous steps run as jobs, an approver approves, operations
 * sign and disburse. Every step is timed. The borrower is worked case 3 (retail store, grade A), whose
 * route is a single approver — the route the bare engine's constant delegates also take.
 */
final class OriginationLine {

    /** Today in the bank's zone: contract and disbursement dates must lie around it. */
    static final String TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

    enum Step {
        START_FORM, BUREAU_QUERY, INVESTIGATION, SCORING_JOB, REPORT_JOB, APPROVAL, CONTRACT, DISBURSEMENT, HAND_OVER_JOB
    }

    /** Wall time and per-step latencies of one run. */
    record Run(int loans, double seconds, Map<Step, double[]> stepMillis) {

        double loansPerSecond() {
            return loans / seconds;
        }

        double percentile(Step step, int p) {
            return MonitoringScaleBenchmark.percentile(stepMillis.get(step), p);
        }
    }

    static final String WORKED_CASE = "3-retail-store";
    private static final Map<String, String> GROUPS = Map.of("am1", "account-managers", "ops1", "central-operations",
            "ops2", "central-operations", "inv1", "investigators", "apr1", "approvers");

    private final ProcessEngine engine;
    private final Map<String, Object> startForm;
    private final Map<String, Object> bureauForm;
    private final Map<String, Object> checklist;

    OriginationLine(ProcessEngine engine) {
        this.engine = engine;
        InvestigationRecord record = WorkedCases.load(WORKED_CASE);
        this.startForm = InvestigationVariables.startFormValues(record, "11010119800101123X", "WALK_IN");
        this.bureauForm = InvestigationVariables.bureauFormValues(record);
        this.checklist = InvestigationVariables.checklistValues(record);
    }

    /** Runs {@code loans} applications from {@code threads} threads, each thread taking whole loans. */
    Run run(int loans, int threads) throws Exception {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("loan-origination")
                .latestVersion().singleResult().getId();
        List<EnumMap<Step, List<Double>>> perThread = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            EnumMap<Step, List<Double>> timings = new EnumMap<>(Step.class);
            for (Step step : Step.values()) {
                timings.put(step, new ArrayList<>());
            }
            perThread.add(timings);
            int share = loans / threads + (t < loans % threads ? 1 : 0);
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    oneLoan(definition, timings);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<Step, double[]> merged = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            merged.put(step, perThread.stream().flatMap(m -> m.get(step).stream()).mapToDouble(Double::doubleValue).toArray());
        }
        return new Run(loans, seconds, merged);
    }

    /**
     * Takes {@code loans} applications up to their first asynchronous step (start form, bureau query,
     * investigation) and leaves the scoring job waiting for the job executor.
     */
    void toDueDiligence(int loans, int threads) throws Exception {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("loan-origination")
                .latestVersion().singleResult().getId();
        JobDrain.parallel(loans, threads, i -> {
            String pi = as("am1", () -> engine.getFormService().submitStartForm(definition, startForm).getId());
            submit(pi, "Task_QueryCreditBureau", "ops1", bureauForm);
            submit(pi, "Task_InvestigateOnSite", "inv1", checklist);
        });
    }

    private void oneLoan(String definition, Map<Step, List<Double>> timings) {
        long t = System.nanoTime();
        String pi = as("am1", () -> engine.getFormService().submitStartForm(definition, startForm).getId());
        t = lap(timings, Step.START_FORM, t);
        submit(pi, "Task_QueryCreditBureau", "ops1", bureauForm);
        t = lap(timings, Step.BUREAU_QUERY, t);
        submit(pi, "Task_InvestigateOnSite", "inv1", checklist);
        t = lap(timings, Step.INVESTIGATION, t);
        runJob(pi);
        t = lap(timings, Step.SCORING_JOB, t);
        runJob(pi);
        t = lap(timings, Step.REPORT_JOB, t);
        submit(pi, "Task_ApproveSingle", "apr1", Map.of("approvalDecision", "APPROVE",
                "approvalOpinion", "Figures checked against the report 已核对报告"));
        t = lap(timings, Step.APPROVAL, t);
        submit(pi, "Task_SignContract", "ops2", Map.of("contractNumber", "HT-" + pi.toUpperCase(java.util.Locale.ROOT), "contractSignedOn", TODAY,
                "conditionsFulfilled", true));
        t = lap(timings, Step.CONTRACT, t);
        submit(pi, "Task_Disburse", "ops2", Map.of("disbursedAmount", 100000, "disbursementAccount", "6222020200112233",
                "disbursedOn", TODAY));
        t = lap(timings, Step.DISBURSEMENT, t);
        runJob(pi);
        lap(timings, Step.HAND_OVER_JOB, t);
        if (engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi)
                .activityId("EndEvent_LoanDisbursed").count() != 1) {
            throw new IllegalStateException("Application " + pi + " did not reach EndEvent_LoanDisbursed");
        }
    }

    private void submit(String pi, String taskKey, String user, Map<String, Object> values) {
        as(user, () -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new IllegalStateException("Application " + pi + " has no open " + taskKey);
            }
            engine.getTaskService().claim(task.getId(), user);
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
    }

    /** Runs the application's one due job, as the job executor would (no user authenticated). */
    private void runJob(String pi) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi).executable().singleResult();
        if (job == null) {
            throw new IllegalStateException("Application " + pi + " has no due job");
        }
        engine.getManagementService().executeJob(job.getId());
    }

    private <T> T as(String user, java.util.function.Supplier<T> action) {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(user, List.of(GROUPS.get(user)));
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static long lap(Map<Step, List<Double>> timings, Step step, long since) {
        long now = System.nanoTime();
        timings.get(step).add((now - since) / 1e6);
        return now;
    }
}
