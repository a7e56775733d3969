package com.followthrough.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo run's mail server: with no {@code spring.mail.host} set, the demo profile starts an in-process SMTP sink
 * (GreenMail, bound to 127.0.0.1 on {@code followthrough.demo-mailbox.port}, default 3025), sends all mail to it, and
 * lists what it received at {@code GET /demo/mailbox} (newest first; {@code ?to=alice@followthrough.test} filters).
 * With {@code spring.mail.host} set, none of this exists and mail goes to that server.
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

    @Bean
    JavaMailSender demoMailSender(GreenMail demoMailServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
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

        DemoMailboxController(GreenMail server) {
            this.server = server;
        }

        @GetMapping(path = "/demo/mailbox", produces = "application/json")
        List<Map<String, Object>> mailbox(@RequestParam(required = false) String to) {
            return Arrays.stream(server.getReceivedMessages())
                    .map(DemoMailboxController::describe)
                    .filter(mail -> to == null || String.valueOf(mail.get("to")).contains(to))
                    .sorted(Comparator.comparing((Map<String, Object> mail) -> String.valueOf(mail.get("received")))
                            .reversed())
                    .toList();
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
