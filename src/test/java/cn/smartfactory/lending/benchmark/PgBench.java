package cn.smartfactory.lending.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.smartfactory.lending.platform.PostgresTestServer;

/**
 * The database's ceiling for job-shaped work: pgbench runs a custom script that does, per
 * transaction pair, what the engine's statement counter measured per job — an acquisition
 * (select the next due jobs, lock one) and an execution transaction with the same number of
 * selects, inserts, updates and deletes — on tables shaped like the job, execution and history
 * tables, at the job executor's concurrency.
 */
final class PgBench {

    static final String DATABASE = "lending_pgbench";
    private static final int ROWS = 100_000;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** The per-job statement mix the script reproduces. */
    record Shape(int selects, int inserts, int updates, int deletes) {

        static Shape of(JobDrain.Result measured) {
            return new Shape((int) Math.round(measured.perJob("select")), (int) Math.round(measured.perJob("insert")),
                    (int) Math.round(measured.perJob("update")), (int) Math.round(measured.perJob("delete")));
        }

        int statements() {
            return selects + inserts + updates + deletes;
        }
    }

    /** pgbench's transactions (one per job) per second. */
    record Result(Shape shape, int clients, double tps, String script) {
    }

    private PgBench() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Result run(Shape shape, int clients, int seconds) throws Exception {
        PostgresTestServer.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
        try (var c = java.sql.DriverManager.getConnection(PostgresTestServer.database(DATABASE), PostgresTestServer.USER, "");
             var s = c.createStatement()) {
            s.execute("SET jit = off");
            s.execute("CREATE TABLE bench_job (id BIGINT PRIMARY KEY, rev INT NOT NULL, due TIMESTAMP NOT NULL, "
                    + "lock_owner VARCHAR(255), lock_exp TIMESTAMP, retries INT NOT NULL, handler_cfg VARCHAR(4000))");
            s.execute("CREATE INDEX bench_job_due ON bench_job (due)");
            s.execute("CREATE TABLE bench_execution (id BIGINT PRIMARY KEY, rev INT NOT NULL, activity VARCHAR(255), "
                    + "active BOOLEAN NOT NULL)");
            s.execute("CREATE TABLE bench_history (id BIGSERIAL PRIMARY KEY, execution BIGINT NOT NULL, kind VARCHAR(64), "
                    + "at TIMESTAMP NOT NULL, payload VARCHAR(4000))");
            s.execute("INSERT INTO bench_job SELECT g, 1, now() - interval '1 minute', NULL, NULL, 3, 'Task_NoOp' "
                    + "FROM generate_series(1, " + ROWS + ") g");
            s.execute("INSERT INTO bench_execution SELECT g, 1, 'Task_NoOp', true FROM generate_series(1, " + ROWS + ") g");
            s.execute("ANALYZE");
        }
        Path script = Files.createTempFile("job-shaped", ".sql");
        String text = script(shape);
        Files.writeString(script, text);
        URI uri = URI.create(PostgresTestServer.ADMIN_URL.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-c", String.valueOf(clients), "-j",
                String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T", String.valueOf(seconds),
                "-f", script.toString(), "-h", uri.getHost(), "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U", PostgresTestServer.USER, DATABASE));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench output: " + output);
        }
        Files.delete(script);
        return new Result(shape, clients, Double.parseDouble(tps.group(1)), text);
    }

    /**
     * One job: an acquisition transaction (the engine selects up to a few due jobs and locks them;
     * here one select and one lock per job, a slight overstatement of the database's work) and an
     * execution transaction with the rest of the measured statements. The deleted job row is put
     * back so the table keeps its size.
     */
    static String script(Shape shape) {
        StringBuilder s = new StringBuilder();
        s.append("\\set id random(1, ").append(ROWS).append(")\n");
        s.append("BEGIN;\n");
        s.append("SELECT id, rev FROM bench_job WHERE due <= now() AND (lock_owner IS NULL OR lock_exp <= now()) "
                + "ORDER BY due LIMIT 3;\n");
        s.append("UPDATE bench_job SET rev = rev + 1, lock_owner = 'node', lock_exp = now() + interval '5 minutes' "
                + "WHERE id = :id;\n");
        s.append("COMMIT;\n");
        s.append("BEGIN;\n");
        int selects = Math.max(0, shape.selects() - 1);
        int updates = Math.max(0, shape.updates() - 1);
        int inserts = shape.inserts();
        int deletes = shape.deletes();
        for (int i = 0; i < selects; i++) {
            s.append(i % 2 == 0 ? "SELECT * FROM bench_job WHERE id = :id;\n" : "SELECT * FROM bench_execution WHERE id = :id;\n");
        }
        for (int i = 0; i < updates; i++) {
            s.append("UPDATE bench_execution SET rev = rev + 1, activity = 'EndEvent_NoOp' WHERE id = :id;\n");
        }
        for (int i = 0; i < deletes; i++) {
            s.append("DELETE FROM bench_job WHERE id = :id;\n");
        }
        int historyInserts = deletes > 0 ? Math.max(0, inserts - 1) : inserts;
        for (int i = 0; i < historyInserts; i++) {
            s.append("INSERT INTO bench_history (execution, kind, at, payload) VALUES (:id, 'event-").append(i)
                    .append("', now(), 'activity instance or job log entry of a no-op job');\n");
        }
        if (deletes > 0 && inserts > 0) {
            s.append("INSERT INTO bench_job VALUES (:id, 1, now() - interval '1 minute', NULL, NULL, 3, 'Task_NoOp') "
                    + "ON CONFLICT (id) DO NOTHING;\n");
        }
        s.append("COMMIT;\n");
        return s.toString();
    }
}
