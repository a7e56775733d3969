package com.followthrough.bench;

import static org.awaitility.Awaitility.await;

import com.followthrough.OnPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The reminder storm's reference (issue 20): a bare Camunda engine ({@link BareEngine}: the same model, stand-in beans
 * that write nothing and send nothing) in this JVM on the same PostgreSQL server, {@code timers} check-in timers due at
 * the same instant, its job executor set as the node's ({@code application-postgres.yml}). Measured as the storm is
 * ({@link StormSizing}): seconds from the due instant until every check-in task exists, CPU of this JVM and of the
 * PostgreSQL server per timer job, and commits per timer job. What the engine alone costs per reminder, so the node's
 * figures say how much of theirs is ours.
 */
final class BareStorm {

    private static final String CHECK_IN_TASKS = "select count(*) from act_ru_task where task_def_key_ = 'Task_CheckIn'";

    /** The node's job executor ({@code camunda.bpm.job-execution} in application-postgres.yml). */
    static final String NODE_SETTINGS = "job executor as the node's: pool 3–10, queue 10, 10 jobs per acquisition, "
            + "wait 1 s, max wait 10 s";

    record Figures(int timers, double setUpSeconds, double tasksSeconds, OptionalLong jvmCpuMs,
            OptionalLong postgresCpuMs, OptionalLong commits) {
    }

    private BareStorm() {
    }

