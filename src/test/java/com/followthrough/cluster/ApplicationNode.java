package com.followthrough.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Followthrough node: the packaged jar started with {@code java -jar} in its own JVM, as an operator runs it.
 * {@link #kill()} is SIGKILL: no shutdown hook, no graceful release of job locks.
 */
public final class ApplicationNode implements AutoCloseable {

    /** The JVM options of a test node: small heap, quick start (C1 only). */
    static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private long startupMillis;
    private long logLinesBefore;

    private ApplicationNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node on the postgres profile and waits until it reports healthy. */
    static ApplicationNode start(String name, String databaseUrl, String... extraArguments) {
        return start(name, TEST_JVM, databaseUrl, extraArguments);
    }

    /** Starts a node with the given JVM options on the postgres profile and waits until it reports healthy. */
    public static ApplicationNode start(String name, List<String> jvmOptions, String databaseUrl,
            String... extraArguments) {
        return start(name, jvmOptions, packagedJar(), databaseUrl, extraArguments);
    }

    /** Starts a node from the given jar (e.g. an extracted one) and waits until it reports healthy. */
    public static ApplicationNode start(String name, List<String> jvmOptions, Path jar, String databaseUrl,
            String... extraArguments) {
        int port = freePort();
        return start(name, port, command(name, jvmOptions, jar, port, databaseUrl, extraArguments), null);
    }

    /**
     * Starts a node on the embedded default, as {@code java -jar} in {@code directory} runs it: the demo profile and
     * the H2 file {@code ./data/followthrough} under that directory (application.yml's URL, unchanged).
     */
    static ApplicationNode startOnH2(String name, Path directory, String... extraArguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(TEST_JVM);
        command.addAll(List.of("-jar", packagedJar().toAbsolutePath().toString(), "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        command.addAll(List.of(extraArguments));
        return start(name, port, command, directory);
    }

    private static ApplicationNode start(String name, int port, List<String> command, Path directory) {
        Path log = Path.of("target", "cluster", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            long linesBefore = Files.exists(log) ? lineCount(log) : 0;
            long start = System.nanoTime();
            Process process = launch(command, log, directory);
            ApplicationNode node = new ApplicationNode(name, port, log, process);
            node.logLinesBefore = linesBefore;
            node.awaitHealthy();
            node.startupMillis = (System.nanoTime() - start) / 1_000_000;
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + name, e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command line of a node on the postgres profile, as an operator would type it. */
    public static List<String> command(String name, List<String> jvmOptions, Path jar, int port, String databaseUrl,
            String... extraArguments) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar", jar.toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--FOLLOWTHROUGH_DB_URL=" + databaseUrl,
                "--FOLLOWTHROUGH_DB_USER=postgres",
                "--FOLLOWTHROUGH_DB_PASSWORD=postgres",
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        command.addAll(List.of(extraArguments));
        return command;
    }

    /** Starts a command with its output appended to {@code log}. */
    public static Process launch(List<String> command, Path log) throws IOException {
        return launch(command, log, null);
    }

    private static Process launch(List<String> command, Path log, Path directory) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile().getAbsoluteFile()));
        if (directory != null) {
            Files.createDirectories(directory);
            builder.directory(directory.toFile());
        }
        return builder.start();
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        await("node " + name + " healthy (log: " + log + ")")
                .atMost(Duration.ofSeconds(Integer.getInteger("cluster.node-start-seconds", 180)))
                .pollInterval(Duration.ofMillis(100))
                .failFast("node " + name + " exited", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\""));
    }

    public String name() {
        return name;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** From the process start to the first healthy answer, in milliseconds. */
    public long startupMillis() {
        return startupMillis;
    }

    public Path log() {
        return log;
    }

    /** Spring Boot's own "Started ... in N seconds (process running for M)": M, in seconds; NaN if not logged. */
    public double processRunningSecondsAtStart() {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(line -> java.util.regex.Pattern.compile("process running for ([0-9.]+)\\)").matcher(line))
                    .filter(java.util.regex.Matcher::find).map(matcher -> Double.parseDouble(matcher.group(1)))
                    .reduce((first, later) -> later).orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** A request to this node as a demo user (HTTP Basic, password = user name); {@code json} null: no body. */
    HttpResponse<String> send(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the node's outbox has nothing pending (health details: as the demo's administrator). */
    void awaitOutboxEmpty() {
        await("outbox of " + name + " empty").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .dontCatchUncaughtExceptions()
                .until(() -> send("admin", "GET", "/actuator/health", null).body().contains("\"pending\":0"));
    }

    /** How many lines of this run's log (since it started) contain {@code text}. */
    long logLines(String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.skip(logLinesBefore).filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as when the machine dies. */
    public void kill() {
        process.destroyForcibly();
        // Awaitility reports other threads' uncaught exceptions by default; GreenMail's handler of the SMTP session
        // this kill cuts off throws one, which is the expected consequence of the kill, not a failure of the wait.
        await().atMost(Duration.ofSeconds(30)).dontCatchUncaughtExceptions().until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            await().atMost(Duration.ofSeconds(60)).dontCatchUncaughtExceptions().until(() -> !process.isAlive());
        }
    }

    /** The jar {@code ./mvnw package} built in target/. */
    public static Path packagedJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("followthrough-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
