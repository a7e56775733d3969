package com.followthrough.cluster;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;
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
import com.followthrough.cases.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several identical nodes ({@code java -jar}, separate JVMs) on one PostgreSQL, every one running the job executor:
 * each check-in reminder is created exactly once, the nodes share the work, and a node killed mid-storm leaves its
 * jobs to the others. The test JVM is a client: it opens cases through the service layer with its own job executor
 * off, and reads the outcome from the shared database.
 */
class ClusterIntegrationTests {

    /** Short job locks, so a killed node's jobs are retried within the test; production uses minutes. */
    private static final String[] NODE_SETTINGS = {
            "--camunda.bpm.history-level=full",
            "--camunda.bpm.job-execution.lock-time-in-millis=10000",
            "--camunda.bpm.job-execution.wait-time-in-millis=200",
            "--camunda.bpm.job-execution.max-wait=1000"};

    private String databaseUrl;
    private ConfigurableApplicationContext client;
    private CaseService cases;
    private ManagementService management;
    private JdbcClient jdbc;

    @BeforeEach
    void startClient() {
        databaseUrl = OnPostgres.Database.newDatabase();
        client = new SpringApplicationBuilder(FollowthroughApplication.class, TestPeople.class)
                .profiles("postgres")
                .run("--FOLLOWTHROUGH_DB_URL=" + databaseUrl, "--FOLLOWTHROUGH_DB_USER=postgres",
                        "--FOLLOWTHROUGH_DB_PASSWORD=postgres", "--server.port=0", "--camunda.bpm.history-level=full",
                        "--camunda.bpm.job-execution.enabled=false");
        cases = client.getBean(CaseService.class);
        management = client.getBean(ManagementService.class);
        jdbc = client.getBean(JdbcClient.class);
    }

    @AfterEach
    void stopClient() {
        client.close();
    }

    @Test
    void twoNodes_aReminderStorm_everyCheckInFiresExactlyOnce_andBothNodesShareTheWork() {
        handOffCases(1_000);
        try (var nodeA = ApplicationNode.start("node-a", databaseUrl, NODE_SETTINGS);
                var nodeB = ApplicationNode.start("node-b", databaseUrl, NODE_SETTINGS)) {
            Instant due = Instant.now().plusSeconds(2);
            makeCheckInsDueAt(due);

            awaitEveryCheckInFired(1_000, Duration.ofMinutes(3));
            Duration storm = Duration.between(due, Instant.now());

            assertEveryCheckInExactlyOnce(1_000);
            Map<String, Long> byNode = checkInJobsByNode();
            System.out.printf("cluster storm: 1000 check-ins on 2 nodes in %.1f s, split %s%n",
                    storm.toMillis() / 1000.0, byNode);
            assertThat(byNode).as("check-in jobs run per node").containsOnlyKeys("node-a", "node-b");
            assertThat(byNode.values()).allMatch(count -> count > 0);
            assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
        }
    }

    @Test
    void aNodeKilledMidStorm_leavesItsJobsToTheOther_andEveryCheckInFiresOnce() {
        handOffCases(600);
        try (var survivor = ApplicationNode.start("survivor", databaseUrl, NODE_SETTINGS);
                var victim = ApplicationNode.start("victim", databaseUrl, NODE_SETTINGS)) {
            makeCheckInsDueAt(Instant.now().plusSeconds(2));

            await().atMost(Duration.ofMinutes(2)).until(() -> firedCheckIns() >= 100);
            victim.kill();
            long firedAtKill = firedCheckIns();

            awaitEveryCheckInFired(600, Duration.ofMinutes(3));

            assertThat(firedAtKill).as("the storm was still running when the node died").isLessThan(600);
            assertEveryCheckInExactlyOnce(600);
            System.out.printf("cluster crash: victim killed after %d of 600 check-ins; split %s%n", firedAtKill,
                    checkInJobsByNode());
            assertThat(checkInJobsByNode()).containsKey("survivor");
            assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single())
                    .as("incidents").isZero();
        }
    }

    @Test
    void aNodeStartedAfterTimersFellDue_firesEveryOverdueReminderOnce() {
        handOffCases(50);
        makeCheckInsDueAt(Instant.now().minus(Duration.ofHours(2)));
        assertThat(firedCheckIns()).isZero();

        try (var node = ApplicationNode.start("late-node", databaseUrl, NODE_SETTINGS)) {
            awaitEveryCheckInFired(50, Duration.ofMinutes(2));
            assertEveryCheckInExactlyOnce(50);
        }
    }

    // ---

    private void handOffCases(int count) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CaseRecord>> opened = IntStream.range(0, count).mapToObj(i -> pool.submit(() -> {
                CaseRecord record = cases.open(new OpenCase(
                        new Customer("Customer " + i, "customer" + i + "@example.com", null, ContactChannel.EMAIL),
                        Priority.NORMAL, "Storm case " + i, null, null), ALICE);
                cases.handOff(record.number(), ALICE, HandOffTarget.colleague(PAUL), null);
                return record;
            })).toList();
            for (Future<CaseRecord> future : opened) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not hand off the storm's cases", e);
        } finally {
            pool.shutdown();
        }
    }

    /** Every check-in timer falls due at the same instant. */
    private void makeCheckInsDueAt(Instant instant) {
        var timers = management.createJobQuery().timers().activityId("StartEvent_CheckInDue").list();
        timers.forEach(job -> management.setJobDuedate(job.getId(), Date.from(instant)));
    }

    private long firedCheckIns() {
        return jdbc.sql("select count(*) from ft_case_event where event_type = 'CHECK_IN_DUE'").query(Long.class)
                .single();
    }

    private void awaitEveryCheckInFired(int expected, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> firedCheckIns() >= expected);
    }

    private void assertEveryCheckInExactlyOnce(int expected) {
        assertThat(firedCheckIns()).as("check-in reminders recorded").isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from ft_hand_off where check_ins_due = 1").query(Long.class).single())
                .as("hand-offs reminded exactly once").isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from act_ru_task where task_def_key_ = 'Task_CheckIn'")
                .query(Long.class).single()).as("check-in tasks").isEqualTo(expected);
        assertThat(management.createJobQuery().timers().activityId("StartEvent_CheckInDue").count())
                .as("next check-in timers, one per hand-off").isEqualTo(expected);
        assertThat(management.createJobQuery().executable().count()).as("jobs left due").isZero();
    }

    private Map<String, Long> checkInJobsByNode() {
        return jdbc.sql("""
                        select hostname_, count(*) from act_hi_job_log
                        where act_id_ = 'StartEvent_CheckInDue' and job_state_ = 2
                        group by hostname_
                        """)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
