package com.followthrough.notifications;

import static org.awaitility.Awaitility.await;

import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test driver for the outbox: empties it, delivers what is due through the real sender to GreenMail, and returns the
 * mail that arrived since the last look. Waits with Awaitility, never by sleeping.
 */
final class Deliveries {

    private final OutboxSender sender;
    private final Mailbox mailbox;
    private final JdbcClient jdbc;
    private final Set<String> seen = new HashSet<>();

    Deliveries(OutboxSender sender, Mailbox mailbox, JdbcClient jdbc) {
        this.sender = sender;
        this.mailbox = mailbox;
        this.jdbc = jdbc;
    }

    /** A clean slate: no outbox rows (other tests leave theirs pending), an empty, running mail server. */
    void reset() {
        jdbc.sql("delete from ft_mail_outbox").update();
        mailbox.start();
        mailbox.purge();
        seen.clear();
    }

    /** Delivers everything pending and returns the mail that arrived since the last call. */
    List<Received> deliver() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            sender.deliverDue();
            return count("PENDING") == 0;
        });
        // GreenMail lists received mail grouped by mailbox, not by arrival: tell new from seen by Message-ID.
        return mailbox.received().stream().filter(mail -> seen.add(mail.messageId())).toList();
    }

    long count(String state) {
        return jdbc.sql("select count(*) from ft_mail_outbox where state = ?").param(state).query(Long.class).single();
    }

    long rows() {
        return jdbc.sql("select count(*) from ft_mail_outbox").query(Long.class).single();
    }
}
