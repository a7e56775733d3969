package com.followthrough.audit;

import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the auditor every {@code followthrough.audit.interval} on one node of the cluster: every node ticks, and the one
 * that takes the lock row in {@code ft_shedlock} (ShedLock, timed by the database's clock so nodes' clocks do not
 * matter) runs; it keeps the lock for most of the interval, so the other nodes' ticks in that interval skip.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditSchedule {

    static final String LOCK = "followThroughAudit";
    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

    @Bean
    LockProvider auditLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("ft_shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    Tick auditTick(FollowThroughAuditor auditor, LockProvider auditLockProvider, AuditProperties properties) {
        return new Tick(auditor, new DefaultLockingTaskExecutor(auditLockProvider), properties);
    }

    @Bean
    @ConditionalOnProperty(name = "followthrough.audit.enabled", havingValue = "true", matchIfMissing = true)
    Timer auditTimer(Tick auditTick) {
        return new Timer(auditTick);
    }

    /** One tick of a node: run the auditor if this node takes the cluster's lock. */
    static final class Tick {

        private final FollowThroughAuditor auditor;
        private final LockingTaskExecutor locks;
        private final AuditProperties properties;

        Tick(FollowThroughAuditor auditor, LockingTaskExecutor locks, AuditProperties properties) {
            this.auditor = auditor;
            this.locks = locks;
            this.properties = properties;
        }

        /** Returns the run, or null when another node holds the lock (it runs, or ran, in this interval). */
        FollowThroughAuditor.Run tick() {
            try {
                LockingTaskExecutor.TaskWithResult<FollowThroughAuditor.Run> run = auditor::run;
                LockingTaskExecutor.TaskResult<FollowThroughAuditor.Run> result = locks.executeWithLock(run,
                        new LockConfiguration(Instant.now(), LOCK, properties.lockAtMostFor(),
                                properties.lockAtLeastFor()));
                return result.wasExecuted() ? result.getResult() : null;
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("The follow-through audit failed", e);
            }
        }
    }

    /** The schedule; off with {@code followthrough.audit.enabled=false} (tests tick by hand). */
    static final class Timer {

        private final Tick tick;

        Timer(Tick tick) {
            this.tick = tick;
        }

        @Scheduled(fixedRateString = "${followthrough.audit.interval:PT5M}",
                initialDelayString = "${followthrough.audit.interval:PT5M}")
        void run() {
            try {
                tick.tick();
            } catch (RuntimeException e) {
                log.error("The follow-through audit failed; it runs again in the next interval", e);
            }
        }
    }
}
