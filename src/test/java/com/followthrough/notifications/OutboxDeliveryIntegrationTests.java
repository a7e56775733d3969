package com.followthrough.notifications;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.cases.CaseService;
import com.followthrough.cluster.Node;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's promises against a real SMTP server (GreenMail): an outage delays mail but loses none, a rolled-back
 * step sends nothing, several senders never send a row twice, and a mail that cannot be delivered ends FAILED where
 * operators see it. Mail is counted by Message-ID at the server.
 */
@CaseIntegrationTest
class OutboxDeliveryIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EngineTime time;
    @Autowired
    OutboxSender sender;
    @Autowired
    Outbox outbox;
    @Autowired
    EmailChannel email;
    @Autowired
    NotificationProperties properties;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MailOutboxHealth health;
    @Autowired
    Mailbox mailbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Node node;

    /** Longer than any test here: a node that must not be taken for dead while the test runs. */
    static final Duration LONG_LIFE = Duration.ofMinutes(5);

    Deliveries deliveries;
    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        time.freezeAt(Instant.parse("2026-03-02T09:00:00Z"));
        deliveries = new Deliveries(sender, mailbox, jdbc);
        deliveries.reset();
        tx = new TransactionTemplate(transactions);
    }

    @AfterEach
    void tearDown() {
        mailbox.start();
        time.reset();
        runtime.createProcessInstanceQuery().list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    @Test
    void smtpDown_remindersStayPending_areRetriedWithBackoff_andAllArriveOnceItIsBack() {
        mailbox.stop();
        String n = cases.open(intake(), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Refund missing");
        time.advance(Duration.ofDays(1).plusSeconds(1)); // two check-in reminders fall due during the outage
        time.advance(Duration.ofDays(1));
        assertThat(deliveries.rows()).isEqualTo(4); // acknowledgement, hand-off, 1st and 2nd check-in

        Instant firstTry = Instant.now();
        assertThat(sender.deliverDue()).isZero();
        assertThat(rows()).allSatisfy(row -> {
            assertThat(row.get("state")).isEqualTo("PENDING");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat((String) row.get("last_error")).isNotBlank();
            assertThat(nextAttempt(row)).isAfterOrEqualTo(firstTry.plusMillis(200)); // initial backoff
        });

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            sender.deliverDue();
            return rows().stream().allMatch(row -> row.get("attempts").equals(2));
        });
        Instant secondTry = Instant.now();
        assertThat(rows()).allSatisfy(row -> {
            assertThat(row.get("state")).isEqualTo("PENDING");
            // doubled: at least 400 ms after the second attempt (which ended before secondTry)
            assertThat(nextAttempt(row)).isAfterOrEqualTo(secondTry.minusMillis(500).plusMillis(400));
        });
        assertThat(mailbox.received()).isEmpty();

        mailbox.start();
        List<Received> arrived = deliveries.deliver();

        List<String> outboxIds = jdbc.sql("select message_id from ft_mail_outbox where state = 'SENT'")
                .query(String.class).list();
        assertThat(outboxIds).hasSize(4);
        assertThat(arrived).extracting(Received::messageId).containsExactlyInAnyOrderElementsOf(outboxIds);
        assertThat(countByMessageId(mailbox.received())).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        assertThat(arrived).extracting(Received::subject)
                .anyMatch(subject -> subject.startsWith("2nd reminder: Check in with Paul"));
        assertThat(sender.deliverDue()).as("nothing left to send").isZero();
    }

    @Test
    void aCheckInReminderStuckInTheOutbox_isNotSentAfterTheHandOffEnded() {
        mailbox.stop();
        String n = cases.open(intake(), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), null);
        time.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(sender.deliverDue()).isZero(); // SMTP down: the reminder waits for a retry

        cases.resolveHandOff(n, PAUL, "Done");
        mailbox.start();
        List<Received> arrived = deliveries.deliver();

        assertThat(arrived).extracting(Received::subject).noneMatch(subject -> subject.contains("Check in with"))
                .contains("Paul resolved the hand-off on " + n + " — time to verify");
        assertThat(deliveries.count("CANCELLED")).isEqualTo(1);
    }

    @Test
    void aStepThatRollsBack_sendsNothing() {
        String n = cases.open(intake(), ALICE).number();
        deliveries.deliver();
        long before = deliveries.rows();

        tx.executeWithoutResult(status -> {
            cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "this transaction is rolled back");
            assertThat(deliveries.rows()).as("the outbox row is written in the step's transaction")
                    .isEqualTo(before + 1);
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "this one fails after the event was published");
            throw new IllegalStateException("a later part of the step fails");
        })).hasMessage("a later part of the step fails");

        assertThat(deliveries.rows()).isEqualTo(before);
        assertThat(deliveries.deliver()).isEmpty();
        assertThat(cases.get(n).status()).isEqualTo(CaseStatus.WITH_OWNER);
    }

    @Test
    void twoSenderInstances_againstOneDatabase_deliverEveryMailExactlyOnce() throws Exception {
        int n = 300;
        enqueue(n);
        NotificationProperties smallBatches = withBatchSize(10);
        OutboxSender nodeA = new OutboxSender(outbox, List.of(email), smallBatches, liveNode("node-a", LONG_LIFE), meters,
                Clock.systemUTC());
        OutboxSender nodeB = new OutboxSender(outbox, List.of(email), smallBatches, liveNode("node-b", LONG_LIFE), meters,
                Clock.systemUTC());

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (OutboxSender node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                runs.add(threads.submit(() -> {
                    int delivered = 0;
                    while (deliveries.count("PENDING") > 0) {
                        delivered += node.deliverDue();
                    }
                    return delivered;
                }));
            }
            List<Integer> perThread = new ArrayList<>();
            for (Future<Integer> run : runs) {
                perThread.add(run.get());
            }
            System.out.printf("Two senders, four threads delivered %s = %d mails%n", perThread,
                    perThread.stream().mapToInt(Integer::intValue).sum());
            assertThat(perThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        } finally {
            threads.shutdownNow();
        }

        List<Received> received = mailbox.received();
        assertThat(received).hasSize(n);
        assertThat(countByMessageId(received)).hasSize(n).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        assertThat(deliveries.count("SENT")).isEqualTo(n);
    }

    @Test
    void rowsClaimedByALiveNode_areLeftAlone_untilTheClaimExpires() {
        enqueue(3);
        Node busy = liveNode("node-busy", LONG_LIFE);
        Instant now = Instant.now();
        // A live node claims the rows and takes too long: nobody else may take them while the claim holds.
        assertThat(outbox.claim("node-busy/claim", busy.id(), List.of(EmailChannel.NAME), 10, now, now.plusMillis(700), busy.deadBefore(now)))
                .hasSize(3);
        assertThat(sender.deliverDue()).isZero();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> deliveries.count("SENT") == 3 || sender.deliverDue() < 0);
        assertEachOnce(mailbox.received(), 3);
        assertThat(jdbc.sql("select count(*) from ft_mail_outbox where claimed_by is not null").query(Long.class)
                .single()).isZero();
    }

    /**
     * The PostgreSQL cluster's crash (issue 16): a node claimed a batch and died; its claims must not wait for the
     * claim timeout (minutes) but pass to a live node as soon as the dead node's heartbeat is {@code dead-after} old.
     */
    @Test
    void rowsClaimedByANodeWhoseHeartbeatStopped_areTakenOverAfterDeadAfter_notAfterTheClaimTimeout() {
        enqueue(3);
        Node victim = liveNode("victim", LONG_LIFE);
        Node survivor = liveNode("survivor", Duration.ofMillis(800));
        OutboxSender survivorSender = new OutboxSender(outbox, List.of(email), properties, survivor, meters,
                Clock.systemUTC());
        Instant claimedAt = Instant.now();
        assertThat(outbox.claim("victim/claim", victim.id(), List.of(EmailChannel.NAME), 10, claimedAt, claimedAt.plus(Duration.ofMinutes(2)),
                victim.deadBefore(claimedAt))).hasSize(3);
        // The victim dies now: its heartbeat stops. While it is younger than dead-after, its claims hold.
        assertThat(survivorSender.deliverDue()).isZero();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> survivorSender.deliverDue() > 0 && deliveries.count("PENDING") == 0);

        assertThat(Duration.between(claimedAt, Instant.now())).as("taken over long before the 2-minute claim timeout")
                .isLessThan(Duration.ofSeconds(10));
        assertEachOnce(mailbox.received(), 3);
        assertThat(jdbc.sql("select sent_by from ft_mail_outbox").query(String.class).list())
                .containsOnly("survivor");
    }

    /** The PostgreSQL cluster's crash (issue 16): a killed node had sent 35 of its batch of 50 and marked none. */
    @Test
    void eachMailIsRecordedSentAsSoonAsTheServerAcceptsIt_beforeTheNextGoesOut() {
        enqueue(5);
        List<Long> sentWhileArriving = new CopyOnWriteArrayList<>();
        mailbox.onEachArrival(() -> sentWhileArriving.add(deliveries.count("SENT")));
        try {
            assertThat(sender.deliverDue()).isEqualTo(5);
        } finally {
            mailbox.onEachArrival(null);
        }

        assertThat(sentWhileArriving).as("mails recorded SENT when the next one reached the server")
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(jdbc.sql("select sent_by from ft_mail_outbox").query(String.class).list())
                .as("the node that sent each mail").containsOnly(node.name()).hasSize(5);
    }

    /**
     * A node taken for dead while it still sends (a pause longer than {@code dead-after}): another node took its claims
     * over. It finishes the message it was sending, sees that the claim is gone, and sends nothing more of the batch.
     */
    @Test
    void aSenderWhoseClaimsWereTakenOver_stopsAfterTheMessageItWasSending() {
        enqueue(5);
        AtomicInteger arrivals = new AtomicInteger();
        mailbox.onEachArrival(() -> {
            if (arrivals.incrementAndGet() == 2) {
                jdbc.sql("update ft_mail_outbox set claimed_by = 'other/claim', claimed_node = 'other' "
                        + "where state = 'PENDING'").update();
            }
        });
        try {
            assertThat(sender.deliverDue()).isEqualTo(1);
        } finally {
            mailbox.onEachArrival(null);
        }

        assertThat(mailbox.received()).as("the first mail, and the one being sent when the claims were taken").hasSize(2);
        assertThat(deliveries.count("SENT")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ft_mail_outbox where claimed_by = 'other/claim'").query(Long.class)
                .single()).as("left to the node that took them over").isEqualTo(4);
    }

    @Test
    void aMailThatCannotBeDelivered_endsFailedAfterTheLastAttempt_visibleInHealthAndMetrics() {
        mailbox.stop();
        enqueue(1);
        double failedBefore = meters.get("followthrough.mail.failed").counter().count();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
            sender.deliverDue();
            return deliveries.count("FAILED") == 1;
        });

        Map<String, Object> row = rows().get(0);
        assertThat(row.get("attempts")).isEqualTo(properties.sender().maxAttempts());
        Health status = health.health();
        assertThat(status.getStatus()).isEqualTo(Status.UP);
        assertThat(status.getDetails()).containsEntry("failed", 1L).containsEntry("pending", 0L);
        assertThat(status.getDetails().get("failedMails")).asString()
                .contains("someone@followthrough.test", "attempts=5", "lastError=");
        assertThat(meters.get("followthrough.mail.outbox").tag("state", "failed").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("followthrough.mail.failed").counter().count()).isEqualTo(failedBefore + 1);

        mailbox.start();
        assertThat(sender.deliverDue()).as("a FAILED mail is not retried by itself").isZero();
        assertThat(mailbox.received()).isEmpty();
    }

    @Test
    void measurement_deliver1000PendingMailsToGreenMail() {
        int n = 1000;
        enqueue(n);
        long start = System.nanoTime();
        int delivered = 0;
        while (deliveries.count("PENDING") > 0) {
            delivered += sender.deliverDue();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MEASUREMENT: delivered %d pending mails to GreenMail in %.2f s: %.0f mails/s "
                + "(one sender, batches of %d over one SMTP connection each)%n", delivered, seconds, delivered / seconds,
                properties.sender().batchSize());
        assertThat(delivered).isEqualTo(n);
        assertThat(mailbox.received()).hasSize(n);
    }

    @Test
    void measurement_fourSendersDeliver1000PendingMailsExactlyOnce() {
        int n = 1000;
        enqueue(n);
        long start = System.nanoTime();
        int delivered;
        try (var schedule = new NotificationConfiguration.OutboxSchedule(sender, 4)) {
            delivered = schedule.deliverAll();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MEASUREMENT: four senders delivered %d pending mails to GreenMail in %.2f s: %.0f mails/s%n",
                delivered, seconds, delivered / seconds);
        assertThat(delivered).isEqualTo(n);
        assertThat(deliveries.count("SENT")).isEqualTo(n);
        assertThat(mailbox.received().stream().map(Received::messageId).toList()).hasSize(n).doesNotHaveDuplicates();
    }

    // ---

    /** A node that has just written its heartbeat; it lives for {@code deadAfter} unless it beats again. */
    private Node liveNode(String name, Duration deadAfter) {
        Node live = new Node(name, jdbc, Clock.systemUTC(), deadAfter);
        live.beat();
        return live;
    }

    private static void assertEachOnce(List<Received> received, int expected) {
        assertThat(countByMessageId(received)).hasSize(expected)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    }

    /**
     * Writes {@code count} check-in reminders as a step writes them (facts, rendered by the sender at delivery), with
     * the facts of a real one: a case handed off with a note, a business day ago.
     */
    private void enqueue(int count) {
        String facts = checkInFacts();
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(new Outbox.Notification(NotificationKind.CHECK_IN_DUE, EmailChannel.NAME,
                        "FT-2026-999999", "someone", "Someone", "someone@followthrough.test",
                        ZoneId.of("Europe/Berlin"), facts), Instant.now());
            }
        });
    }

    private static String checkInFacts;

    private String checkInFacts() {
        if (checkInFacts == null) {
            String n = cases.open(intake(), ALICE).number();
            cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Refund of 120 EUR for INV-42 was never booked");
            time.advance(Duration.ofDays(1).plusSeconds(1));
            checkInFacts = jdbc.sql("select facts from ft_mail_outbox where case_number = ? and kind = 'CHECK_IN_DUE'")
                    .param(n).query(String.class).single();
        }
        jdbc.sql("delete from ft_mail_outbox").update();
        return checkInFacts;
    }

    private NotificationProperties withBatchSize(int batchSize) {
        NotificationProperties.Sender s = properties.sender();
        return new NotificationProperties(properties.from(), properties.customerMail(),
                new NotificationProperties.Sender(s.enabled(), s.interval(), batchSize, s.claimTimeout(),
                        s.maxAttempts(), s.initialBackoff(), s.maxBackoff(), s.threads()), properties.directoryCache());
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("select * from ft_mail_outbox order by id").query().listOfRows().stream()
                .map(row -> row.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(),
                        e -> e.getValue() == null ? "" : e.getValue())))
                .toList();
    }

    private static Instant nextAttempt(Map<String, Object> row) {
        Object value = row.get("next_attempt_at");
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private static Map<String, Long> countByMessageId(List<Received> received) {
        return received.stream().collect(Collectors.groupingBy(Received::messageId, Collectors.counting()));
    }

    private static OpenCase intake() {
        return anOpenCase().forCustomer(aCustomer().named("Jane Doe").withEmail("jane.doe@customer.test")
                .withPhone("+44 20 7946 0000")).withSummary("Refund not received").build();
    }

}
