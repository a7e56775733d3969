package com.followthrough.bench;

import static com.followthrough.TestPeople.SAM;
import static org.awaitility.Awaitility.await;

import com.followthrough.FollowthroughApplication;
import com.followthrough.OnPostgres;
import com.followthrough.TestPeople;
import com.followthrough.cases.ContactReport;
import com.followthrough.cases.OutreachCases;
import com.followthrough.outreach.NewOutreach;
import com.followthrough.outreach.OutreachProperties;
import com.followthrough.outreach.OutreachService;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario 7, launching an outreach (issue 17): a supervisor launches an outreach of {@code bench.outreach-customers}
 * customers (service layer, in this JVM) and the engine's batch jobs open one case per customer; timed from the launch
 * until every case exists with its first task ("Contact the customer", each owned by an agent: the daily cap is lifted
 * so none waits for capacity). Beside it, in alternating rounds ({@code bench.outreach-rounds}), a bare engine
 * ({@link BareEngine}) starts as many instances of the same model at the same message start, in batches of the same
 * size, one transaction per batch. Then every owner contacts their customer, who joins the shared hand-off, and the
 * shared remedy is resolved once: timed until every case waits at its owner's verification. The heap of this JVM is
 * sampled throughout (largest used) and read after a full GC at the end (live).
 */
class OutreachBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("bench.outreach-customers", 1_000);
    private static final int ROUNDS = Integer.getInteger("bench.outreach-rounds", 2);
    private static final int WARM_UP = 200;
    private static final Caller SUPERVISOR = new Caller(SAM, Set.of("supervisors", "agents"));
    private static final String SCENARIO = "outreach launch";
    private static final String CONTACT_TASKS = "select count(*) from act_ru_task where task_def_key_ = 'Task_ContactCustomer'";
    private static final String VERIFY_TASKS = "select count(*) from act_ru_task where task_def_key_ = 'Task_VerifyResolution'";

    @Test
    void h2() {
        String url = "jdbc:h2:file:" + Path.of("target", "bench", "outreach-h2-" + System.nanoTime()).toAbsolutePath();
        run("H2", url, url + "-bare", "sa", "", "bench");
    }

    @Test
    void postgres() {
        run("PostgreSQL", OnPostgres.Database.newDatabase(), OnPostgres.Database.newDatabase(), "postgres", "postgres",
                "bench,postgres");
    }

    private void run(String database, String url, String bareUrl, String user, String password, String profiles) {
        String size = "%,d customers".formatted(CUSTOMERS);
        try (HeapSampler heap = HeapSampler.start()) {
            ProcessEngine bare = BareEngine.start("bare-outreach-" + database, bareUrl, user, password);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FollowthroughApplication.class,
                    TestPeople.class).run("--spring.profiles.active=" + profiles, "--server.port=0",
                    "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password, "--FOLLOWTHROUGH_DB_URL=" + url,
                    "--FOLLOWTHROUGH_DB_USER=" + user, "--FOLLOWTHROUGH_DB_PASSWORD=" + password,
                    "--followthrough.outreach.cases-per-agent-per-day=1000000")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                OutreachService outreaches = app.getBean(OutreachService.class);
                int batch = app.getBean(OutreachProperties.class).batchSize();

                launch(outreaches, jdbc, WARM_UP);
                bareLaunch(bare, WARM_UP, batch);
                List<Double> ours = new ArrayList<>();
                List<Double> theirs = new ArrayList<>();
                String last = null;
                for (int round = 0; round < ROUNDS; round++) {
                    if (round % 2 == 1) {
                        theirs.add(bareLaunch(bare, CUSTOMERS, batch));
                    }
                    long started = System.nanoTime();
                    last = launch(outreaches, jdbc, CUSTOMERS);
                    ours.add(CUSTOMERS / seconds(started));
                    if (round % 2 == 0) {
                        theirs.add(bareLaunch(bare, CUSTOMERS, batch));
                    }
                }
                Samples oursRate = new Samples(ours);
                Samples bareRate = new Samples(theirs);
                String rounds = "%d alternating rounds × %s per side, batches of %d".formatted(ROUNDS, size, batch);
                Results.add(SCENARIO + ": every case with its first task, bare engine", database, size,
                        bareRate.describe("%.0f") + " cases/s", "median (min–max); the same BPMN's outreach start "
                                + "with stand-in beans, one transaction per batch; " + rounds);
                Results.add(SCENARIO + ": every case with its first task", database, size,
                        oursRate.describe("%.0f") + " cases/s", "median (min–max), i.e. %.1f s for %s; %s"
                                .formatted(CUSTOMERS / oursRate.median(), size, rounds));
                double ratio = oursRate.ratioOfMedians(bareRate);
                Results.add(SCENARIO + ": ours ÷ bare engine", database, size, oursRate.describeRatio(bareRate),
                        "≥ 0.8", ratio >= 0.8, "ratio of the medians (range of the per-round ratios)");
                sharedRemedy(app, last, database, size);
            } finally {
                bare.close();
            }
            // Garbage piles up as far as -Xmx lets it: the goal is held against the live heap (and a run at -Xmx512m)
            Results.add(SCENARIO + ": heap, largest used (sampled, incl. garbage)", database, size,
                    "%.0f MB".formatted(heap.peakMb()), "this JVM (the application and the bare engine), max heap "
                            + "%.0f MB (bench.jvm), sampled every 200 ms".formatted(Runtime.getRuntime().maxMemory()
                            / (1024.0 * 1024)));
            double live = heap.liveMb();
            Results.add(SCENARIO + ": heap, live after a full GC", database, size, "%.0f MB".formatted(live),
                    "< 512 MB", live < 512, "after the launches and the remedy, both engines closed");
        }
    }

    /** A new outreach of {@code customers} with a shared hand-off, launched; returns once every first task exists. */
    private static String launch(OutreachService outreaches, JdbcClient jdbc, int customers) {
        String key = outreaches.create(new NewOutreach("Uncertified eclipse glasses", "The vendor's glasses were not "
                + "certified.", "One bulk refund; they keep the glasses.", "Please do not use the glasses.", "agents",
                Priority.NORMAL, false, new NewOutreach.SharedHandOffRequest("accounting", "One bulk refund")),
                SUPERVISOR).key();
        String csv = IntStream.range(0, customers).mapToObj(i -> "Buyer %d,buyer%d-%s@example.com".formatted(i, i,
                key)).collect(Collectors.joining("\n", "name,email\n", "\n"));
        outreaches.attachCsv(key, csv.getBytes(StandardCharsets.UTF_8), SUPERVISOR);
        long before = jdbc.sql(CONTACT_TASKS).query(Long.class).single();
        outreaches.launch(key, SUPERVISOR);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql(CONTACT_TASKS).query(Long.class).single() >= before + customers);
        return key;
    }

    /** The bare engine starts {@code customers} instances at the outreach's message start; returns instances/s. */
    private static double bareLaunch(ProcessEngine bare, int customers, int batch) {
        var commands = ((ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        String outreach = "BARE-" + System.nanoTime();
        long before = bare.getTaskService().createTaskQuery().taskDefinitionKey("Task_ContactCustomer").count();
        long started = System.nanoTime();
        for (int from = 0; from < customers; from += batch) {
            int first = from;
            commands.execute(context -> {
                for (int i = first; i < Math.min(customers, first + batch); i++) {
                    bare.getRuntimeService().startProcessInstanceByMessage("OutreachCustomer", outreach + "-" + i,
                            Map.of("priority", "NORMAL", "outreach", outreach));
                }
                return null;
            });
        }
        double perSecond = customers / seconds(started);
        long tasks = bare.getTaskService().createTaskQuery().taskDefinitionKey("Task_ContactCustomer").count();
        if (tasks != before + customers) {
            throw new IllegalStateException("The bare engine made " + (tasks - before) + " first tasks, not " + customers);
        }
        return perSecond;
    }

    /** Every owner contacts their customer (who joins the shared hand-off); then the remedy is resolved once. */
    private static void sharedRemedy(ConfigurableApplicationContext app, String key, String database, String size) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        OutreachCases cases = app.getBean(OutreachCases.class);
        List<Map.Entry<String, String>> owners = jdbc.sql("""
                        select c.case_number, c.owner_id from ft_case c
                        join ft_outreach_customer r on r.case_number = c.case_number
                        join ft_outreach o on o.id = r.outreach_id where o.outreach_key = ?""")
                .param(key).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        ContactReport joins = new ContactReport(true, "Glad you told me", ContactReport.Next.SHARED_HAND_OFF, null,
                null, null);
        double contacts = Load.perSecond(owners.size(), 4, i -> cases.contact(owners.get(i).getKey(),
                owners.get(i).getValue(), joins));
        Results.add(SCENARIO + ": owners contact their customers (join the shared hand-off)", database, size,
                "%.0f cases/s".formatted(contacts), "4 client threads, service layer (the remedy's set-up)");

        long before = jdbc.sql(VERIFY_TASKS).query(Long.class).single();
        long started = System.nanoTime();
        app.getBean(OutreachService.class).resolveSharedHandOff(key, "Refunded everyone in one run", SUPERVISOR);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql(VERIFY_TASKS).query(Long.class).single() >= before + owners.size());
        double took = seconds(started);
        Results.add(SCENARIO + ": shared remedy resolved on every case", database, size,
                "%.1f s (%.0f cases/s)".formatted(took, owners.size() / took),
                "from the one resolution until every case waits at its owner's verification (the engine's batches)");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
