package com.followthrough.cluster;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.FollowthroughApplication;
import com.followthrough.OnPostgres;
import com.followthrough.TestMail;
import com.followthrough.TestPeople;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import com.followthrough.web.ApiTestPeople;
import com.followthrough.web.FormLogin;
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
 * each check-in reminder is created exactly once and mailed exactly once (counted by Message-ID at a real SMTP server),
 * the nodes share the work, and a node killed mid-storm leaves its jobs and its claimed mails to the others. The test
 * JVM is a client: it opens cases through the service layer with its own job executor and mail sender off, and reads
 * the outcome from the shared database and the mailbox.
 */
class ClusterIntegrationTests {

    private static final String CHECK_IN_MAIL = "Check in with ";

    private String databaseUrl;
    private TestMail.Mailbox mailbox;
    private ConfigurableApplicationContext client;
    private CaseService cases;
    private ManagementService management;
    private JdbcClient jdbc;

    /**
     * Short job locks and mail claims, so a killed node's work is retried within the test (production: minutes);
     * calendar time, so the storm does not wait for office hours. Not shorter than 30 s: a job that outlives its lock
     * (a starved CPU) may run on a second node, and when that second run fails on the first one's commit, the engine
     * still schedules the next repetition of a cycle timer: a duplicate reminder (seen at 10 s on a loaded machine).
     */
    private String[] nodeSettings() {
        return new String[] {
                "--camunda.bpm.history-level=full",
                "--camunda.bpm.job-execution.lock-time-in-millis=30000",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--followthrough.policy.priorities.NORMAL.time=calendar",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mailbox.port(),
                "--followthrough.notifications.sender.interval=PT0.5S",
                "--followthrough.notifications.sender.claim-timeout=PT30S"};
    }

    @BeforeEach
    void startClient() {
        mailbox = TestMail.Mailbox.onFreePort();
        databaseUrl = OnPostgres.Database.newDatabase();
        client = new SpringApplicationBuilder(FollowthroughApplication.class, TestPeople.class, ApiTestPeople.class)
                .profiles("postgres")
                .run("--FOLLOWTHROUGH_DB_URL=" + databaseUrl, "--FOLLOWTHROUGH_DB_USER=postgres",
                        "--FOLLOWTHROUGH_DB_PASSWORD=postgres", "--server.port=0", "--camunda.bpm.history-level=full",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--followthrough.notifications.sender.enabled=false",
                        "--followthrough.policy.priorities.NORMAL.time=calendar");
        cases = client.getBean(CaseService.class);
        management = client.getBean(ManagementService.class);
        jdbc = client.getBean(JdbcClient.class);
    }

    @AfterEach
    void stopClient() {
        client.close();
        mailbox.stop();
    }

    @Test
    void twoNodes_aReminderStorm_everyCheckInFiresExactlyOnce_andBothNodesShareTheWork() {
        handOffCases(1_000);
        try (var nodeA = ApplicationNode.start("node-a", databaseUrl, nodeSettings());
                var nodeB = ApplicationNode.start("node-b", databaseUrl, nodeSettings())) {
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

            awaitCheckInMails(1_000);
            Duration mailed = Duration.between(due, Instant.now());
            assertThat(checkInMails()).as("deliveries").hasSize(1_000);
            System.out.printf("cluster storm: every check-in mail accepted by SMTP after %.1f s%n",
                    mailed.toMillis() / 1000.0);

            signedInOnOneNode_isSignedInOnTheOther(nodeA, nodeB);
            camundaWebapps_administratorsOnly_signedInOnce(nodeA, nodeB);
        }
    }

    /** Page sessions live in the database: a load balancer may send the next request to any node. */
    private void signedInOnOneNode_isSignedInOnTheOther(ApplicationNode first, ApplicationNode second) {
        String session = FormLogin.signIn(first.uri("").toString(), ALICE, ALICE + "-secret");

        assertThat(FormLogin.get(second.uri("/swagger-ui/index.html").toString(), session).statusCode())
                .as("signed in on " + first.name() + ", asking " + second.name()).isEqualTo(200);
        assertThat(FormLogin.get(second.uri("/swagger-ui/index.html").toString(), null).statusCode())
                .as("without the session").isEqualTo(302);
    }

