package com.followthrough.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures an operator sizes a cluster from (issue 20), taken around one reminder storm: CPU milliseconds per
 * reminder in the node JVMs, in the PostgreSQL server's processes and in the SMTP server's JVM, each read from /proc
 * ({@link ProcessCpu}) when the due dates are set and again when every check-in task and mail is there; and database
 * commits per reminder, from {@code pg_stat_database.xact_commit} of the nodes' database, read before and again once
 * the nodes have stopped (a backend publishes its counters at the latest when it ends), less the benchmark's own
 * statements.
 */
final class StormSizing {

    private final List<Long> nodePids;
    private final long postmasterPid;
    private final long smtpPid;
    private final JdbcTemplate statistics;
    private final String database;
    private final Reading before;
    private final long commitsBefore;
    private Reading after;
    private OptionalLong commits = OptionalLong.empty();
    private long ownStatements;

    private record Reading(long nanos, OptionalLong nodes, OptionalLong postgres, OptionalLong smtp) {
    }

    /**
     * @param statistics a connection to another database of the same server (reading statistics is a transaction too)
     * @param database   the nodes' database
     */
    StormSizing(List<Long> nodePids, long postmasterPid, long smtpPid, JdbcTemplate statistics, String database) {
        this.nodePids = List.copyOf(nodePids);
        this.postmasterPid = postmasterPid;
        this.smtpPid = smtpPid;
        this.statistics = statistics;
        this.database = database;
        this.commitsBefore = commits();
        this.before = read();
    }

    /** Every check-in task and mail is there: the CPU readings' end. */
    void stormDone() {
        after = read();
    }

    /**
     * The nodes have stopped: waits until no connection to their database is left, then reads the commits.
     *
     * @param ownStatements the benchmark's own statements on that database since the start (each one a commit)
     */
    void nodesStopped(long ownStatements) {
        this.ownStatements = ownStatements;
        // With no connection left nothing new can commit there; an ending backend may publish its counters just after
        // it leaves pg_stat_activity, so the count is taken once it reads the same twice in a row.
        AtomicLong last = new AtomicLong(-1);
        await("every connection to " + database + " closed and its counters published").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (connections() > 0) {
                        return false;
                    }
                    long now = commits();
                    return last.getAndSet(now) == now;
                });
        commits = OptionalLong.of(last.get() - commitsBefore - ownStatements);
    }

    void report(String variant, int reminders) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        String window = "over the %.1f s from setting the due dates to the last check-in task and mail".formatted(seconds);
        cpuRow("reminder storm: CPU per reminder, node JVM(s)", variant, reminders, before.nodes(), after.nodes(),
                "in %d node JVM(s) %s (/proc: user + system; incl. the benchmark's heap sample once a second)"
                        .formatted(nodePids.size(), window));
        cpuRow("reminder storm: CPU per reminder, PostgreSQL server", variant, reminders, before.postgres(),
                after.postgres(), ("in the postmaster and all its processes (backends, writers, autovacuum) %s; incl. "
                        + "the benchmark's own polling, one count(*) of the check-in tasks every 200 ms").formatted(window));
        cpuRow("reminder storm: CPU per reminder, SMTP server", variant, reminders, before.smtp(), after.smtp(),
                "in GreenMail's own JVM (its JIT and GC included) " + window);
        if (commits.isEmpty()) {
            Results.add("reminder storm: database commits per reminder", "PostgreSQL", variant, "not measured",
                    "the nodes' database was not read after they stopped");
        } else {
            Results.add("reminder storm: database commits per reminder", "PostgreSQL", variant,
                    "%.2f".formatted((double) commits.getAsLong() / reminders),
                    ("%,d commits in the nodes' database (pg_stat_database.xact_commit) from setting the due dates until "
                            + "the nodes stopped, less the benchmark's own %,d statements; incl. the nodes' background "
                            + "work in that time (job acquisition, outbox polling, shutdown) and the sign-ins of the "
                            + "benchmark's heap samples (one Actuator request per node per second)")
                            .formatted(commits.getAsLong(), ownStatements));
        }
    }

    /** CPU ms in the node JVM(s), in PostgreSQL and in the SMTP server over the storm, if all three could be read. */
    Optional<long[]> cpuMillis() {
        if (before.nodes().isEmpty() || after.nodes().isEmpty() || before.postgres().isEmpty()
                || after.postgres().isEmpty() || before.smtp().isEmpty() || after.smtp().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new long[] {after.nodes().getAsLong() - before.nodes().getAsLong(),
                after.postgres().getAsLong() - before.postgres().getAsLong(),
                after.smtp().getAsLong() - before.smtp().getAsLong()});
    }

    private static void cpuRow(String scenario, String variant, int reminders, OptionalLong before, OptionalLong after,
            String note) {
        if (before.isEmpty() || after.isEmpty()) {
            Results.add(scenario, "PostgreSQL", variant, "not measured", "/proc could not be read for the process(es)");
            return;
        }
        long millis = after.getAsLong() - before.getAsLong();
        Results.add(scenario, "PostgreSQL", variant, "%.2f ms".formatted((double) millis / reminders),
                "%,.1f s of CPU ".formatted(millis / 1000.0) + note);
    }

    private Reading read() {
        return new Reading(System.nanoTime(), ProcessCpu.millis(nodePids), ProcessCpu.treeMillis(postmasterPid),
                ProcessCpu.millis(smtpPid));
    }

    private long commits() {
        return number(() -> statistics.queryForObject("select xact_commit from pg_stat_database where datname = ?",
                Long.class, database));
    }

    private long connections() {
        return number(() -> statistics.queryForObject("select count(*) from pg_stat_activity where datname = ?",
                Long.class, database));
    }

    private static long number(Supplier<Long> query) {
        Long value = query.get();
        return value == null ? 0 : value;
    }
}
