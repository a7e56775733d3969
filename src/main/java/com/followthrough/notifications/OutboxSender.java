package com.followthrough.notifications;

import com.followthrough.cluster.Node;
import com.followthrough.notifications.MailOutbox.OutboxMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.ClassUtils;

/**
 * Delivers due outbox rows: claims a batch for this node's run, sends it over one SMTP connection one message at a
 * time, and records each mail SENT (with the node that sent it) in a short transaction of its own as soon as the server
 * accepted it, before the next one goes out; or a failed attempt with exponential backoff, or FAILED after the last
 * attempt. Safe to run on several threads and nodes at once: a row is only ever sent by the sender holding its claim,
 * and a claim lasts while its node's heartbeat does (at most {@code claim-timeout}). Times here are wall-clock times
 * (delivery is about real time, not the engine's business clock).
 * <p>What no protocol closes: a node that dies after the server accepted a message and before its SENT is committed
 * leaves that one message claimed, and the node that takes the claim over sends it again (same Message-ID). At most one
 * message per sender thread of the dead node.
 * <p>Not a Spring bean by itself: {@link NotificationConfiguration} creates the application's one, and tests create
 * more to play several nodes.
 */
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 finds its stream provider by a ServiceLoader scan for every multipart, body part and
        // encoded header (jakartaee/mail-api#861); inside the packaged jar that scan was half of the sender's CPU in
        // the reminder storm (BENCHMARKS.md). Naming the provider turns the scan into a class lookup; a provider
        // an operator names (-Djakarta.mail.util.StreamProvider=...) stays.
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, OutboxSender.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private final MailOutbox outbox;
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final Node node;
    private final Clock clock;
    private final InternetAddress from;
    private final Counter sent;
    private final Counter attemptsFailed;
    private final Counter gaveUp;

    OutboxSender(MailOutbox outbox, JavaMailSender mailSender, NotificationProperties properties, Node node,
            MeterRegistry meters, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("followthrough.notifications.from is not an email address: "
                    + properties.from(), e);
        }
        this.sent = Counter.builder("followthrough.mail.sent").description("Emails delivered to the mail server")
                .register(meters);
        this.attemptsFailed = Counter.builder("followthrough.mail.attempts.failed")
                .description("Delivery attempts that failed and will be retried or given up").register(meters);
        this.gaveUp = Counter.builder("followthrough.mail.failed")
                .description("Emails given up after the last attempt (state FAILED)").register(meters);
    }

    /** Delivers every mail that is due now, batch by batch; returns how many were delivered. */
    public int deliverDue() {
        return deliverDue(() -> false);
    }

    /**
     * Delivers what is due until {@code stopping} says so: the message being sent then finishes and is recorded, and the
     * rest of the batch is released for the next sender.
     */
    int deliverDue(BooleanSupplier stopping) {
        int delivered = 0;
        while (!stopping.getAsBoolean()) {
            Instant now = clock.instant();
            String claimer = node.id() + "/" + UUID.randomUUID().toString().substring(0, 8);
            List<OutboxMail> batch = outbox.claim(claimer, node.id(), properties.sender().batchSize(), now,
                    now.plus(properties.sender().claimTimeout()), node.deadBefore(now));
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

    private int deliver(List<OutboxMail> batch, BooleanSupplier stopping) {
        int delivered = 0;
        try (SmtpConnection smtp = new SmtpConnection(mailSender)) {
            for (int i = 0; i < batch.size(); i++) {
                OutboxMail mail = batch.get(i);
                if (stopping.getAsBoolean()) {
                    outbox.release(mail.claimedBy());
                    break;
                }
                try {
                    smtp.send(message(mail));
                } catch (SmtpConnection.Unavailable e) {
                    Instant now = clock.instant();
                    batch.subList(i, batch.size()).forEach(unsent -> failed(unsent, (Exception) e.getCause(), now));
                    break;
                } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                    failed(mail, e, clock.instant());
                    continue;
                }
                if (!outbox.markSent(mail, node.name(), clock.instant())) {
                    log.warn("Mail {} was sent after its claim was taken over (this node was taken for dead or the "
                            + "claim expired); another sender may send it again with the same Message-ID", mail.id());
                    outbox.release(mail.claimedBy());
                    break;
                }
                sent.increment();
                delivered++;
            }
        }
        return delivered;
    }

    private void failed(OutboxMail mail, Exception failure, Instant now) {
        attemptsFailed.increment();
        int attempts = mail.attempts() + 1;
        String error = failure.getClass().getSimpleName() + ": " + rootMessage(failure);
        if (attempts >= properties.sender().maxAttempts()) {
            if (outbox.markAttemptFailed(mail, error, null)) {
                gaveUp.increment();
                log.error("Mail {} ({} for {} on {}) FAILED after {} attempts, not retried: {}", mail.id(), mail.kind(),
                        mail.to(), mail.caseNumber(), attempts, error);
            }
        } else {
            Instant retryAt = now.plus(properties.sender().backoffAfter(attempts));
            if (outbox.markAttemptFailed(mail, error, retryAt)) {
                log.warn("Mail {} ({} for {} on {}): attempt {} of {} failed, retry at {}: {}", mail.id(), mail.kind(),
                        mail.to(), mail.caseNumber(), attempts, properties.sender().maxAttempts(), retryAt, error);
            }
        }
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new StableIdMessage(session(), mail.messageId());
        MimeMessageHelper helper = new SharedFileTypesHelper(message);
        helper.setFrom(from);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        message.setHeader("Message-ID", mail.messageId());
        if (mail.caseNumber() != null) {
            message.setHeader("X-Followthrough-Case", mail.caseNumber());
        }
        message.setHeader("X-Followthrough-Kind", mail.kind().name());
        return message;
    }

    private Session session() {
        return mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
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

    /**
     * A helper that shares one file type map: Spring's own builds a new one for each message that is not its sender's
     * and reads every {@code mime.types} on the class path into it (44 % of the sender's CPU in the reminder storm).
     */
    private static final class SharedFileTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap FILE_TYPES = fileTypes();

        SharedFileTypesHelper(MimeMessage message) throws MessagingException {
            super(message, MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return FILE_TYPES;
        }

        private static FileTypeMap fileTypes() {
            ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
            fileTypes.afterPropertiesSet();
            return fileTypes;
        }
    }

    /** Keeps the outbox row's Message-ID through {@code saveChanges()}: a retry carries the same id. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
