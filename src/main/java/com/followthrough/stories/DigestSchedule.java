package com.followthrough.stories;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for weekly digests that fell due every {@code followthrough.stories.digest.check-every}, on one node of the
 * cluster at a time: every node ticks, and the one that takes the lock row {@value #LOCK} in {@code ft_shedlock}
 * (ShedLock, timed by the database's clock, as the auditor's schedule) writes them. The lock spares the other nodes the
 * work; what makes each digest go out once is {@code ft_digest}'s key ({@link DigestWriter}), which holds without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DigestSchedule {

    static final String LOCK = "weeklyDigest";
    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    @Bean
    Tick digestTick(DigestWriter writer, DataSource dataSource, StoriesProperties properties,
            Clock clock) {
        var locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("ft_shedlock")
                .usingDbTime()
                .build());
        return new Tick(writer, new DefaultLockingTaskExecutor(locks), properties, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "followthrough.stories.digest.enabled", havingValue = "true", matchIfMissing = true)
    Timer digestTimer(Tick digestTick) {
        return new Timer(digestTick);
    }

    /** One tick of a node: write the due digests if this node takes the cluster's lock. */
    static final class Tick {

        private final DigestWriter writer;
        private final LockingTaskExecutor locks;
        private final StoriesProperties properties;
        private final Clock clock;

        Tick(DigestWriter writer, LockingTaskExecutor locks, StoriesProperties properties, Clock clock) {
            this.writer = writer;
            this.locks = locks;
            this.properties = properties;
            this.clock = clock;
        }

        /** Returns how many digests it wrote, or null when another node holds the lock. */
        Integer tick() {
            try {
                LockingTaskExecutor.TaskResult<Integer> result = locks.executeWithLock(
                        (LockingTaskExecutor.TaskWithResult<Integer>) () -> writer.writeDue(clock.instant()),
                        new LockConfiguration(Instant.now(), LOCK, properties.digest().lockAtMostFor(),
                                Duration.ZERO));
                return result.wasExecuted() ? result.getResult() : null;
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Writing the weekly digests failed", e);
            }
        }
    }

    /**
     * The schedule; off with {@code followthrough.stories.digest.enabled=false} (tests tick by hand). It first looks
     * once the application is ready, after every start-up listener (the demo's cases and stories, written at start-up,
     * are then in the week the digest tells).
     */
    static final class Timer {

        private final Tick tick;
        private volatile boolean ready;

        Timer(Tick tick) {
            this.tick = tick;
        }

        @EventListener(ApplicationReadyEvent.class)
        @Order(Ordered.LOWEST_PRECEDENCE)
        void ready() {
            ready = true;
        }

        @Scheduled(fixedDelayString = "${followthrough.stories.digest.check-every:PT5M}",
                initialDelayString = "${followthrough.stories.digest.check-every:PT5M}")
        void run() {
            if (!ready) {
                return;
            }
            try {
                tick.tick();
            } catch (RuntimeException e) {
                log.error("Writing the weekly digests failed; the next check tries again", e);
            }
        }
    }
}
