package com.followthrough.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark table: one row per figure, each with the target it is held against and the machine's load averages
 * when it was taken (other work on a shared machine depresses the figures). Printed once at the end of the run
 * ({@link ResultsPrinter}) and written to target/bench/results.md; rows are also printed as they come ({@code BENCH
 * |}).
 */
final class Results {

    private static final List<String[]> rows = new ArrayList<>();
    private static final List<String> loads = new ArrayList<>();
    private static final Instant started = Instant.now();

    private Results() {
    }

    /**
     * @param target the target in words, empty if none
     * @param met    whether the figure meets it; null if there is no target
     */
    static synchronized void add(String scenario, String database, String variant, String figure, String target,
            Boolean met, String note) {
        String load = loadAverage();
        loads.add(load);
        String verdict = met == null ? "" : met ? "met" : "**missed**";
        rows.add(new String[] {scenario, database, variant, figure, target, verdict, note, load});
        System.out.printf("BENCH | %s | %s | %s | %s | %s %s | %s | load %s%n", scenario, database, variant, figure,
                target, verdict, note, load);
        write(false);
    }

    static synchronized void add(String scenario, String database, String variant, String figure, String note) {
        add(scenario, database, variant, figure, "", null, note);
    }

    static synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The 1-, 5- and 15-minute load averages of the machine (from /proc/loadavg, else the JVM's 1-minute one). */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static synchronized String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB max heap in the benchmark JVM, Java ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("), ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(".  \nRun: ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" → ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" UTC; load average (1/5/15 min) per row,")
                .append(" from ").append(loads.isEmpty() ? "-" : loads.get(0)).append(" to ")
                .append(loads.isEmpty() ? "-" : loads.get(loads.size() - 1))
                .append(" (2 cores: a load above 2 means other work competed for the CPU).\n\n");
        table.append("| scenario | database | variant | figure | target | verdict | note | load avg 1/5/15 |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return table.toString();
    }

    /** Writes target/bench/results.md; prints the table too when {@code print}. */
    static synchronized void write(boolean print) {
        String table = markdown();
        if (print) {
            System.out.println("\n=== Followthrough benchmark ===\n" + table);
        }
        try {
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "results.md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
