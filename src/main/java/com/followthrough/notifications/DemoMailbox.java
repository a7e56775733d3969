package com.followthrough.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.followthrough.cases.Directory;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo run's mail server: with no {@code spring.mail.host} set, the demo profile starts an in-process SMTP sink
 * (GreenMail, bound to the loopback address 127.0.0.1 only, on {@code followthrough.demo-mailbox.port}, default 3025),
 * sends all mail to it, and lists what it received at {@code GET /demo/mailbox} (newest first;
 * {@code ?to=alice@followthrough.test} filters): each person sees the mail addressed to them, supervisors and
 * administrators everyone's. With {@code spring.mail.host} set, none of this exists and mail goes to that server.
 *
 * <p>The sink takes mail from any process on this machine (SMTP has no sender check here), so the mailbox lists only
 * what this application sent: each mail carries a header with a secret made at start-up, and mail without it is not
 * shown.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class DemoMailbox {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoMailServer(@Value("${followthrough.demo-mailbox.port:3025}") int port) {
        log.info("Demo profile without spring.mail.host: mail goes to an in-process SMTP sink on 127.0.0.1:{}, "
                + "listed at /demo/mailbox", port);
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Marks this application's own mail, so the mailbox can tell it from mail other local processes send to the sink. */
    static final String OWN_MAIL_HEADER = "X-Followthrough-Demo-Mail";

    /** Made afresh at every start; nobody outside this JVM knows it. */
    @Bean
    OwnMailMark demoOwnMailMark() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return new OwnMailMark(HexFormat.of().formatHex(secret));
    }

    record OwnMailMark(String secret) {

        boolean isOn(MimeMessage message) throws MessagingException {
            return secret.equals(message.getHeader(OWN_MAIL_HEADER, null));
        }
    }

    @Bean
    JavaMailSender demoMailSender(GreenMail demoMailServer, OwnMailMark mark) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                for (MimeMessage message : messages) {
                    try {
                        message.setHeader(OWN_MAIL_HEADER, mark.secret());
                    } catch (MessagingException e) {
                        throw new MailPreparationException("Cannot mark the demo mail as ours", e);
                    }
                }
                super.doSend(messages, originals);
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(demoMailServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    /** Same conditions as the mailbox: the class is found by component scanning on its own. */
    @RestController
    @Profile("demo")
    @ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
    static class DemoMailboxController {

        private final GreenMail server;
        private final OwnMailMark mark;
        private final Directory directory;

        DemoMailboxController(GreenMail server, OwnMailMark mark, Directory directory) {
            this.server = server;
            this.mark = mark;
            this.directory = directory;
        }

        @GetMapping(path = "/demo/mailbox", produces = "application/json")
        List<Map<String, Object>> mailbox(@RequestParam(required = false) String to, Authentication reader) {
            Predicate<MimeMessage> mayRead = mayRead(reader);
            return Arrays.stream(server.getReceivedMessages())
                    .filter(this::ours)
                    .filter(mayRead)
                    .map(DemoMailboxController::describe)
                    .filter(mail -> to == null || String.valueOf(mail.get("to")).contains(to))
                    .sorted(Comparator.comparing((Map<String, Object> mail) -> String.valueOf(mail.get("received")))
                            .reversed())
                    .toList();
        }

        /** Supervisors and administrators read everyone's mail; anyone else the mail to their own address. */
        private Predicate<MimeMessage> mayRead(Authentication reader) {
            boolean everyones = reader.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(role -> role.equals("ROLE_SUPERVISOR") || role.equals("ROLE_ADMIN"));
            if (everyones) {
                return message -> true;
            }
            Optional<String> own = directory.emailOf(reader.getName());
            return message -> own.isPresent() && addressedTo(message, own.get());
        }

        private static boolean addressedTo(MimeMessage message, String email) {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && Arrays.stream(recipients)
                        .anyMatch(address -> address instanceof InternetAddress internet
                                && email.equalsIgnoreCase(internet.getAddress()));
            } catch (MessagingException e) {
                return false;
            }
        }

        private boolean ours(MimeMessage message) {
            try {
                return mark.isOn(message);
            } catch (MessagingException e) {
                return false;
            }
        }

        private static Map<String, Object> describe(MimeMessage message) {
            Map<String, Object> mail = new LinkedHashMap<>();
            try {
                mail.put("received", message.getReceivedDate() == null ? message.getSentDate().toInstant().toString()
                        : message.getReceivedDate().toInstant().toString());
                mail.put("to", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
                mail.put("subject", message.getSubject());
                mail.put("messageId", message.getMessageID());
                mail.put("case", message.getHeader("X-Followthrough-Case", null));
                mail.put("text", textPart(message));
            } catch (MessagingException e) {
                mail.put("error", e.getMessage());
            }
            return mail;
        }

        /** The plain-text part, as a person would read it. */
        private static String textPart(MimeMessage message) {
            try {
                String body = plainText(message);
                body = body == null ? GreenMailUtil.getBody(message) : body;
                return body.length() > 4000 ? body.substring(0, 4000) + "…" : body;
            } catch (MessagingException | IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }

        private static String plainText(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        }
    }
}
