package com.followthrough.notifications;

import com.followthrough.notifications.MailTemplates.Parts;
import com.followthrough.notifications.Outbox.Entry;
import com.followthrough.notifications.Recipients.Reader;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.ClassUtils;

/**
 * Email: to the reader's address in the directory (a customer's from intake), rendered from the email template set
 * ({@link MailTemplates}) with a plain-text and an HTML part, sent over one SMTP connection per batch
 * ({@link SmtpConnection}) with the row's stable Message-ID. Without a mail server ({@code spring.mail.host} unset
 * outside the demo) it cannot deliver: its rows wait in the outbox, shown as pending.
 */
final class EmailChannel implements Channel {

    static final String NAME = "EMAIL";

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 finds its stream provider by a ServiceLoader scan for every multipart, body part and
        // encoded header (jakartaee/mail-api#861); inside the packaged jar that scan was half of the sender's CPU in
        // the reminder storm (BENCHMARKS.md). Naming the provider turns the scan into a class lookup; a provider
        // an operator names (-Djakarta.mail.util.StreamProvider=...) stays.
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, EmailChannel.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private final JavaMailSender mailSender;
    private final MailTemplates templates;
    private final Wording wording;
    private final InternetAddress from;

    /** @param mailSender null without a mail server */
    EmailChannel(JavaMailSender mailSender, MailTemplates templates, Wording wording, String from) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.wording = wording;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("followthrough.notifications.from is not an email address: " + from, e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> address(Reader reader, NotificationKind kind) {
        return Optional.ofNullable(reader.email());
    }

    @Override
    public boolean canDeliver() {
        return mailSender != null;
    }

    @Override
    public Connection connect() {
        SmtpConnection smtp = new SmtpConnection(mailSender);
        return new Connection() {
            @Override
            public String send(Entry row) throws Exception {
                Parts parts = row.renderedAtItsStep() ? new Parts(row.subject(), row.text(), row.html()) : render(row);
                smtp.send(message(row, parts));
                return parts.subject();
            }

            @Override
            public void close() {
                smtp.close();
            }
        };
    }

    private Parts render(Entry row) throws CannotRender {
        try {
            return templates.render(row.kind(), wording.model(row));
        } catch (RuntimeException e) {
            throw new CannotRender(row, e);
        }
    }

    private MimeMessage message(Entry row, Parts parts) throws MessagingException {
        MimeMessage message = new StableIdMessage(session(), row.messageId());
        MimeMessageHelper helper = new SharedFileTypesHelper(message);
        helper.setFrom(from);
        helper.setTo(row.address());
        helper.setSubject(parts.subject());
        helper.setText(parts.text(), parts.html());
        message.setHeader("Message-ID", row.messageId());
        if (row.caseNumber() != null) {
            message.setHeader("X-Followthrough-Case", row.caseNumber());
        }
        message.setHeader("X-Followthrough-Kind", row.kind().name());
        return message;
    }

    private Session session() {
        return mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
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
