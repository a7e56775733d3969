package com.followthrough.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.TestMail;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weekly digest goes out exactly once per reader on the embedded default too: the packaged jar on its H2 file
 * ({@link ApplicationNode#startOnH2}, the demo profile), killed with SIGKILL while it writes the digests, then started
 * again on the same files; counted at a real SMTP server by recipient and Message-ID. One node (H2's file belongs to
 * one process), one kill point: after {@value #WRITTEN_AT_KILL} of the digests are written.
 */
class DigestCrashOnH2IntegrationTests {

    private static final String NODE = "h2-digest";
    private static final int EXTRA_READERS = 150;
    private static final int WRITTEN_AT_KILL = 15;
    /** DigestWriter's line per digest committed (logged at DEBUG). */
    private static final String WRITTEN = "Weekly digest written: ";
    private static final String[] LOG_EACH_DIGEST = {"--logging.level.com.followthrough.stories.DigestWriter=DEBUG"};

    private TestMail.Mailbox mailbox;
    private Path directory;

    @BeforeEach
    void startMailbox() {
        mailbox = TestMail.Mailbox.onFreePort();
        directory = Path.of("target", "h2-crash", "digest-" + System.currentTimeMillis()).toAbsolutePath();
    }

    @AfterEach
    void stopMailbox() {
        mailbox.stop();
    }

    @Test
    void killedWhileWritingDigests_andStartedAgain_everyReaderGetsTheirDigestOnce() {
        // First run without the digest: the demo's people and data, and the readers the kill falls among.
        try (var seeding = ApplicationNode.startOnH2(NODE, directory,
                with(DigestDeliveries.nodeSettings(mailbox), "--followthrough.stories.digest.enabled=false"))) {
            IntStream.range(0, EXTRA_READERS).forEach(i -> seedReader(seeding, "reader" + i));
        }
        long readers;
        long writtenAtKill;
        ApplicationNode node = ApplicationNode.startOnH2(NODE, directory,
                with(DigestDeliveries.nodeSettings(mailbox), LOG_EACH_DIGEST));
        try {
            await("digests written before the kill").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                    .until(() -> node.logLines(WRITTEN) >= WRITTEN_AT_KILL);
            node.kill();
            try (var database = H2DatabaseFile.open(directory)) {
                // alice, bob, paul and sam of the demo, and ours (admin administers only: no digest)
                readers = database.count("""
                        select count(distinct user_id_) from act_id_membership
                        where group_id_ in ('agents', 'supervisors', 'accounting', 'billing', 'shipping')""");
                writtenAtKill = database.count("select count(*) from ft_digest");
            }
            System.out.printf("digest crash on H2: killed after %d of %d digests written, %d mails accepted%n",
                    writtenAtKill, readers, mailbox.count());
            assertThat(readers).isEqualTo(4 + EXTRA_READERS);
            assertThat(writtenAtKill).as("killed while writing").isBetween((long) WRITTEN_AT_KILL, readers - 1);
        } finally {
            node.close();
        }
        // Started again on the same files: it writes the rest, and none of those written before the kill again.
        try (var restarted = ApplicationNode.startOnH2(NODE, directory,
                with(DigestDeliveries.nodeSettings(mailbox), LOG_EACH_DIGEST))) {
            await("every reader's digest delivered").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .dontCatchUncaughtExceptions()
                    .until(() -> DigestDeliveries.recipients(mailbox).size() >= readers);
            restarted.awaitOutboxEmpty();
            assertThat(restarted.logLines(WRITTEN)).as("written after the restart").isEqualTo(readers - writtenAtKill);
        }
        DigestDeliveries.assertOncePerReader(mailbox, readers);
        try (var database = H2DatabaseFile.open(directory)) {
            assertThat(database.count("select count(*) from ft_digest")).isEqualTo(readers);
        }
    }

    /** A reader who works cases, through the engine's REST API (as the demo's administrator). */
    private static void seedReader(ApplicationNode node, String id) {
        HttpResponse<String> created = node.send("admin", "POST", "/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"Reader","lastName":"%s","email":"%s@followthrough.test"},
                 "credentials":{"password":"%s-secret-1"}}""".formatted(id, id, id, id));
        assertThat(created.statusCode()).as("create %s: %s", id, created.body()).isEqualTo(204);
        HttpResponse<String> member = node.send("admin", "PUT", "/engine-rest/group/agents/members/" + id, null);
        assertThat(member.statusCode()).as("%s joins the agents: %s", id, member.body()).isEqualTo(204);
    }

    private static String[] with(String[] settings, String... more) {
        return Stream.concat(Stream.of(settings), Stream.of(more)).toArray(String[]::new);
    }
}
