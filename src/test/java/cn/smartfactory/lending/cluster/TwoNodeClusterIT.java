package cn.smartfactory.lending.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.origination.InvestigationVariables;
import cn.smartfactory.lending.platform.PostgresTestServer;
import cn.smartfactory.lending.platform.RestVariables;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * The cluster topology of docs/cluster.md, for real: two platform nodes, each its own JVM with its
 * job executor on, sharing one PostgreSQL database, and the demo staff's REST calls spread over
 * them by a round-robin balancer. 500 applications go through the asynchronous steps (scoring, then
 * the credit report) — half with one node running, half with two — and every job is shown to have
 * run exactly once, on either node, with no application lost or duplicated. Then one node is
 * killed while it holds job locks; the other finishes those jobs once the locks expire.
 */
class TwoNodeClusterIT {

    static final int APPLICATIONS = 500;
    static final int FAILOVER_APPLICATIONS = 60;
    /** Camunda's default lock is 5 minutes; shortened so the surviving node takes over within the test. */
    static final int LOCK_MILLIS = 10_000;
    static final String DATABASE = "lending_cluster";
    static final int CLIENT_THREADS = 4;

    private final InvestigationRecord borrower = WorkedCases.load("3-retail-store");
    private final String url = PostgresTestServer.database(DATABASE);

    @Test
    void twoNodesRunEveryJobExactlyOnceAndOneFinishesTheOthersWorkAfterItDies() throws Exception {
        PostgresTestServer.require("the two-node cluster test");
        PostgresTestServer.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
        // The first node alone creates the schema and the demo data; the second joins a ready database.
        try (ClusterNode node1 = ClusterNode.start("node-1", url, PostgresTestServer.USER, LOCK_MILLIS)) {
            Batch oneNode = batch(new LoadBalancedClient(List.of(node1)), APPLICATIONS / 2);
            try (ClusterNode node2 = ClusterNode.start("node-2", url, PostgresTestServer.USER, LOCK_MILLIS)) {
                webappSessionsLiveOnTheirNode(node1, node2);
                LoadBalancedClient both = new LoadBalancedClient(List.of(node1, node2));
                Batch twoNodes = batch(both, APPLICATIONS - APPLICATIONS / 2);
                System.out.printf(Locale.ROOT, "Cluster throughput, scoring and report jobs of %d applications each: "
                                + "1 node %.1f jobs/s, 2 nodes %.1f jobs/s (ratio %.2f)%n", oneNode.instances().size(),
                        oneNode.jobsPerSecond(), twoNodes.jobsPerSecond(), twoNodes.jobsPerSecond() / oneNode.jobsPerSecond());

                List<String> all = new ArrayList<>(oneNode.instances());
                all.addAll(twoNodes.instances());
                assertThat(all).as("500 distinct applications").doesNotHaveDuplicates().hasSize(APPLICATIONS);
                assertEveryJobRanExactlyOnce(all);
                Map<String, Integer> byNode = successfulJobsByNode(twoNodes.instances());
                assertThat(byNode).as("both nodes ran jobs of the second half: %s", byNode)
                        .containsOnlyKeys("node-1", "node-2");
                assertThat(byNode.values()).allSatisfy(n -> assertThat(n).isPositive());

                failover(both, node1, node2);
            }
        }
    }

