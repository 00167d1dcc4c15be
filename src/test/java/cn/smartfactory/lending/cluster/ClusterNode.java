package cn.smartfactory.lending.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One platform node in its own JVM, started as an operator would start it (the platform's main
 * class, postgres profile, its own port and node name), so that stopping it is a real process
 * death: its connections drop, its in-flight transactions roll back, its job locks stay behind.
 */
final class ClusterNode implements AutoCloseable {

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private ClusterNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node and waits until its REST API answers. */
    static ClusterNode start(String name, String jdbcUrl, String dbUser, int lockTimeMillis, String... extra) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "cluster", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "cn.smartfactory.lending.LendingPlatformApplication",
                "--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + dbUser, "--spring.datasource.password=",
                "--server.port=" + port,
                "--lending.node-name=" + name,
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + lockTimeMillis,
                // Pick up new jobs within a second instead of Camunda's idle back-off of up to a minute.
                "--camunda.bpm.job-execution.max-wait=1000",
                "--logging.level.root=WARN"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ClusterNode node = new ClusterNode(name, port, log, process);
        node.awaitReady(Duration.ofMinutes(3));
        return node;
    }

    private void awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/engine"))
                        .header("Authorization", basic("admin")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not start within " + limit + "; see " + log + ":\n" + tail());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A crash: the JVM is killed, nothing shuts down in order. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