    static Figures run(int timers, Duration patience) {
        String url = OnPostgres.Database.newDatabase();
        ProcessEngine engine = BareEngine.start("bare-storm", url, "postgres", "postgres");
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, "postgres", "postgres", true);
        JdbcTemplate statistics = new JdbcTemplate(OnPostgres.Database.server().getPostgresDatabase());
        String database = StormBenchmark.databaseName(url);
        boolean closed = false;
        try {
            long setUp = System.nanoTime();
            Load.perSecond(timers, 4, i -> ThroughputBenchmark.bareIntakeAndHandOff(engine, i));
            double setUpSeconds = (System.nanoTime() - setUp) / 1e9;

            Poller poller = new Poller(new JdbcTemplate(connection));
            long postmaster = ProcessCpu.parent(poller.backendPid()).orElse(-1);
            long self = ProcessHandle.current().pid();
            long commitsBefore = commits(statistics, database);
            long statementsBefore = poller.statements();
            OptionalLong jvmBefore = ProcessCpu.millis(self);
            OptionalLong postgresBefore = ProcessCpu.treeMillis(postmaster);
            Instant due = StormBenchmark.checkInsDueSoon(poller, timers);
            DefaultJobExecutor jobs = (DefaultJobExecutor) ((ProcessEngineConfigurationImpl) engine
                    .getProcessEngineConfiguration()).getJobExecutor();
            jobs.setCorePoolSize(3);
            jobs.setMaxPoolSize(10);
            jobs.setQueueSize(10);
            jobs.setMaxJobsPerAcquisition(10);
            jobs.setWaitTimeInMillis(1000);
            jobs.setMaxWait(10000);
            jobs.setLockTimeInMillis(300000);
            jobs.start();
            await().atMost(patience).pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(200))
                    .until(() -> poller.count(CHECK_IN_TASKS) >= timers);
            double tasksSeconds = Duration.between(due, Instant.now()).toMillis() / 1000.0;
            OptionalLong jvm = difference(jvmBefore, ProcessCpu.millis(self));
            OptionalLong postgres = difference(postgresBefore, ProcessCpu.treeMillis(postmaster));
            jobs.shutdown();
            long own = poller.statements() - statementsBefore;
            engine.close();
            closed = true;
            connection.destroy();
            OptionalLong after = settledCommits(statistics, database);
            OptionalLong commits = after.isPresent() ? OptionalLong.of(after.getAsLong() - commitsBefore - own)
                    : OptionalLong.empty();
            return new Figures(timers, setUpSeconds, tasksSeconds, jvm, postgres, commits);
        } finally {
            connection.destroy();
            if (!closed) {
                engine.close();
            }
        }
    }

    /** The rows beside the node's: the same scenario names with "bare engine" as the variant. */
    static void report(Figures bare) {
        Results.add("reminder storm: every check-in task exists", "PostgreSQL", "bare engine",
                "%.1f s".formatted(bare.tasksSeconds()),
                "%,d check-in timers due at once; the same model with stand-in beans that write and send nothing, in the benchmark JVM; %s; set-up (intake + hand-off) %.0f s"
                        .formatted(bare.timers(), NODE_SETTINGS, bare.setUpSeconds()));
        cpuRow("reminder storm: CPU per reminder, node JVM(s)", bare, bare.jvmCpuMs(),
                "the bare engine's JVM (the benchmark's, which ran the set-up: warm for intake, not for timer jobs)");
        cpuRow("reminder storm: CPU per reminder, PostgreSQL server", bare, bare.postgresCpuMs(),
                "the postmaster and all its processes, incl. the benchmark's count(*) every 200 ms");
        Results.add("reminder storm: database commits per reminder", "PostgreSQL", "bare engine",
                bare.commits().isPresent() ? "%.2f".formatted((double) bare.commits().getAsLong() / bare.timers())
                        : "not measured",
                "pg_stat_database.xact_commit of the bare engine's database, less the benchmark's own statements; "
                        + "incl. its job acquisitions");
    }

    /**
     * Ours against the bare engine, and what the per-reminder CPU means in cores: for the 10,000 reminders in
     * 30 s, and for 100,000 a minute (the lead's cluster sizing).
     */
    static void compare(StormSizing ours, int reminders, Figures bare) {
        if (ours.cpuMillis().isEmpty() || bare.jvmCpuMs().isEmpty() || bare.postgresCpuMs().isEmpty()) {
            Results.add("reminder storm: CPU per reminder, node + PostgreSQL ÷ bare engine", "PostgreSQL", "1 node",
                    "not measured", "/proc could not be read for every process");
            return;
        }
        long[] cpu = ours.cpuMillis().get();
        double node = (double) cpu[0] / reminders;
        double postgres = (double) cpu[1] / reminders;
        double smtp = (double) cpu[2] / reminders;
        double bareJvm = (double) bare.jvmCpuMs().getAsLong() / bare.timers();
        double barePostgres = (double) bare.postgresCpuMs().getAsLong() / bare.timers();
        Results.add("reminder storm: CPU per reminder, node + PostgreSQL ÷ bare engine", "PostgreSQL", "1 node",
                "%.1f ×".formatted((node + postgres) / (bareJvm + barePostgres)),
                "ours %.1f ms (node %.1f + PostgreSQL %.1f), bare engine %.1f ms (JVM %.1f + PostgreSQL %.1f); ours sends the mail too (SMTP server %.1f ms more)"
                        .formatted(node + postgres, node, postgres, bareJvm + barePostgres, bareJvm, barePostgres, smtp));
        double ourMs = node + postgres + smtp;
        double bareMs = bareJvm + barePostgres;
        Results.add("reminder storm: cores busy for 10,000 reminders in 30 s", "PostgreSQL", "1 node",
                "%.1f cores".formatted(ourMs * 10_000 / 30_000), "≤ 2 (this machine)", ourMs * 10_000 / 30_000 <= 2,
                ("CPU per reminder (node + PostgreSQL + SMTP server %.1f ms) × 10,000 ÷ 30 s; the bare engine's %.1f ms "
                        + "would need %.1f cores; 100,000 reminders a minute: ours %.0f cores, the bare engine %.0f")
                        .formatted(ourMs, bareMs, bareMs * 10_000 / 30_000, ourMs * 100_000 / 60_000,
                                bareMs * 100_000 / 60_000));
    }

    private static void cpuRow(String scenario, Figures bare, OptionalLong millis, String note) {
        Results.add(scenario, "PostgreSQL", "bare engine", millis.isPresent()
                        ? "%.2f ms".formatted((double) millis.getAsLong() / bare.timers()) : "not measured",
                "%s over the %.1f s from setting the due dates to the last check-in task".formatted(note,
                        bare.tasksSeconds() + 2));
    }

    private static OptionalLong difference(OptionalLong before, OptionalLong after) {
        return before.isPresent() && after.isPresent() ? OptionalLong.of(after.getAsLong() - before.getAsLong())
                : OptionalLong.empty();
    }

    /** Once no connection to the database is left and its commit count reads the same twice (as StormSizing waits). */
    private static OptionalLong settledCommits(JdbcTemplate statistics, String database) {
        AtomicLong last = new AtomicLong(-1);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Long connections = statistics.queryForObject(
                        "select count(*) from pg_stat_activity where datname = ?", Long.class, database);
                if (connections != null && connections > 0) {
                    return false;
                }
                long now = commits(statistics, database);
                return last.getAndSet(now) == now;
            });
            return OptionalLong.of(last.get());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return OptionalLong.empty();
        }
    }

    private static long commits(JdbcTemplate statistics, String database) {
        Long value = statistics.queryForObject("select xact_commit from pg_stat_database where datname = ?", Long.class,
                database);
        return value == null ? 0 : value;
    }
}
