package com.followthrough.notifications;

import com.followthrough.notifications.Outbox.Notification;
import com.followthrough.notifications.Recipients.Reader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes a notification to the outbox for each reader, on every channel that has an address for them, in the
 * transaction of the step that caused it: no rendering here (the sender renders at delivery), only the small row with
 * the facts, so nothing about the wording can fail the step. A person without an address on any channel is told
 * nothing (their task list still shows the work); that is logged once per person on this node, not per notification,
 * and counted in {@code followthrough.mail.skipped}.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final List<Channel> channels;
    private final Outbox outbox;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Counter skipped;

    Notifier(List<Channel> channels, Outbox outbox, MeterRegistry meters) {
        this.channels = channels;
        this.outbox = outbox;
        this.skipped = Counter.builder("followthrough.mail.skipped")
                .description("Notifications not written because the person has no address").register(meters);
    }

    void tell(NotificationKind kind, Collection<Reader> readers, Facts facts) {
        tell(kind, readers, facts, null);
    }

    /** @param notBefore when the notification may leave at the earliest (null: at once) */
    void tell(NotificationKind kind, Collection<Reader> readers, Facts facts, Instant notBefore) {
        if (readers.isEmpty()) {
            return;
        }
        String caseNumber = facts.caseNumber();
        String json = facts.json();
        for (Reader reader : readers) {
            boolean told = false;
            for (Channel channel : channels) {
                var address = channel.address(reader, kind);
                if (address.isPresent()) {
                    Notification notification = new Notification(kind, channel.name(), caseNumber, reader.userId(),
                            reader.name(), address.get(), reader.zone(), json);
                    Instant now = NotificationConfiguration.WALL_CLOCK.instant();
                    if (notBefore == null) {
                        outbox.enqueue(notification, now);
                    } else {
                        outbox.enqueue(notification, now, notBefore);
                    }
                    told = true;
                }
            }
            if (!told) {
                noAddress(kind, caseNumber, reader);
            }
        }
    }

    private void noAddress(NotificationKind kind, String caseNumber, Reader reader) {
        if (reader.userId() == null) {
            log.info("Case {}: the customer has no email address; no {} is sent", caseNumber, kind);
            return;
        }
        skipped.increment();
        if (warned.add(reader.userId())) {
            log.warn("User '{}' has no email address: they get no email (first: {} on {}), only their task list; "
                    + "add an address in Camunda Admin. Logged once per user.", reader.userId(), kind, caseNumber);
        } else {
            log.debug("No email address for '{}': {} on {} not sent", reader.userId(), kind, caseNumber);
        }
    }
}
