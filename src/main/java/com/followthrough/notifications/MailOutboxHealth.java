package com.followthrough.notifications;

import com.followthrough.notifications.Outbox.State;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * What operators see of the outbox: the health component {@code mailOutbox} (pending, failed with the latest failures
 * and their errors, whether a mail server is configured) and the gauge {@code followthrough.mail.outbox{state}}.
 * Failed mail does not make the application DOWN (it still works; a load balancer must not take it out) but is
 * listed in the details and counted, so an alert can fire on {@code followthrough_mail_outbox{state="failed"} > 0}.
 */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealth implements HealthIndicator, MeterBinder {

    private static final Duration COUNTS_MAX_AGE = Duration.ofSeconds(5);

    private final OutboxBacklog outbox;
    private final boolean mailServer;
    private volatile Map<State, Long> counts;
    private volatile Instant countedAt = Instant.EPOCH;

    MailOutboxHealth(OutboxBacklog outbox, ObjectProvider<JavaMailSender> mailSender) {
        this.outbox = outbox;
        this.mailServer = mailSender.getIfAvailable() != null;
    }

    @Override
    public Health health() {
        Map<State, Long> now = refreshedCounts(Duration.ZERO);
        Health.Builder health = Health.up()
                .withDetail("mailServer", mailServer ? "configured" : "not configured: mail waits in the outbox")
                .withDetail("pending", now.get(State.PENDING))
                .withDetail("failed", now.get(State.FAILED))
                .withDetail("sent", now.get(State.SENT))
                .withDetail("cancelled", now.get(State.CANCELLED));
        outbox.oldestPending().ifPresent(oldest -> health.withDetail("oldestPendingSince", oldest.toString()));
        if (now.get(State.FAILED) > 0) {
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
        for (State state : State.values()) {
            Gauge.builder("followthrough.mail.outbox", this, health -> health.refreshedCounts(COUNTS_MAX_AGE).get(state))
                    .description("Emails in the outbox by state")
                    .tag("state", state.name().toLowerCase())
                    .register(registry);
        }
    }

    private Map<State, Long> refreshedCounts(Duration maxAge) {
        Instant now = Instant.now();
        if (counts == null || countedAt.plus(maxAge).isBefore(now) || maxAge.isZero()) {
            counts = outbox.countByState();
            countedAt = now;
        }
        return counts;
    }
}
