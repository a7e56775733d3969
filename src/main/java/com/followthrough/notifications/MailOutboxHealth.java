package com.followthrough.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * What operators see of the outbox: the health component {@code mailOutbox} (pending, failed with the latest failures
 * and their errors, since when the oldest pending mail waits, whether a mail server is configured) and the gauge
 * {@code followthrough.mail.outbox{state}} for pending and failed. Failed mail does not make the application DOWN (it
 * still works; a load balancer must not take it out) but is listed in the details and counted, so an alert can fire
 * on {@code followthrough_mail_outbox{state="failed"} > 0}.
 *
 * <p>Both count only what waits or failed, by the state index ({@link OutboxBacklog#now}), never the sent history:
 * counting every state grouped the whole outbox, every mail ever sent, on each health request of an administrator
 * and on each scrape (issue 20). Sent mail is the counter {@code followthrough.mail.sent}.
 */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealth implements HealthIndicator, MeterBinder {

    /** How long a scrape may reuse the gauges' counts (one read serves both states). */
    private static final Duration COUNTS_MAX_AGE = Duration.ofSeconds(5);

    private final OutboxBacklog outbox;
    private final boolean mailServer;
    private volatile OutboxBacklog.Backlog backlog;
    private volatile Instant countedAt = Instant.EPOCH;

    MailOutboxHealth(OutboxBacklog outbox, ObjectProvider<JavaMailSender> mailSender) {
        this.outbox = outbox;
        this.mailServer = mailSender.getIfAvailable() != null;
    }

    /**
     * Always UP, so without details (a load balancer's probe, anyone not an administrator) there is nothing to count:
     * Spring Boot asks every component for the status alone too, and the backlog's count grows with an SMTP outage
     * (an anonymous probe took 28 ms on PostgreSQL after the intake benchmark, whose mail all waits; issue 20).
     */
    @Override
    public Health getHealth(boolean includeDetails) {
        return includeDetails ? health() : Health.up().build();
    }

    @Override
    public Health health() {
        OutboxBacklog.Backlog now = refreshed(Duration.ZERO);
        Health.Builder health = Health.up()
                .withDetail("mailServer", mailServer ? "configured" : "not configured: mail waits in the outbox")
                .withDetail("pending", now.pending())
                .withDetail("failed", now.failed());
        if (now.oldestPendingSince() != null) {
            health.withDetail("oldestPendingSince", now.oldestPendingSince().toString());
        }
        if (now.failed() > 0) {
            health.withDetail("failedMails", outbox.failed(10).stream().map(failed -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("id", failed.id());
                detail.put("case", failed.caseNumber());
                detail.put("kind", failed.kind());
                detail.put("to", failed.to());
                detail.put("attempts", failed.attempts());
                detail.put("lastError", failed.lastError());
                detail.put("createdAt", failed.createdAt().toString());
                return detail;
            }).toList());
        }
        return health.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Map<String, ToLongFunction<OutboxBacklog.Backlog>> states = Map.of("pending", OutboxBacklog.Backlog::pending,
                "failed", OutboxBacklog.Backlog::failed);
        states.forEach((state, count) -> Gauge.builder("followthrough.mail.outbox", this,
                        health -> count.applyAsLong(health.refreshed(COUNTS_MAX_AGE)))
                .description("Emails in the outbox by state").tag("state", state).register(registry));
    }

    private OutboxBacklog.Backlog refreshed(Duration maxAge) {
        Instant now = Instant.now();
        if (backlog == null || maxAge.isZero() || countedAt.plus(maxAge).isBefore(now)) {
            backlog = outbox.now();
            countedAt = now;
        }
        return backlog;
    }
}