    /**
     * Why the balancer must keep a browser on its node: a Tasklist login is a session on the node
     * that served it; the same browser (same cookies) on the other node is not logged in.
     */
    private void webappSessionsLiveOnTheirNode(ClusterNode loginNode, ClusterNode otherNode) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(loginNode.baseUrl() + "/camunda/app/tasklist/default/"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        var login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(loginNode.baseUrl()
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=am1&password=demo")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("Tasklist login on %s: %s", loginNode.name, login.body()).isEqualTo(200);
        String who = "/camunda/api/admin/auth/user/default";
        var here = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(loginNode.baseUrl() + who)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(here.statusCode()).isEqualTo(200);
        assertThat(here.body()).contains("\"userId\":\"am1\"");
        var there = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(otherNode.baseUrl() + who)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(there.statusCode()).as("the same browser on %s is not logged in: %s", otherNode.name, there.body())
                .isEqualTo(404);
        assertThat(there.body()).doesNotContain("am1");
    }

    /** Applications started with their scoring jobs held (suspended), then released and timed until done. */
    private record Batch(List<String> instances, double seconds) {
        double jobsPerSecond() {
            return 2.0 * instances.size() / seconds;
        }
    }

    private Batch batch(LoadBalancedClient client, int applications) throws Exception {
        setScoringSuspended(client, true);
        List<String> instances = drive(client, applications);
        long t0 = System.nanoTime();
        setScoringSuspended(client, false);
        awaitNoJobs(instances, Duration.ofMinutes(5));
        return new Batch(instances, (System.nanoTime() - t0) / 1e9);
    }

    private void failover(LoadBalancedClient client, ClusterNode survivor, ClusterNode victim) throws Exception {
        setScoringSuspended(client, true);
        List<String> instances = drive(client, FAILOVER_APPLICATIONS);
        setScoringSuspended(client, false);
        Map<String, Timestamp> locked = Map.of();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (locked.isEmpty()) {
            assertThat(System.nanoTime()).as("node-2 never locked a job").isLessThan(deadline);
            locked = jobsLockedBy(victim.name);
            Thread.sleep(5);
        }
        victim.kill();
        Map<String, Timestamp> leftLocked = new HashMap<>();
        for (var job : locked.entrySet()) {
            if (successes(job.getKey()).isEmpty()) {
                leftLocked.put(job.getKey(), job.getValue());
            }
        }
        assertThat(leftLocked).as("jobs node-2 held, unfinished, when it died").isNotEmpty();

        LoadBalancedClient survivorOnly = new LoadBalancedClient(List.of(survivor));
        awaitNoJobs(instances, Duration.ofMinutes(3));
        assertEveryJobRanExactlyOnce(instances);
        for (var job : leftLocked.entrySet()) {
            List<Object[]> runs = successes(job.getKey());
            assertThat(runs).as("job %s ran once", job.getKey()).hasSize(1);
            assertThat(runs.get(0)[0]).as("by the surviving node").isEqualTo(survivor.name);
            assertThat((Timestamp) runs.get(0)[1]).as("after node-2's lock expired").isAfterOrEqualTo(job.getValue());
        }
        // The survivor serves the staff alone: the applications wait for an approver there.
        JsonNode tasks = survivorOnly.get("apr1", "/engine-rest/task?processInstanceId=" + instances.get(0));
        assertThat(tasks).hasSize(1);
        System.out.printf(Locale.ROOT, "Failover: node-2 killed holding %d job locks (%d unfinished); node-1 ran them after "
                + "the %d ms lock expired%n", locked.size(), leftLocked.size(), LOCK_MILLIS);
    }

    // ---- the staff's work through the balancer -----------------------------------------------------

    /** Start form by the account manager, bureau query by operations, checklist by the investigator. */
    private List<String> drive(LoadBalancedClient client, int applications) throws Exception {
        Map<String, Object> start = RestVariables.variables(InvestigationVariables.startFormValues(borrower,
                "11010119800101123X", "WALK_IN"));
        Map<String, Object> bureau = RestVariables.variables(InvestigationVariables.bureauFormValues(borrower));
        Map<String, Object> checklist = RestVariables.variables(InvestigationVariables.checklistValues(borrower));
        List<String> instances = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < applications; i++) {
                done.add(pool.submit(() -> {
                    String pi = client.post("am1", "/engine-rest/process-definition/key/loan-origination/submit-form", start, 200)
                            .get("id").asText();
                    instances.add(pi);
                    for (JsonNode task : client.get("admin", "/engine-rest/task?processInstanceId=" + pi)) {
                        boolean bureauTask = task.get("taskDefinitionKey").asText().equals("Task_QueryCreditBureau");
                        String user = bureauTask ? "ops1" : "inv1";
                        String id = task.get("id").asText();
                        client.post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user), 204);
                        client.post(user, "/engine-rest/task/" + id + "/submit-form", bureauTask ? bureau : checklist, 204);
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
        return new ArrayList<>(instances);
    }

    /** Holds (or releases) the scoring jobs, existing and new, so a batch's jobs start together. */
    private void setScoringSuspended(LoadBalancedClient client, boolean suspended) throws Exception {
        JsonNode definitions = client.get("admin",
                "/engine-rest/job-definition?processDefinitionKey=loan-origination&activityIdIn=Task_ScoreApplication");
        for (JsonNode definition : definitions) {
            client.put("admin", "/engine-rest/job-definition/" + definition.get("id").asText() + "/suspended",
                    Map.of("suspended", suspended, "includeJobs", true));
        }
    }

    // ---- what the database shows ------------------------------------------------------------------

    private void assertEveryJobRanExactlyOnce(List<String> instances) throws SQLException {
        try (Connection c = connect()) {
            String in = inList(instances);
            for (String step : List.of("Task_ScoreApplication", "Task_GenerateCreditReport")) {
                assertThat(count(c, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = '" + step + "' AND END_TIME_ IS NOT NULL"
                        + " AND PROC_INST_ID_ IN " + in)).as("%s completed once per application", step).isEqualTo(instances.size());
            }
            assertThat(count(c, "SELECT COUNT(DISTINCT JOB_ID_) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND PROCESS_INSTANCE_ID_ IN "
                    + in)).as("two successful jobs per application").isEqualTo(2L * instances.size());
            assertThat(count(c, "SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND "
                    + "PROCESS_INSTANCE_ID_ IN " + in + " GROUP BY JOB_ID_ HAVING COUNT(*) > 1) twice"))
                    .as("no job succeeded twice").isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1 AND PROCESS_INSTANCE_ID_ IN " + in))
                    .as("no job failed").isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM ACT_HI_DECINST WHERE DEC_DEF_KEY_ = 'risk-grade' AND PROC_INST_ID_ IN " + in))
                    .as("one graded assessment on record per application").isEqualTo(instances.size());
            assertThat(count(c, "SELECT COUNT(*) FROM credit_report WHERE process_instance_id IN " + in))
                    .as("one credit report per application").isEqualTo(instances.size());
            assertThat(count(c, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ApproveSingle' AND PROC_INST_ID_ IN "
                    + in)).as("every application waits for its approver").isEqualTo(instances.size());
        }
    }

    private Map<String, Integer> successfulJobsByNode(List<String> instances) throws SQLException {
        Map<String, Integer> byNode = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG "
                + "WHERE JOB_STATE_ = 2 AND PROCESS_INSTANCE_ID_ IN " + inList(instances) + " GROUP BY HOSTNAME_");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                byNode.put(r.getString(1), r.getInt(2));
            }
        }
        return byNode;
    }

