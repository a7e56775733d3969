package com.followthrough.bench;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.awaitility.Awaitility.await;

import com.followthrough.FollowthroughApplication;
import com.followthrough.OnPostgres;
import com.followthrough.TestPeople;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.cluster.ApplicationNode;
import com.followthrough.policy.Priority;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Scenario 3 (reminder storm) and 5 (footprint) of the benchmark issue, on PostgreSQL: {@code bench.storm-cases}
 * (default 500; the size is 10,000) hand-offs whose check-in timers all fall due at the same instant; seconds
 * from that instant until every check-in task exists and until the SMTP server (GreenMail, in a JVM of its own:
 * {@link SmtpServerProcess}) has accepted every check-in mail, on one node and on two nodes. Nodes are the packaged jar
 * started with {@code java -jar} (JVM options {@code bench.node-jvm}, default {@code -Xmx1g}) with the postgres
 * profile's settings plus {@code bench.node-args}. The second database is a copy of the first
 * ({@code create database … template …}), so both storms start from the same state.
 * <p>The reference ({@link BareStorm}): a bare engine's storm of as many check-in timers on the same server, its CPU
 * and commits per timer job, and what ours and its per-reminder CPU mean in cores.
 * <p>For sizing a cluster ({@link StormSizing}): CPU ms per reminder in the node JVMs, the PostgreSQL server and the
 * SMTP server, and database commits per reminder; and whether every mail arrived exactly once (distinct Message-IDs).
 * <p>Footprint: the first node's start-up (process start to healthy, and Spring Boot's own figure), its live heap after
 * start-up (after a full GC), the largest used heap sampled during the storm and the live heap after it.
 */
class StormBenchmark {

    private static final int CASES = Integer.getInteger("bench.storm-cases", 500);
    private static final List<String> NODE_JVM = Arrays.asList(
            System.getProperty("bench.node-jvm", "-Xmx1g").trim().split("\\s+"));
    private static final List<String> NODE_ARGS = System.getProperty("bench.node-args", "").isBlank() ? List.of()
            : Arrays.asList(System.getProperty("bench.node-args").trim().split("\\s+"));
    /** {@code -Dbench.storm-one-node=true}: the one-node storm only (no two-node storm, no CDS start-up), to profile it. */
    private static final boolean ONE_NODE_ONLY = Boolean.getBoolean("bench.storm-one-node");
    private static final Duration PATIENCE = Duration.ofSeconds(Integer.getInteger("bench.storm-timeout-seconds", 600));
    private static final String ADMIN = "benchadmin";
    private static final String ADMIN_PASSWORD = "benchadmin-secret";
    private static final String CHECK_IN_TASKS = "select count(*) from act_ru_task where task_def_key_ = 'Task_CheckIn'";
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    @Test
    void reminderStorm() throws Exception {
        // A node on a busy 2-core machine may need minutes to start; the cluster tests wait 90 s.
        if (System.getProperty("cluster.node-start-seconds") == null) {
            System.setProperty("cluster.node-start-seconds", "300");
        }
        String oneNodeDb = OnPostgres.Database.newDatabase();
        long setUp = System.nanoTime();
        prepare(oneNodeDb);
        double setUpSeconds = (System.nanoTime() - setUp) / 1e9;
        String size = "%,d check-ins; set-up (intake + hand-off through the service layer) %.0f s".formatted(CASES,
                setUpSeconds);
        // The reference first, while no node runs: the bare engine's own storm on the same server.
        BareStorm.Figures bare = BareStorm.run(CASES, PATIENCE);
        if (ONE_NODE_ONLY) {
            oneNode(storm(oneNodeDb, 1), size, bare);
            return;
        }
        String twoNodeDb = copy(oneNodeDb, "two_nodes");
        CdsStartup withCds = CdsStartup.measure(copy(oneNodeDb, "cds"), StormBenchmark::nodeJvm);

        Storm one = storm(oneNodeDb, 1);
        Storm two = storm(twoNodeDb, 2);

        oneNode(one, size, bare);
        Results.add("reminder storm: every check-in task exists", "PostgreSQL", "2 nodes",
                "%.1f s".formatted(two.tasksSeconds), "", null, "1 node ÷ 2 nodes %.2f".formatted(
                        one.tasksSeconds / two.tasksSeconds));
        Results.add("reminder storm: every check-in mail accepted by SMTP", "PostgreSQL", "2 nodes",
                "%.1f s".formatted(two.mailsSeconds), "", null, two.note());
        two.sizing().report("2 nodes", CASES);
        double speedUp = one.mailsSeconds / two.mailsSeconds;
        Results.add("reminder storm: two nodes faster by", "PostgreSQL", "1 node ÷ 2 nodes (mails)",
                "%.2f ×".formatted(speedUp), "≥ 1.6 ×", speedUp >= 1.6, "");

        Results.add("start-up: java -jar to healthy", "PostgreSQL", "node", "%.1f s".formatted(one.startupSeconds),
                "< 10 s", one.startupSeconds < 10,
                "Spring Boot: process running for %.1f s when started; JVM %s".formatted(one.springStartupSeconds,
                        String.join(" ", NODE_JVM)));
        Results.add("start-up: extracted jar with a CDS archive to healthy", "PostgreSQL", "node",
                "%.1f s".formatted(withCds.seconds()), "< 10 s", withCds.seconds() < 10,
                "README \"Faster start-up\": Spring Boot: process running for %.1f s; archive trained in %.0f s, once per build"
                        .formatted(withCds.springSeconds(), withCds.trainingSeconds()));
        Results.add("heap: live after start-up (after full GC)", "PostgreSQL", "node",
                "%.0f MB".formatted(one.heapAfterStartMb), "< 512 MB", one.heapAfterStartMb < 512, "");
        Results.add("heap: largest used during the storm (sampled, incl. garbage)", "PostgreSQL", "1 node",
                "%.0f MB".formatted(one.heapPeakMb), "< 512 MB", one.heapPeakMb < 512,
                "live after the storm (full GC) %.0f MB; 2 nodes: largest %.0f MB".formatted(one.heapAfterStormMb,
                        two.heapPeakMb));
    }

