package com.followthrough.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark table: printed at the end of the run and written to target/bench/results.md. */
final class Results {

    private static final List<String[]> rows = new ArrayList<>();

    private Results() {
    }

    static synchronized void add(String scenario, String database, String variant, String figure, String note) {
        rows.add(new String[] {scenario, database, variant, figure, note});
        System.out.printf("BENCH | %s | %s | %s | %s | %s%n", scenario, database, variant, figure, note);
    }

    static synchronized String markdown() {
        StringBuilder table = new StringBuilder("| scenario | database | variant | figure | note |\n|---|---|---|---|---|\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return table.toString();
    }

    static synchronized void write() {
        String table = markdown();
        System.out.println("\n=== Followthrough benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ") ===\n" + table);
        try {
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "results.md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