    /** Jobs whose lock the node holds now, with the lock's expiry. */
    private Map<String, Timestamp> jobsLockedBy(String node) throws SQLException {
        Map<String, Timestamp> locked = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT ID_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ? AND LOCK_EXP_TIME_ > LOCALTIMESTAMP")) {
            s.setString(1, node);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    locked.put(r.getString(1), r.getTimestamp(2));
                }
            }
        }
        return locked;
    }

    /** The successful runs of a job: node and time. */
    private List<Object[]> successes(String jobId) throws SQLException {
        List<Object[]> runs = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT HOSTNAME_, TIMESTAMP_ FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = ? AND JOB_STATE_ = 2")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    runs.add(new Object[] {r.getString(1), r.getTimestamp(2)});
                }
            }
        }
        return runs;
    }

    private void awaitNoJobs(List<String> instances, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String sql = "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN " + inList(instances);
        try (Connection c = connect()) {
            long left;
            while ((left = count(c, sql)) > 0) {
                assertThat(System.nanoTime()).as("%d jobs still open", left).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresTestServer.USER, "");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Instance ids are the engine's own UUIDs, never user input, so they may be inlined. */
    private static String inList(List<String> ids) {
        return ids.stream().map(id -> "'" + id.replace("'", "") + "'").collect(java.util.stream.Collectors.joining(",", "(", ")"));
    }
}
