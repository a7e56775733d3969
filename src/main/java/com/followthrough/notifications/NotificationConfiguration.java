package com.followthrough.notifications;

import com.followthrough.cluster.Node;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The channels, the outbox sender and its schedule. Without a mail server ({@code spring.mail.host} unset outside the
 * demo profile) there is no {@link JavaMailSender}: email is still written to the outbox and waits there (visible as
 * pending in health and metrics) until a server is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    /** Delivery uses wall-clock time, never the engine's (movable) business clock. */
    static final Clock WALL_CLOCK = Clock.systemUTC();

    /** The setting that times in mails used to be shown in; now each reader's zone, or the business calendar's. */
    static final String FORMER_TIME_ZONE_SETTING = "followthrough.notifications.time-zone";

    @Bean
    EmailChannel emailChannel(ObjectProvider<JavaMailSender> mailSender, Wording wording,
            NotificationProperties properties) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("No mail server configured (spring.mail.host): emails are kept in the outbox, not delivered");
        }
        return new EmailChannel(sender, new MailTemplates(MailTemplates.LOCATION), wording, properties.from());
    }

    @Bean
    OutboxSender outboxSender(Outbox outbox, List<Channel> channels, NotificationProperties properties, Node node,
            MeterRegistry meters, Environment environment) {
        if (environment.containsProperty(FORMER_TIME_ZONE_SETTING)) {
            log.warn("{} is no longer used and is ignored: mails show times in each reader's own time zone, else in "
                    + "followthrough.calendar.zone (see README \"Email\")", FORMER_TIME_ZONE_SETTING);
        }
        return new OutboxSender(outbox, channels, properties, node, meters, WALL_CLOCK);
    }

    @Bean
    @ConditionalOnProperty(name = "followthrough.notifications.sender.enabled", havingValue = "true",
            matchIfMissing = true)
    OutboxSchedule outboxSchedule(OutboxSender sender, NotificationProperties properties) {
        return new OutboxSchedule(sender, properties.sender().threads());
    }

    /**
     * Delivers due mail every {@code followthrough.notifications.sender.interval}, on
     * {@code followthrough.notifications.sender.threads} senders at once. Each claims its own batches
     * ({@code FOR UPDATE SKIP LOCKED}), so they never send the same mail, and each has its own SMTP connection: one
     * sender waits on the server for every message, which capped a reminder storm at about 55 mails/s per node.
     */
    static final class OutboxSchedule implements AutoCloseable {

        /** As long as one message may take (the SMTP write timeout of application.yml). */
        private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

        private final OutboxSender sender;
        private final int threads;
        private final ExecutorService senders;
        private final AtomicBoolean closing = new AtomicBoolean();

        OutboxSchedule(OutboxSender sender, int threads) {
            this.sender = sender;
            this.threads = threads;
            AtomicInteger number = new AtomicInteger();
            this.senders = Executors.newFixedThreadPool(threads, work -> {
                Thread thread = new Thread(work, "mail-sender-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Scheduled(fixedDelayString = "${followthrough.notifications.sender.interval:PT5S}",
                initialDelayString = "${followthrough.notifications.sender.interval:PT5S}")
        void deliver() {
            deliverAll();
        }

        /** Runs the senders until none finds due mail; returns how many mails they delivered. */
        int deliverAll() {
            List<Callable<Integer>> work = Collections.nCopies(threads, () -> sender.deliverDue(closing::get));
            int delivered = 0;
            try {
                for (Future<Integer> done : senders.invokeAll(work)) {
                    try {
                        delivered += done.get();
                    } catch (ExecutionException e) {
                        log.warn("Delivering the mail outbox failed; next try in the next interval", e.getCause());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delivered;
        }

        /** Lets each sender finish the message it is sending (so it is recorded SENT), then stops. */
        @Override
        public void close() {
            closing.set(true);
            senders.shutdown();
            try {
                if (!senders.awaitTermination(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    senders.shutdownNow();
                }
            } catch (InterruptedException e) {
                senders.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
