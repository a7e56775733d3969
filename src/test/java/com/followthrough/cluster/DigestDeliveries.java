package com.followthrough.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.TestMail;
import com.followthrough.TestMail.Received;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The weekly digest as the crash tests drive it and count it at the SMTP server: the nodes' settings (a business week
 * that opens on Monday at 00:00 UTC, so last week's digest is due whenever the tests run) and the digests delivered
 * per reader and Message-ID.
 */
final class DigestDeliveries {

    static final String SUBJECT = "Your week of ";

    /** Mail sender threads of a node: at most this many mails are accepted by SMTP but not yet SENT at a kill. */
    static final int SENDER_THREADS = 2;

    private DigestDeliveries() {
    }

    static String[] nodeSettings(TestMail.Mailbox mailbox) {
        return new String[] {
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mailbox.port(),
                "--followthrough.notifications.sender.interval=PT0.5S",
                "--followthrough.calendar.zone=UTC",
                "--followthrough.calendar.hours.monday=00:00-23:59",
                "--followthrough.stories.digest.check-every=PT0.5S",
                // a node killed holding the cluster's digest lock leaves it to the next after this (production: 15 min)
                "--followthrough.stories.digest.lock-at-most-for=PT5S"};
    }

    static List<Received> digests(List<Received> mails) {
        return mails.stream().filter(mail -> mail.subject().startsWith(SUBJECT)).toList();
    }

    static Set<String> recipients(TestMail.Mailbox mailbox) {
        return digests(mailbox.received()).stream().map(Received::to).collect(Collectors.toSet());
    }

    /**
     * Every one of {@code readers} got exactly one digest (one Message-ID each); the same Message-ID delivered twice
     * only for a mail the SMTP server had accepted when its sender died, before the sender marked it SENT (at most one
     * per sender thread and kill). Returns the number delivered twice.
     */
    static long assertOncePerReader(TestMail.Mailbox mailbox, long readers) {
        List<Received> digests = digests(mailbox.receivedOnceSettled());
        Map<String, Set<String>> messageIdsPerReader = digests.stream().collect(Collectors.groupingBy(
                Received::to, Collectors.mapping(Received::messageId, Collectors.toSet())));
        long deliveredTwice = digests.size() - digests.stream().map(Received::messageId).distinct().count();
        System.out.printf("digest crash: %d digests delivered to %d readers, %d twice (same Message-ID)%n",
                digests.size(), messageIdsPerReader.size(), deliveredTwice);
        assertThat(messageIdsPerReader).hasSize((int) readers)
                .allSatisfy((to, ids) -> assertThat(ids).as("digests of " + to).hasSize(1));
        assertThat(deliveredTwice).as("accepted by SMTP but not yet SENT when the node died: one per sender thread "
                + "at most").isLessThanOrEqualTo(SENDER_THREADS);
        return deliveredTwice;
    }
}
