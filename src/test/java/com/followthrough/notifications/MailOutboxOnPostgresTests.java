package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.cluster.Node;
import com.followthrough.notifications.Outbox.Entry;
import com.followthrough.notifications.Outbox.Notification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's SQL on a real PostgreSQL (embedded, no Docker): the Flyway migrations apply, claiming with
 * {@code FOR UPDATE SKIP LOCKED} hands two concurrent claimers disjoint rows without blocking, and the claims of a node
 * whose heartbeat stopped pass to another. The same statements run
 * on H2 in every integration test.
 */
class MailOutboxOnPostgresTests {

    static EmbeddedPostgres postgres;
    static DataSource dataSource;

    private static final List<String> EMAIL = List.of(EmailChannel.NAME);

    Outbox outbox;
    OutboxBacklog backlog;
    JdbcClient jdbc;
    TransactionTemplate tx;
    Node nodeA;
    Node nodeB;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).table("ft_schema_history").load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from ft_mail_outbox").update();
        outbox = new Outbox(jdbc, new Links("http://localhost:8080"));
        backlog = new OutboxBacklog(jdbc);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        nodeA = liveNode("node-a");
        nodeB = liveNode("node-b");
    }

    private Node liveNode(String name) {
        Node node = new Node(name, jdbc, Clock.systemUTC(), Duration.ofSeconds(10));
        node.beat();
        return node;
    }

    @Test
    void concurrentClaimers_getDisjointRows_withoutWaitingForEachOther() throws Exception {
        enqueue(100);
        Instant now = Instant.now();
        CountDownLatch aClaimed = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);

        CompletableFuture<List<Entry>> a = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            List<Entry> claimed = outbox.claim("node-a/1", nodeA.id(), EMAIL, 60, now, now.plusSeconds(60),
                    nodeA.deadBefore(now));
            aClaimed.countDown();
            await(bDone); // hold A's row locks open while B claims
            return claimed;
        }));
        await(aClaimed);
        List<Entry> b = tx.execute(status -> outbox.claim("node-b/1", nodeB.id(), EMAIL, 60, now, now.plusSeconds(60),
                nodeB.deadBefore(now)));
        bDone.countDown();

        Set<Long> idsA = ids(a.get(10, TimeUnit.SECONDS));
        Set<Long> idsB = ids(b);
        assertThat(idsA).hasSize(60);
        assertThat(idsB).hasSize(40).doesNotContainAnyElementsOf(idsA);
    }

    @Test
    void sentFailedAndExpiredClaims_onPostgres() {
        enqueue(3);
        Instant now = Instant.now();
        List<Entry> otherChannel = tx.execute(status -> outbox.claim("node-a/0", nodeA.id(), List.of("SMS"), 10, now,
                now.plusSeconds(1), nodeA.deadBefore(now)));
        assertThat(otherChannel).as("another channel's claim").isEmpty();
        List<Entry> claimed = tx.execute(status -> outbox.claim("node-a/1", nodeA.id(), EMAIL, 10, now,
                now.plusSeconds(1), nodeA.deadBefore(now)));
        assertThat(claimed).hasSize(3).allSatisfy(row -> {
            assertThat(row.renderedAtItsStep()).isFalse();
            assertThat(row.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(row.recipientName()).isEqualTo("Alice");
        });
        List<Entry> none = tx.execute(status -> outbox.claim("node-b/1", nodeB.id(), EMAIL, 10, now, now.plusSeconds(1),
                nodeB.deadBefore(now)));
        assertThat(none).isEmpty();

        assertThat(outbox.markSent(claimed.get(0), "node-a", "Check in 0", now)).isTrue();
        assertThat(outbox.markSent(claimed.get(0), "node-a", "Check in 0", now)).as("recorded once").isFalse();
        assertThat(outbox.markAttemptFailed(claimed.get(1), "SMTP down", now.plusSeconds(30))).isTrue();
        assertThat(outbox.markAttemptFailed(claimed.get(2), "rejected", null)).isTrue();

        assertThat(jdbc.sql("select count(*) from ft_mail_outbox where state = 'SENT'").query(Long.class).single())
                .isOne();
        assertThat(backlog.now()).satisfies(waiting -> {
            assertThat(waiting.pending()).isOne();
            assertThat(waiting.failed()).isOne();
        });
        assertThat(backlog.oldestPending()).isPresent();
        assertThat(backlog.failed(10)).singleElement().satisfies(failed -> {
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).isEqualTo("rejected");
        });
        // The failed attempt is due again 30 s later, and only then claimed; SENT and FAILED rows never are.
        Instant later = now.plus(Duration.ofSeconds(31));
        List<Entry> retried = tx.execute(status -> outbox.claim("node-b/2", nodeB.id(), EMAIL, 10, later,
                later.plusSeconds(60), later.minusSeconds(10)));
        assertThat(retried).extracting(Entry::id).containsExactly(claimed.get(1).id());
        assertThat(jdbc.sql("select sent_by, subject from ft_mail_outbox where state = 'SENT'").query()
                .listOfRows()).singleElement().satisfies(row -> assertThat(row.values())
                        .containsExactly("node-a", "Check in 0"));
    }

    /** The claim-takeover SQL on PostgreSQL: a live node's claim holds; a node whose heartbeat stopped loses it. */
    @Test
    void claimsOfANodeWhoseHeartbeatStopped_areTakenOver_claimsOfALiveNodeAreNot() {
        enqueue(4);
        Instant now = Instant.now();
        Node victim = new Node("victim", jdbc, Clock.fixed(now.minusSeconds(30), ZoneOffset.UTC),
                Duration.ofSeconds(10));
        victim.beat(); // its last heartbeat, 30 s ago
        List<Entry> victims = tx.execute(status -> outbox.claim("victim/1", victim.id(), EMAIL, 2, now,
                now.plusSeconds(120), nodeA.deadBefore(now)));
        List<Entry> nodeAs = tx.execute(status -> outbox.claim("node-a/1", nodeA.id(), EMAIL, 2, now,
                now.plusSeconds(120), nodeA.deadBefore(now)));
        assertThat(victims).hasSize(2);
        assertThat(nodeAs).hasSize(2);

        List<Entry> takenOver = tx.execute(status -> outbox.claim("node-b/1", nodeB.id(), EMAIL, 10, now,
                now.plusSeconds(120), nodeB.deadBefore(now)));

        assertThat(takenOver).hasSize(2).extracting(Entry::claimedBy).containsOnly("node-b/1");
        assertThat(jdbc.sql("select count(*) from ft_mail_outbox where claimed_node = ?").param(nodeA.id())
                .query(Long.class).single()).as("the live node's claims").isEqualTo(2);
    }

    private void enqueue(int count) {
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(new Notification(NotificationKind.CHECK_IN_DUE, EmailChannel.NAME, "FT-2026-000001",
                        "alice", "Alice", "alice@followthrough.test", ZoneId.of("Europe/Berlin"),
                        Facts.withoutCase("FT-2026-000001").put("reminder", i).json()), Instant.now().minusSeconds(1));
            }
        });
    }

    private static Set<Long> ids(List<Entry> mails) {
        Set<Long> ids = new HashSet<>();
        mails.forEach(mail -> ids.add(mail.id()));
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
