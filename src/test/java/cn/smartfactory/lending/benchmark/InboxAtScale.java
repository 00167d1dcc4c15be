package cn.smartfactory.lending.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;

import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.identity.TasklistFilters;

/**
 * Tasklist at scale: N open tasks spread over the six working roles (one in five already claimed
 * by one of ten staff of the role), then the queries Tasklist sends when a member of a role opens
 * the platform's inbox filters — the role inbox's first page and its count, and "My tasks" — run
 * as that user with authorization checks, as Tasklist runs them. The SQL of each query is captured
 * and EXPLAINed on PostgreSQL, so a sequential scan shows up in the report.
 */
final class InboxAtScale {

    static final String PROCESS = "benchmark-inbox-";
    static final List<Role> ROLES = List.of(Role.values()).stream().filter(Role::worksTasks).toList();
    static final int STAFF_PER_ROLE = 10;
    private static final java.util.regex.Pattern ACTUAL_ROWS = java.util.regex.Pattern.compile("actual time=[0-9.]+\\.\\.[0-9.]+ rows=([0-9]+)");
    static final int SAMPLES = 200;
    static final int COMPLETIONS = 100;

    /** Latencies (ms) of one role's queries and the plans' sequential scans. */
    record Figures(String role, long inboxCount, double inboxPageP50, double inboxPageP95, double inboxCountP95,
                   double myTasksPageP95, double myTasksCountP95, Set<String> sequentialScans, StatementCounter.Captured inboxCountSql) {
    }

    /** Claiming and completing a task of the role's inbox as a member of the role (ms), and one such pair's statements. */
    record Completion(String role, int samples, double claimP50, double claimP95, double completeP50, double completeP95,
                      long statements, long authorizationSelects) {
    }

    private InboxAtScale() {
    }

    /**
     * One process per role whose task names the role as its candidate group, as the platform's
     * diagrams do, and the role's staff as users of the role's group.
     */
    static void deploy(ProcessEngine engine) {
        var deployment = engine.getRepositoryService().createDeployment().name(PROCESS + "tasks");
        for (Role role : ROLES) {
            var model = Bpmn.createExecutableProcess(PROCESS + role.groupId()).camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Work").userTask("Task_Work").name("Benchmark work item")
                    .camundaCandidateGroups(role.groupId()).camundaAssignee("${assignee}").endEvent("EndEvent_Work").done();
            deployment.addModelInstance(PROCESS + role.groupId() + ".bpmn", model);
        }
        deployment.deploy();
        IdentityService identity = engine.getIdentityService();
        for (Role role : ROLES) {
            for (int n = 0; n < STAFF_PER_ROLE; n++) {
                String id = staff(role, n);
                if (identity.createUserQuery().userId(id).count() == 0) {
                    var user = identity.newUser(id);
                    user.setFirstName(id);
                    user.setPassword("benchmark-" + id);
                    identity.saveUser(user);
                    identity.createMembership(id, role.groupId());
                }
            }
        }
    }

    static String staff(Role role, int n) {
        return "bench" + role.name().toLowerCase(java.util.Locale.ROOT).replace("_", "") + n;
    }

    /** Starts {@code tasks} instances, each waiting at one task of a role; every fifth is assigned. */
    static void seed(ProcessEngine engine, int tasks, int threads) throws Exception {
        JobDrain.parallel(tasks, threads, i -> {
            Role role = ROLES.get(i % ROLES.size());
            String assignee = i % 5 == 0 ? staff(role, (i / (5 * ROLES.size())) % STAFF_PER_ROLE) : null;
            engine.getRuntimeService().startProcessInstanceByKey(PROCESS + role.groupId(),
                    Variables.createVariables().putValue("assignee", assignee));
        });
    }

