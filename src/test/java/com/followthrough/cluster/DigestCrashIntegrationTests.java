package com.followthrough.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.FollowthroughApplication;
import com.followthrough.OnPostgres;
import com.followthrough.TestMail;
import com.followthrough.TestPeople;
import com.followthrough.web.ApiTestPeople;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The weekly digest goes out exactly once per reader with two nodes writing and sending it, one of them killed with
 * SIGKILL while it writes the digests, and then started again: counted at a real SMTP server by recipient and
 * Message-ID. Two packaged jars ({@code java -jar}) on one PostgreSQL; the test JVM is a client that seeds the readers.
 * The nodes' business week opens on Monday at 00:00 UTC, so last week's digest is due whenever the test runs.
 */
class DigestCrashIntegrationTests {

    private static final int EXTRA_READERS = 300;

    private String databaseUrl;
    private TestMail.Mailbox mailbox;
    private ConfigurableApplicationContext client;
    private JdbcClient jdbc;

    private String[] nodeSettings() {
        return DigestDeliveries.nodeSettings(mailbox);
    }

    @BeforeEach
    void startClient() {
        mailbox = TestMail.Mailbox.onFreePort();
        databaseUrl = OnPostgres.Database.newDatabase();
        client = new SpringApplicationBuilder(FollowthroughApplication.class, TestPeople.class, ApiTestPeople.class)
                .profiles("postgres")
                .run("--FOLLOWTHROUGH_DB_URL=" + databaseUrl, "--FOLLOWTHROUGH_DB_USER=postgres",
                        "--FOLLOWTHROUGH_DB_PASSWORD=postgres", "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--followthrough.notifications.sender.enabled=false",
                        "--followthrough.stories.digest.enabled=false");
        jdbc = client.getBean(JdbcClient.class);
    }

    /** Readers who are due a digest at once (seeded once both nodes run, so the nodes race for them). */
    private void seedReaders() {
        IdentityService identity = client.getBean(IdentityService.class);
        IntStream.range(0, EXTRA_READERS).forEach(i -> {
            var user = identity.newUser("reader" + i);
            user.setFirstName("Reader " + i);
            user.setEmail("reader" + i + "@followthrough.test");
            identity.saveUser(user);
            identity.createMembership("reader" + i, "agents");
        });
    }

    @AfterEach
    void stopClient() {
        client.close();
        mailbox.stop();
    }

    @Test
    void aNodeKilledWhileWritingDigests_andStartedAgain_everyReaderGetsTheirDigestOnce() {
        try (var first = ApplicationNode.start("digest-a", databaseUrl, nodeSettings());
                var second = ApplicationNode.start("digest-b", databaseUrl, nodeSettings())) {
            // alice, bob, paul, sam and pat got theirs from whichever node started first; ada is an administrator only
            await().atMost(Duration.ofMinutes(1)).until(() -> written() >= 5);
            long before = written();
            seedReaders();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).dontCatchUncaughtExceptions()
                    .until(() -> written() >= before + 20);
            String writer = lastWriter();
            ApplicationNode writing = writer.startsWith("digest-a") ? first : second;
            ApplicationNode other = writing == first ? second : first;
            writing.kill();
            long writtenAtKill = written();
            System.out.printf("digest crash: %s killed after %d of %d digests written, %d mails accepted%n",
                    writing.name(), writtenAtKill, before + EXTRA_READERS, mailbox.count());
            assertThat(writtenAtKill).as("killed while writing").isLessThan(before + EXTRA_READERS);

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).dontCatchUncaughtExceptions()
                    .until(() -> DigestDeliveries.recipients(mailbox).size() >= before + EXTRA_READERS);
            // started again on the same database: it finds every digest written and writes none again
            try (var restarted = ApplicationNode.start(writing.name(), databaseUrl, nodeSettings())) {
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                        .dontCatchUncaughtExceptions().until(() -> pending() == 0);
                System.out.printf("digest crash: written per node %s%n", writtenPerNode());
                assertThat(written()).isEqualTo(before + EXTRA_READERS);
                DigestDeliveries.assertOncePerReader(mailbox, written());
                assertThat(writtenPerNode().keySet()).as("the other node wrote the rest")
                        .anyMatch(node -> node.startsWith(other.name()));
            }
        }
    }

    private long written() {
        return jdbc.sql("select count(*) from ft_digest").query(Long.class).single();
    }

    private String lastWriter() {
        return jdbc.sql("select written_by from ft_digest order by written_at desc limit 1").query(String.class)
                .single();
    }

    private Map<String, Long> writtenPerNode() {
        return jdbc.sql("select written_by, count(*) as n from ft_digest group by written_by").query()
                .listOfRows().stream().collect(Collectors.toMap(row -> (String) row.get("written_by"),
                        row -> ((Number) row.get("n")).longValue()));
    }

    private long pending() {
        return jdbc.sql("select count(*) from ft_mail_outbox where state = 'PENDING'").query(Long.class).single();
    }
}
