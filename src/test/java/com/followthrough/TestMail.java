package com.followthrough;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server for tests: GreenMail on 127.0.0.1 and a free port, registered as {@code spring.mail.port}; the
 * application sends to it through its ordinary {@code JavaMailSender}. It can be stopped and started again on the
 * same port to play an SMTP outage.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMail {

    @Bean(destroyMethod = "stop")
    Mailbox testMailbox() {
        return new Mailbox(freePort());
    }

    @Bean
    DynamicPropertyRegistrar testMailboxPort(Mailbox testMailbox) {
        return registry -> registry.add("spring.mail.port", testMailbox::port);
    }

    /** One email as received, with its parts. */
    /** @param language the message's {@code Content-Language} header (null when it has none) */
    public record Received(String messageId, String to, String subject, String text, String html, String language) {
    }

    public static final class Mailbox {

        private final int port;
        private GreenMail server;
        private MessageDeliveryHandler acceptMail;

        Mailbox(int port) {
            this.port = port;
            start();
        }

        /** A mailbox outside a Spring context (the cluster tests' nodes send to it). */
        public static Mailbox onFreePort() {
            return new Mailbox(freePort());
        }

        public int port() {
            return port;
        }

        public synchronized void start() {
            if (server == null) {
                server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                server.start();
                acceptMail = server.getUserManager().getMessageDeliveryHandler();
            }
        }

        /**
         * Runs {@code hook} as each message arrives, before the server answers that it accepted it (null: no hook).
         * The sending side is then waiting for that answer.
         */
        public synchronized void onEachArrival(Runnable hook) {
            start();
            MessageDeliveryHandler accept = acceptMail;
            server.getUserManager().setMessageDeliveryHandler(hook == null ? accept : (message, to) -> {
                hook.run();
                return accept.handle(message, to);
            });
        }

        /** Stops the server: connections are refused until {@link #start()}. Received mail is dropped. */
        public synchronized void stop() {
            if (server != null) {
                server.stop();
                server = null;
            }
        }

        public synchronized void purge() {
            start();
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The messages received once no more arrive for a moment: after a sender was killed, its cut-off SMTP session
         * has ended (it delivers nothing) and what it had finished is stored.
         */
        public List<Received> receivedOnceSettled() {
            int[] last = {-1};
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .dontCatchUncaughtExceptions().until(() -> {
                        int now = count();
                        boolean settled = now == last[0];
                        last[0] = now;
                        return settled;
                    });
            return received();
        }

        /** How many messages arrived, without reading them (cheap enough to poll during a storm of thousands). */
        public synchronized int count() {
            return server == null ? 0 : server.getReceivedMessages().length;
        }

        public synchronized List<Received> received() {
            if (server == null) {
                return List.of();
            }
            return Arrays.stream(server.getReceivedMessages()).map(Mailbox::read).toList();
        }

        private static Received read(MimeMessage message) {
            try {
                String to = Arrays.stream(message.getAllRecipients()).map(Object::toString).reduce((a, b) -> a + "," + b)
                        .orElse("");
                return new Received(message.getMessageID(), to, message.getSubject(), part(message, "text/plain"),
                        part(message, "text/html"), message.getHeader("Content-Language", ","));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String part(Part part, String type) throws MessagingException, IOException {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