    private static void oneNode(Storm one, String size, BareStorm.Figures bare) {
        Results.add("reminder storm: every check-in task exists", "PostgreSQL", "1 node",
                "%.1f s".formatted(one.tasksSeconds), "", null, size);
        Results.add("reminder storm: every check-in mail accepted by SMTP", "PostgreSQL", "1 node",
                "%.1f s".formatted(one.mailsSeconds), "≤ 30 s", one.mailsSeconds <= 30, one.note());
        one.sizing().report("1 node", CASES);
        BareStorm.report(bare);
        BareStorm.compare(one.sizing(), CASES, bare);
    }

    private record Storm(double tasksSeconds, double mailsSeconds, double startupSeconds, double springStartupSeconds,
            double heapAfterStartMb, double heapPeakMb, double heapAfterStormMb, long checkIns, long sentMails,
            SmtpServerProcess.Count received, StormSizing sizing) {

        String note() {
            return "%,d check-in events recorded, %,d check-in mails SENT in the outbox; the SMTP server accepted %,d mails with %,d distinct Message-IDs"
                    .formatted(checkIns, sentMails, received.messages(), received.distinctMessageIds());
        }
    }

    /** {@code bench.node-jvm} with "{node}" replaced by the node's name: one JFR file per node. */
    private static List<String> nodeJvm(String name) {
        return NODE_JVM.stream().map(option -> option.replace("{node}", name)).toList();
    }

    /** Opens and hands off the storm's cases from a client with its job executor and mail sender off. */
    private static void prepare(String databaseUrl) {
        try (ConfigurableApplicationContext client = new SpringApplicationBuilder(FollowthroughApplication.class,
                TestPeople.class).profiles("postgres").run("--FOLLOWTHROUGH_DB_URL=" + databaseUrl,
                "--FOLLOWTHROUGH_DB_USER=postgres", "--FOLLOWTHROUGH_DB_PASSWORD=postgres", "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false", "--followthrough.notifications.sender.enabled=false",
                "--followthrough.policy.priorities.NORMAL.time=calendar", "--logging.level.root=warn")) {
            IdentityService identity = client.getBean(IdentityService.class);
            var admin = identity.newUser(ADMIN);
            admin.setPassword(ADMIN_PASSWORD);
            identity.saveUser(admin);
            identity.createMembership(ADMIN, "admins");
            CaseService cases = client.getBean(CaseService.class);
            Load.perSecond(CASES, 4, i -> {
                CaseRecord record = cases.open(new OpenCase(
                        new Customer("Customer " + i, "customer" + i + "@example.com", null, ContactChannel.EMAIL),
                        Priority.NORMAL, "Storm case " + i, null, null), ALICE);
                cases.handOff(record.number(), ALICE, HandOffTarget.colleague(PAUL), null);
            });
            // The set-up's own mails (Paul's hand-off notices) are not part of the storm.
            client.getBean(JdbcTemplate.class).update("update ft_mail_outbox set state = 'CANCELLED' where state = 'PENDING'");
        }
    }

