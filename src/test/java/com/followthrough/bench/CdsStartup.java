package com.followthrough.bench;

import com.followthrough.cluster.ApplicationNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The README's faster start-up, as an operator runs it: the jar extracted ({@code -Djarmode=tools}), a class-data
 * sharing archive written by one start that exits after the context refresh, then a node started with it.
 *
 * @param seconds         process start to healthy
 * @param springSeconds   Spring Boot's own "process running for"
 * @param trainingSeconds the start that wrote the archive (once per build)
 */
record CdsStartup(double seconds, double springSeconds, double trainingSeconds) {

    /** @param nodeJvm a node's JVM options by its name */
    static CdsStartup measure(String databaseUrl, Function<String, List<String>> nodeJvm) throws Exception {
        Path directory = Path.of("target", "bench", "extracted");
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "cluster", "storm-cds.log");
        run(List.of(java, "-Djarmode=tools", "-jar", ApplicationNode.packagedJar().toString(), "extract",
                "--destination", directory.toString()), log);
        Path jar;
        try (var files = Files.list(directory)) {
            jar = files.filter(file -> file.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Path archive = directory.resolve("app.jsa");
        // Without JFR: a JFR recording started with a dynamic CDS archive crashed the JVM here (OpenJDK 17.0.15,
        // SIGSEGV in KlassFactory::check_shared_class_file_load_hook); the storm's nodes keep bench.node-jvm whole.
        List<String> training = new ArrayList<>(withoutFlightRecorder(nodeJvm.apply("storm-cds-training")));
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"));
        long trainingStart = System.nanoTime();
        run(ApplicationNode.command("storm-cds-training", training, jar, 0, databaseUrl), log);
        double trainingSeconds = (System.nanoTime() - trainingStart) / 1e9;
        if (!Files.exists(archive)) {
            throw new IllegalStateException("No CDS archive written; see " + log);
        }
        List<String> jvm = new ArrayList<>(withoutFlightRecorder(nodeJvm.apply("storm-cds")));
        jvm.add("-XX:SharedArchiveFile=" + archive);
        try (ApplicationNode node = ApplicationNode.start("storm-cds", jvm, jar, databaseUrl)) {
            return new CdsStartup(node.startupMillis() / 1000.0, node.processRunningSecondsAtStart(), trainingSeconds);
        }
    }

    private static List<String> withoutFlightRecorder(List<String> options) {
        return options.stream().filter(option -> !option.startsWith("-XX:StartFlightRecording")).toList();
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = ApplicationNode.launch(command, log);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Failed: " + String.join(" ", command) + "; see " + log);
        }
    }
}
