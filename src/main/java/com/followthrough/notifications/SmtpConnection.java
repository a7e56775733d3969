package com.followthrough.notifications;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection through which a sender delivers a batch one message at a time, so that each message can be
 * recorded as SENT as soon as the server accepted it, before the next one goes out. Spring's
 * {@code JavaMailSender.send(MimeMessage...)} also keeps one connection for many messages, but reports only at the end
 * of the batch; and it asks the server whether the connection lives before every message (a NOOP round trip), which
 * this does only after a failure. Connects lazily with the mail sender's settings (host, port, user, session
 * properties), and again when the server dropped the connection.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSender mailSender;
    private Transport transport;

    SmtpConnection(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    /** Returns once the server accepted the message; throws if it refused it or the connection failed. */
    void send(MimeMessage message) throws MessagingException, Channel.Unreachable {
        if (!(mailSender instanceof JavaMailSenderImpl impl) || impl.getClass() != JavaMailSenderImpl.class) {
            // Not Spring Boot's plain sender: a subclass may do its own part in doSend (the demo mailbox's marks its
            // mail there), which a bare Transport would skip. Sent as it is, one connection per message.
            mailSender.send(message);
            return;
        }
        if (transport == null) {
            transport = connect(impl);
        }
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        message.saveChanges();
        Address[] recipients = message.getAllRecipients();
        try {
            transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
        } catch (SendFailedException e) {
            throw e; // this message's recipients were refused; the connection is fine
        } catch (MessagingException e) {
            if (!transport.isConnected()) {
                close(); // the next message connects again
            }
            throw e;
        }
    }

    private static Transport connect(JavaMailSenderImpl sender) throws Channel.Unreachable {
        String username = sender.getUsername();
        String password = sender.getPassword();
        if ("".equals(username)) { // as Spring's sender: an empty user means no authentication
            username = null;
            password = "".equals(password) ? null : password;
        }
        try {
            String protocol = sender.getProtocol() != null ? sender.getProtocol()
                    : sender.getSession().getProperty("mail.transport.protocol");
            Transport transport = sender.getSession().getTransport(protocol == null ? "smtp" : protocol);
            transport.connect(sender.getHost(), sender.getPort(), username, password);
            return transport;
        } catch (MessagingException e) {
            throw new Channel.Unreachable(e);
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is gone either way
            }
            transport = null;
        }
    }
}