    private static String copy(String databaseUrl, String suffix) throws SQLException {
        String source = databaseName(databaseUrl);
        String copy = source + "_" + suffix;
        try (Connection connection = OnPostgres.Database.server().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + copy + " template " + source);
        }
        return OnPostgres.Database.server().getJdbcUrl("postgres", copy);
    }

    private static Storm storm(String databaseUrl, int nodeCount) throws Exception {
        SmtpServerProcess smtp = SmtpServerProcess.start();
        // One connection for all the benchmark's own statements, so they can be counted (and left out of the commits).
        SingleConnectionDataSource connection = new SingleConnectionDataSource(databaseUrl, "postgres", "postgres", true);
        Poller poller = new Poller(new JdbcTemplate(connection));
        long postmaster = ProcessCpu.parent(poller.backendPid()).orElse(-1);
        List<ApplicationNode> nodes = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int n = 0; n < nodeCount; n++) {
                List<String> arguments = new ArrayList<>(List.of("--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.port(), "--followthrough.policy.priorities.NORMAL.time=calendar"));
                arguments.addAll(NODE_ARGS);
                String name = "storm-" + nodeCount + "-node-" + (char) ('a' + n);
                nodes.add(ApplicationNode.start(name, nodeJvm(name), databaseUrl, arguments.toArray(String[]::new)));
            }
            ApplicationNode first = nodes.get(0);
            double heapAfterStart = liveHeapMb(first);

            AtomicLong peak = new AtomicLong();
            sampler.scheduleAtFixedRate(() -> nodes.forEach(node -> {
                try {
                    peak.accumulateAndGet((long) usedHeapMb(node), Math::max);
                } catch (RuntimeException e) {
                    // a sample lost to a busy node is no figure
                }
            }), 0, 1, TimeUnit.SECONDS);

            CompletableFuture<Instant> everyMail = smtp.expect(CASES);
            StormSizing sizing = new StormSizing(nodes.stream().map(ApplicationNode::pid).toList(), postmaster,
                    smtp.pid(), new JdbcTemplate(OnPostgres.Database.server().getPostgresDatabase()),
                    databaseName(databaseUrl));
            long statementsBefore = poller.statements();
            Instant due = checkInsDueSoon(poller, CASES);
            // Tasks polled (Awaitility) to the poll's 200 ms; mails reported by the SMTP server the moment the last
            // one is accepted.
            AtomicReference<Double> tasksSeconds = new AtomicReference<>();
            try {
                await().atMost(Duration.between(Instant.now(), due.plus(PATIENCE)))
                        .pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            if (tasksSeconds.get() == null && poller.count(CHECK_IN_TASKS) >= CASES) {
                                tasksSeconds.set(secondsSince(due));
                            }
                            return tasksSeconds.get() != null && everyMail.isDone();
                        });
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException("The storm on " + nodeCount + " node(s) did not finish within " + PATIENCE
                        + ": " + poller.count(CHECK_IN_TASKS) + " check-in tasks, " + smtp.count() + " mails", e);
            } finally {
                sampler.shutdownNow();
            }
            sizing.stormDone();
            double mailsSeconds = Duration.between(due, everyMail.join()).toMillis() / 1000.0;
            double heapAfterStorm = liveHeapMb(first);
            long checkIns = poller.count("select count(*) from ft_case_event where event_type = 'CHECK_IN_DUE'");
            long sent = poller.count("select count(*) from ft_mail_outbox where state = 'SENT' and kind = 'CHECK_IN_DUE'");
            SmtpServerProcess.Count received = smtp.count();
            System.out.printf("storm on %d node(s): tasks %.1f s, mails %.1f s, %d check-ins, %d sent, %s%n",
                    nodeCount, tasksSeconds.get(), mailsSeconds, checkIns, sent, received);
            Storm storm = new Storm(tasksSeconds.get(), mailsSeconds, first.startupMillis() / 1000.0,
                    first.processRunningSecondsAtStart(), heapAfterStart, peak.get(), heapAfterStorm, checkIns, sent,
                    received, sizing);
            long ownStatements = poller.statements() - statementsBefore;
            nodes.forEach(ApplicationNode::close);
            connection.destroy();
            sizing.nodesStopped(ownStatements);
            return storm;
        } finally {
            sampler.shutdownNow();
            nodes.forEach(ApplicationNode::close);
            connection.destroy();
            smtp.close();
        }
    }

    /** Every check-in timer due two seconds from now (the storm's instant), which it returns. */
    static Instant checkInsDueSoon(Poller poller, int expected) {
        Instant due = Instant.now().plusSeconds(2);
        int timers = poller.update("""
                update act_ru_job set duedate_ = ?
                where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = 'TimerEvent_CheckInDue')
                """, Timestamp.from(due));
        if (timers != expected) {
            throw new IllegalStateException("Expected " + expected + " check-in timers, found " + timers);
        }
        return due;
    }

    static String databaseName(String databaseUrl) {
        return databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private static double secondsSince(Instant instant) {
        return Duration.between(instant, Instant.now()).toMillis() / 1000.0;
    }

    /** Used heap as the node's Actuator reports it (admins only), in MB. */
    private static double usedHeapMb(ApplicationNode node) {
        String body = new Rest(node.port()).get("/actuator/metrics/jvm.memory.used?tag=area:heap",
                Rest.basic(ADMIN, ADMIN_PASSWORD));
        Matcher value = VALUE.matcher(body);
        if (!value.find()) {
            throw new IllegalStateException("No heap figure in " + body);
        }
        return Double.parseDouble(value.group(1)) / (1024 * 1024);
    }

    /** Live heap: a full GC first ({@code jcmd <pid> GC.run}), then the used heap. */
    private static double liveHeapMb(ApplicationNode node) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(node.pid()), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return usedHeapMb(node);
    }
}