    static Figures measure(ProcessEngine engine, Role role, StatementCounter counter, DataSource uncounted, boolean explain,
                           int samples) throws Exception {
        FilterService filters = engine.getFilterService();
        String inbox = filter(filters, TasklistFilters.inboxName(role));
        String mine = filter(filters, TasklistFilters.MY_TASKS);
        String user = staff(role, 3);
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(user, List.of(role.groupId()));
        try {
            double[] page = new double[samples];
            double[] count = new double[samples];
            double[] myPage = new double[samples];
            double[] myCount = new double[samples];
            long inboxCount = 0;
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                List<?> first = filters.listPage(inbox, 0, 15);
                page[i] = millis(t);
                t = System.nanoTime();
                inboxCount = filters.count(inbox);
                count[i] = millis(t);
                t = System.nanoTime();
                filters.listPage(mine, 0, 15);
                myPage[i] = millis(t);
                t = System.nanoTime();
                filters.count(mine);
                myCount[i] = millis(t);
                if (first.isEmpty()) {
                    throw new IllegalStateException(role + " inbox is empty");
                }
            }
            Set<String> scans = new LinkedHashSet<>();
            StatementCounter.Captured countSql = null;
            if (explain) {
                counter.startCapture();
                filters.count(inbox);
                List<StatementCounter.Captured> countQueries = counter.stopCapture();
                countSql = countQueries.stream().filter(q -> q.sql().contains("ACT_RU_TASK")).findFirst().orElse(null);
                counter.startCapture();
                filters.listPage(inbox, 0, 15);
                filters.listPage(mine, 0, 15);
                filters.count(mine);
                List<StatementCounter.Captured> queries = new ArrayList<>(countQueries);
                queries.addAll(counter.stopCapture());
                for (StatementCounter.Captured q : queries) {
                    if (q.sql().stripLeading().toLowerCase().startsWith("select") && q.sql().toUpperCase().contains("ACT_RU_TASK")) {
                        scans.addAll(sequentialScans(uncounted, q));
                    }
                }
            }
            return new Figures(role.groupId(), inboxCount, pct(page, 50), pct(page, 95), pct(count, 95), pct(myPage, 95),
                    pct(myCount, 95), scans, countSql);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * A member of the role claims and completes unclaimed tasks of the role's inbox, one after the
     * other, through the engine's API with authorization checks and the platform's controls, as a
     * Tasklist click does; the statements of one claim and completion are counted.
     */
    static Completion complete(ProcessEngine engine, Role role, StatementCounter counter, int wanted) {
        String user = staff(role, 4);
        IdentityService identity = engine.getIdentityService();
        var tasks = engine.getTaskService();
        identity.setAuthentication(user, List.of(role.groupId()));
        try {
            List<String> ids = tasks.createTaskQuery().processDefinitionKey(PROCESS + role.groupId()).taskUnassigned()
                    .orderByTaskCreateTime().asc().listPage(0, wanted + 1).stream().map(t -> t.getId()).toList();
            // A small run (the suite's smoke size) has fewer unclaimed tasks per role than a full one.
            int samples = Math.min(wanted, ids.size() - 1);
            if (samples < 1) {
                throw new IllegalStateException(role + " has only " + ids.size() + " unclaimed tasks");
            }
            double[] claim = new double[samples];
            double[] complete = new double[samples];
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                tasks.claim(ids.get(i), user);
                claim[i] = millis(t);
                t = System.nanoTime();
                tasks.complete(ids.get(i));
                complete[i] = millis(t);
            }
            counter.startCapture();
            tasks.claim(ids.get(samples), user);
            tasks.complete(ids.get(samples));
            // The job executor's acquisition polls run meanwhile on their own threads; they are not this work.
            List<StatementCounter.Captured> statements = counter.stopCapture().stream()
                    .filter(q -> !q.sql().toUpperCase().contains("ACT_RU_JOB")).toList();
            long authorization = statements.stream().filter(q -> q.sql().stripLeading().toLowerCase().startsWith("select")
                    && q.sql().toUpperCase().contains("ACT_RU_AUTHORIZATION")).count();
            return new Completion(role.groupId(), samples, pct(claim, 50), pct(claim, 95), pct(complete, 50), pct(complete, 95),
                    statements.size(), authorization);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The tables a query's plan reads by sequential scan, with the rows it kept (EXPLAIN ANALYZE on PostgreSQL). */
    static List<String> sequentialScans(DataSource uncounted, StatementCounter.Captured query) throws Exception {
        List<String> scans = new ArrayList<>();
        try (Connection c = uncounted.getConnection(); PreparedStatement s = c.prepareStatement("EXPLAIN ANALYZE " + query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                s.setObject(i + 1, query.parameters().get(i));
            }
            try (ResultSet plan = s.executeQuery()) {
                while (plan.next()) {
                    String line = plan.getString(1);
                    int at = line.indexOf("Seq Scan on ");
                    if (at >= 0) {
                        java.util.regex.Matcher rows = ACTUAL_ROWS.matcher(line);
                        scans.add(line.substring(at + "Seq Scan on ".length()).split(" ")[0]
                                + (rows.find() ? " (" + rows.group(1) + " rows)" : ""));
                    }
                }
            }
        }
        return scans;
    }

    /**
     * One run of a captured query the way PostgreSQL runs a statement prepared on the server once its
     * plan cache settles on a generic plan (plan_cache_mode left to the server, after repeated use):
     * forced here on a separate connection.
     */
    static double genericPlanMillis(String jdbcUrl, String user, StatementCounter.Captured query) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl + "?prepareThreshold=1", user, "");
             var session = c.createStatement()) {
            session.execute("SET jit = off");
            session.execute("SET plan_cache_mode = force_generic_plan");
            try (PreparedStatement s = c.prepareStatement(query.sql())) {
                for (int i = 0; i < query.parameters().size(); i++) {
                    s.setObject(i + 1, query.parameters().get(i));
                }
                long t = System.nanoTime();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getObject(1);
                    }
                }
                return millis(t);
            }
        }
    }

    private static String filter(FilterService filters, String name) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            throw new IllegalStateException("No Tasklist filter " + name);
        }
        return filter.getId();
    }

    private static double pct(double[] values, int p) {
        return MonitoringScaleBenchmark.percentile(values, p);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
