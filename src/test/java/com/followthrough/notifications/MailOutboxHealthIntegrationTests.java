package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as operators see it: what waits and what failed, and since when the oldest mail waits. The sent
 * history, which only grows, is not counted there (it was grouped on every health request and scrape); sent mail is
 * the counter {@code followthrough.mail.sent}.
 */
@CaseIntegrationTest
class MailOutboxHealthIntegrationTests {

    @Autowired
    MailOutboxHealth health;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void anOutboxWithHistory() {
        jdbc.sql("delete from ft_mail_outbox").update();
        row("pending-older", "PENDING", now.minus(2, ChronoUnit.HOURS));
        row("pending-newer", "PENDING", now.minus(1, ChronoUnit.HOURS));
        row("failed", "FAILED", now.minus(3, ChronoUnit.HOURS));
        for (String sent : List.of("sent-1", "sent-2", "sent-3")) {
            row(sent, "SENT", now.minus(5, ChronoUnit.DAYS));
        }
        row("cancelled", "CANCELLED", now.minus(4, ChronoUnit.DAYS));
    }

    @Test
    void healthCountsWhatWaitsAndWhatFailed_andSaysSinceWhenTheOldestWaits() {
        Health status = health.health();

        assertThat(status.getStatus()).isEqualTo(Status.UP);
        assertThat(status.getDetails()).containsEntry("pending", 2L).containsEntry("failed", 1L)
                .containsEntry("oldestPendingSince", now.minus(2, ChronoUnit.HOURS).toString())
                .doesNotContainKeys("sent", "cancelled");
        assertThat(status.getDetails().get("failedMails")).asString()
                .contains("case=FT-2026-000042", "kind=CHECK_IN_DUE", "to=alice@followthrough.test");
    }

    @Test
    void theGaugesArePendingAndFailed() {
        health.health(); // reads the backlog afresh, which the gauges then reuse for up to 5 s
        assertThat(meters.get("followthrough.mail.outbox").tag("state", "pending").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("followthrough.mail.outbox").tag("state", "failed").gauge().value()).isEqualTo(1.0);
        assertThat(meters.find("followthrough.mail.outbox").tag("state", "sent").gauge()).isNull();
    }

    private void row(String name, String state, Instant createdAt) {
        jdbc.sql("""
                        insert into ft_mail_outbox (message_id, kind, case_number, recipient_id, to_address, subject,
                            body_text, body_html, state, attempts, next_attempt_at, created_at)
                        values (?, 'CHECK_IN_DUE', 'FT-2026-000042', 'alice', 'alice@followthrough.test', ?, 'Body.',
                            '<p>Body.</p>', ?, 0, ?, ?)
                        """)
                .params("<" + name + "@followthrough.test>", "Outbox row " + name, state,
                        // Far ahead: no sender picks the pending rows up while the test reads them.
                        now.plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC), createdAt.atOffset(ZoneOffset.UTC))
                .update();
    }
}