    @Test
    void aNodeKilledMidStorm_leavesItsJobsToTheOther_andEveryCheckInFiresOnce() {
        handOffCases(600);
        try (var survivor = ApplicationNode.start("survivor", databaseUrl, nodeSettings());
                var victim = ApplicationNode.start("victim", databaseUrl, nodeSettings())) {
            makeCheckInsDueAt(Instant.now().plusSeconds(2));

            await().atMost(Duration.ofMinutes(2)).dontCatchUncaughtExceptions().until(() -> firedCheckIns() >= 100);
            victim.kill();
            long firedAtKill = firedCheckIns();

            awaitEveryCheckInFired(600, Duration.ofMinutes(3));

            assertThat(firedAtKill).as("the storm was still running when the node died").isLessThan(600);
            assertEveryCheckInExactlyOnce(600);
            awaitCheckInMails(600);
            long deliveries = checkInMails().size();
            System.out.printf("cluster crash: victim killed after %d of 600 check-ins; split %s; %d deliveries for 600"
                    + " Message-IDs%n", firedAtKill, checkInJobsByNode(), deliveries);
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

        try (var node = ApplicationNode.start("late-node", databaseUrl, nodeSettings())) {
            awaitEveryCheckInFired(50, Duration.ofMinutes(2));
            assertEveryCheckInExactlyOnce(50);
            awaitCheckInMails(50);
            assertThat(checkInMails()).hasSize(50);
        }
    }

    // ---

    /**
     * Cockpit and the other Camunda webapps take the application's sign-in (no second login) and are for
     * administrators only. Checked on the packaged jar, as deployed.
     */
    private void camundaWebapps_administratorsOnly_signedInOnce(ApplicationNode first, ApplicationNode second) {
        String admin = FormLogin.signIn(first.uri("").toString(), ApiTestPeople.ADA, ApiTestPeople.ADA + "-secret");
        var cockpit = FormLogin.get(second.uri("/camunda/app/cockpit/default/").toString(), admin);
        var who = FormLogin.get(second.uri("/camunda/api/admin/auth/user/default").toString(),
                FormLogin.sessionAfter(cockpit, admin));
        // The webapp knows who it is; with no member of camunda-admin yet it sends them to its first-time setup page.
        assertThat(cockpit.headers().firstValue("X-Authorized-User")).as("Cockpit's user: %s", cockpit.headers().map())
                .contains(ApiTestPeople.ADA);
        assertThat(cockpit.statusCode()).isIn(200, 302);
        assertThat(who.statusCode()).as("the webapp's signed-in user: %s", who.body()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"" + ApiTestPeople.ADA + "\"");

        for (String user : List.of(ALICE, SAM)) {
            String session = FormLogin.signIn(first.uri("").toString(), user, user + "-secret");
            assertThat(FormLogin.get(second.uri("/camunda/app/cockpit/default/").toString(), session).statusCode())
                    .as(user + " opening Cockpit").isEqualTo(403);
        }
    }

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
        var timers = management.createJobQuery().timers().activityId("TimerEvent_CheckInDue").list();
        timers.forEach(job -> management.setJobDuedate(job.getId(), Date.from(instant)));
    }

    private long firedCheckIns() {
        return jdbc.sql("select count(*) from ft_case_event where event_type = 'CHECK_IN_DUE'").query(Long.class)
                .single();
    }

    // These awaits ignore exceptions thrown on other threads (Awaitility fails on them by default): a node killed in
    // the middle of sending leaves GreenMail an SMTP conversation cut off in DATA, which GreenMail reports on its
    // handler thread. That mail is not lost: its row is still claimed, and the survivor sends it once the claim
    // expires, which the Message-ID count below checks.
    private void awaitEveryCheckInFired(int expected, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).dontCatchUncaughtExceptions()
                .until(() -> firedCheckIns() >= expected);
    }

    private void assertEveryCheckInExactlyOnce(int expected) {
        assertThat(firedCheckIns()).as("check-in reminders recorded").isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from ft_hand_off where check_ins_due = 1").query(Long.class).single())
                .as("hand-offs reminded exactly once").isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from act_ru_task where task_def_key_ = 'Task_CheckIn'")
                .query(Long.class).single()).as("check-in tasks").isEqualTo(expected);
        assertThat(management.createJobQuery().timers().activityId("TimerEvent_CheckInDue").count())
                .as("next check-in timers, one per hand-off").isEqualTo(expected);
        assertThat(management.createJobQuery().executable().count()).as("jobs left due").isZero();
    }

    private List<TestMail.Received> checkInMails() {
        return mailbox.received().stream().filter(mail -> mail.subject().startsWith(CHECK_IN_MAIL)).toList();
    }

    /**
     * Waits until one check-in mail per reminder has arrived, each Message-ID once: the outbox gives every mail one
     * Message-ID, so a mail re-sent after a node died mid-send is the same mail, recognisable by the receiver.
     */
    private void awaitCheckInMails(int expected) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).dontCatchUncaughtExceptions()
                .until(() -> checkInMails().stream().map(TestMail.Received::messageId).distinct().count() >= expected);
        List<TestMail.Received> mails = checkInMails();
        assertThat(mails.stream().map(TestMail.Received::messageId).distinct().count()).as("distinct Message-IDs")
                .isEqualTo(expected);
        assertThat(mails).allSatisfy(mail -> assertThat(mail.to()).isEqualTo("alice@followthrough.test"));
        assertThat(jdbc.sql("select count(*) from ft_mail_outbox where state <> 'SENT' and subject like ?")
                .param(CHECK_IN_MAIL + "%").query(Long.class).single()).as("check-in mails not sent").isZero();
    }

    private Map<String, Long> checkInJobsByNode() {
        return jdbc.sql("""
                        select hostname_, count(*) from act_hi_job_log
                        where act_id_ = 'TimerEvent_CheckInDue' and job_state_ = 2
                        group by hostname_
                        """)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
