package com.followthrough.notifications;

import com.followthrough.cluster.Node;
import com.followthrough.notifications.Outbox.Entry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox rows: claims a batch for this node's run (rows of the channels that can deliver here), hands each
 * row to its channel over one connection per channel for the batch, one at a time, and records each SENT (with the node
 * that sent it) in a short transaction of its own as soon as the channel's server accepted it, before the next one goes
 * out; or a failed attempt with exponential backoff, or FAILED after the last attempt. A row whose message cannot be
 * rendered (a template error) fails the same way: the step that wrote it committed long ago. Safe to run on several
 * threads and nodes at once: a row is only ever sent by the sender holding its claim, and a claim lasts while its
 * node's heartbeat does (at most {@code claim-timeout}). Times here are wall-clock times (delivery is about real time,
 * not the engine's business clock).
 * <p>What no protocol closes: a node that dies after the server accepted a message and before its SENT is committed
 * leaves that one message claimed, and the node that takes the claim over sends it again (same Message-ID). At most one
 * message per sender thread of the dead node.
 * <p>Not a Spring bean by itself: {@link NotificationConfiguration} creates the application's one, and tests create
 * more to play several nodes.
 */
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final Map<String, Channel> channels = new HashMap<>();
    private final NotificationProperties properties;
    private final Node node;
    private final Clock clock;
    private final Counter sent;
    private final Counter attemptsFailed;
    private final Counter gaveUp;

    OutboxSender(Outbox outbox, List<Channel> channels, NotificationProperties properties, Node node,
            MeterRegistry meters, Clock clock) {
        this.outbox = outbox;
        channels.stream().filter(Channel::canDeliver).forEach(channel -> this.channels.put(channel.name(), channel));
        this.properties = properties;
        this.node = node;
        this.clock = clock;
        this.sent = Counter.builder("followthrough.mail.sent").description("Notifications delivered to their server")
                .register(meters);
        this.attemptsFailed = Counter.builder("followthrough.mail.attempts.failed")
                .description("Delivery attempts that failed and will be retried or given up").register(meters);
        this.gaveUp = Counter.builder("followthrough.mail.failed")
                .description("Notifications given up after the last attempt (state FAILED)").register(meters);
    }

    /** Delivers every notification that is due now, batch by batch; returns how many were delivered. */
    public int deliverDue() {
        return deliverDue(() -> false);
    }

    /**
     * Delivers what is due until {@code stopping} says so: the message being sent then finishes and is recorded, and
     * the rest of the batch is released for the next sender.
     */
    int deliverDue(BooleanSupplier stopping) {
        int delivered = 0;
        while (!stopping.getAsBoolean()) {
            Instant now = clock.instant();
            String claimer = node.id() + "/" + UUID.randomUUID().toString().substring(0, 8);
            List<Entry> batch = outbox.claim(claimer, node.id(), channels.keySet(), properties.sender().batchSize(),
                    now, now.plus(properties.sender().claimTimeout()), node.deadBefore(now));
            if (batch.isEmpty()) {
                return delivered;
            }
            int ok = deliver(batch, stopping);
            delivered += ok;
            if (ok < batch.size() || batch.size() < properties.sender().batchSize()) {
                return delivered; // failures: let the backoff work rather than hammer a failing server
            }
        }
        return delivered;
    }

    private int deliver(List<Entry> batch, BooleanSupplier stopping) {
        int delivered = 0;
        Map<String, Channel.Connection> connections = new HashMap<>();
        Map<String, Exception> unreachable = new HashMap<>();
        try {
            for (Entry row : batch) {
                if (stopping.getAsBoolean()) {
                    outbox.release(row.claimedBy());
                    break;
                }
                if (unreachable.containsKey(row.channel())) {
                    failed(row, unreachable.get(row.channel()), clock.instant());
                    continue;
                }
                String subject;
                try {
                    subject = connections.computeIfAbsent(row.channel(), name -> channels.get(name).connect())
                            .send(row);
                } catch (Channel.Unreachable e) {
                    unreachable.put(row.channel(), (Exception) e.getCause());
                    failed(row, (Exception) e.getCause(), clock.instant());
                    continue;
                } catch (Exception e) {
                    failed(row, e, clock.instant());
                    continue;
                }
                if (!outbox.markSent(row, node.name(), subject, clock.instant())) {
                    log.warn("Notification {} was sent after its claim was taken over (this node was taken for dead or "
                            + "the claim expired); another sender may send it again with the same Message-ID", row.id());
                    outbox.release(row.claimedBy());
                    break;
                }
                sent.increment();
                delivered++;
            }
        } finally {
            connections.values().forEach(Channel.Connection::close);
        }
        return delivered;
    }

    private void failed(Entry row, Exception failure, Instant now) {
        attemptsFailed.increment();
        String error = failure.getClass().getSimpleName() + ": " + rootMessage(failure);
        int attempts = row.attempts() + 1;
        if (attempts >= properties.sender().maxAttempts()) {
            if (outbox.markAttemptFailed(row, error, null)) {
                gaveUp.increment();
                log.error("Notification {} ({} by {} to {} on {}) FAILED after {} attempts, not retried: {}", row.id(),
                        row.kind(), row.channel(), row.address(), row.caseNumber(), attempts, error);
            }
        } else {
            Instant retryAt = now.plus(properties.sender().backoffAfter(attempts));
            if (outbox.markAttemptFailed(row, error, retryAt)) {
                log.warn("Notification {} ({} by {} to {} on {}): attempt {} of {} failed, retry at {}: {}", row.id(),
                        row.kind(), row.channel(), row.address(), row.caseNumber(), attempts,
                        properties.sender().maxAttempts(), retryAt, error);
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        List<Throwable> seen = new ArrayList<>();
        while (root.getCause() != null && !seen.contains(root.getCause())) {
            seen.add(root);
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
