package com.followthrough.notifications;

import com.followthrough.notifications.MailOutbox.OutboxMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.ClassUtils;

/**
 * Delivers due outbox rows: claims a batch, sends it over one SMTP connection, and records per mail SENT, or a failed
 * attempt with exponential backoff, or FAILED after the last attempt. Safe to run on several threads and nodes at
 * once: a row is only ever sent by the sender holding its claim. Times here are wall-clock times (delivery is about
 * real time, not the engine's business clock).
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
    private final String node;
    private final Clock clock;
    private final InternetAddress from;
    private final Counter sent;
    private final Counter attemptsFailed;
    private final Counter gaveUp;

    OutboxSender(MailOutbox outbox, JavaMailSender mailSender, NotificationProperties properties, String node,
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

    /** A name for this node: host and process, plus a random part so two senders in one JVM differ. */
    static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Delivers every mail that is due now, batch by batch; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        while (true) {
            Instant now = clock.instant();
            String claimer = node + "/" + UUID.randomUUID().toString().substring(0, 8);
            List<OutboxMail> batch = outbox.claim(claimer, properties.sender().batchSize(), now,
                    now.plus(properties.sender().claimTimeout()));
            if (batch.isEmpty()) {
                return delivered;
            }
            int ok = deliver(batch);
            delivered += ok;
            if (ok < batch.size() || batch.size() < properties.sender().batchSize()) {
                return delivered; // failures: let the backoff work rather than hammer a failing server
            }
        }
    }

    private int deliver(List<OutboxMail> batch) {
        Map<MimeMessage, OutboxMail> messages = new LinkedHashMap<>(); // in outbox order; MimeMessage has identity equality
        Map<OutboxMail, Exception> failures = new IdentityHashMap<>();
        for (OutboxMail mail : batch) {
            try {
                messages.put(message(mail), mail);
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                failures.put(mail, e);
            }
        }
        if (!messages.isEmpty()) {
            try {
                mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                if (e.getFailedMessages().isEmpty()) {
                    messages.values().forEach(mail -> failures.put(mail, e));
                } else {
                    e.getFailedMessages().forEach((message, cause) -> failures.put(messages.get(message), cause));
                }
            } catch (MailException e) {
                messages.values().forEach(mail -> failures.put(mail, e));
            }
        }
        Instant now = clock.instant();
        List<OutboxMail> delivered = batch.stream().filter(mail -> !failures.containsKey(mail)).toList();
        int ok = outbox.markSent(delivered, now);
        sent.increment(ok);
        if (ok < delivered.size()) {
            log.warn("{} of {} mails were sent after their claim expired; another sender may send them again with the "
                    + "same Message-ID", delivered.size() - ok, delivered.size());
        }
        failures.forEach((mail, failure) -> failed(mail, failure, now));
        return ok;
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
