package com.followthrough.audit;

import com.followthrough.workflow.ProcessChecks;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves nothing is stuck: one run asks the engine checks that workflow offers ({@link ProcessChecks}, each answer
 * mapped to a {@link FindingKind}) and the closed-case check, then records what they saw against the open findings in
 * one transaction, publishing {@link FindingReported} for each finding reported for the first time (a listener's mail
 * commits with it). It reports; it never fixes anything.
 *
 * <p><b>No false alarms from cases mid-flight.</b> Every check is one statement over committed data, so it never sees
 * half a step. A case can still be caught between two steps that are separate transactions, or a check can read the
 * case table and the engine's a moment apart; so a finding is reported only when the next run still sees it (a run
 * an interval later, in production five minutes): whatever moves on by then was never stuck.
 *
 * <p><b>A million closed cases</b> are not all read every run: a run checks those closed since shortly before the
 * previous run and those already found; every {@code followthrough.audit.full-check-every} a run checks them all.
 */
@Service
public class FollowThroughAuditor {

    private static final Logger log = LoggerFactory.getLogger(FollowThroughAuditor.class);
    private static final Duration COUNTS_MAX_AGE = Duration.ofSeconds(15);

    /** What one run saw and changed; {@code fullCheck}: it checked every closed case. */
    public record Run(Instant startedAt, Duration took, int observed, List<FindingReported> reported, int resolved,
            int open, boolean fullCheck) {
    }

    /**
     * The reported findings for people: the latest run, how many per kind, and the newest {@code limit} of them.
     *
     * @param lastRunAt null before the first run
     */
    public record Report(Instant lastRunAt, Duration lastRunTook, String lastRunNode, Instant lastFullCheckAt,
            long findings, Map<FindingKind, Long> byKind, List<Finding> items) {
    }

    private final ProcessChecks processChecks;
    private final ClosedCaseCheck closedCases;
    private final FindingStore store;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final AuditProperties properties;
    /** Wall-clock time: when an operator saw something, not the engine's movable business clock. */
    private final Clock clock = Clock.systemUTC();
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private volatile Map<FindingKind, Long> counts;
    private volatile Instant countedAt = Instant.EPOCH;

    FollowThroughAuditor(ProcessChecks processChecks, ClosedCaseCheck closedCases, FindingStore store,
            TransactionTemplate transaction, ApplicationEventPublisher events, AuditProperties properties) {
        this.processChecks = processChecks;
        this.closedCases = closedCases;
        this.store = store;
        this.transaction = transaction;
        this.events = events;
        this.properties = properties;
    }

    /** One run, now, on this node (the schedule takes the cluster's lock first; tests call this directly). */
    public Run run() {
        return run(false);
    }

    /**
     * One run, now, on this node.
     *
     * @param checkEveryClosedCase check every closed case now, whenever the last full check was
     */
    public Run run(boolean checkEveryClosedCase) {
        // As the database keeps it (microseconds), so the run reads back as the same instant.
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long start = System.nanoTime();
        FindingStore.LastRun last = store.lastRun().orElse(null);
        boolean full = checkEveryClosedCase || last == null || last.fullCheckAt() == null
                || !last.fullCheckAt().plus(properties.fullCheckEvery()).isAfter(startedAt);
        List<Observation> observed = new ArrayList<>(processChecks.observe().stream().map(Observation::of).toList());
        // Since an interval before the previous run: a step that closed a case then may have committed after it read.
        // (A case's status time is the application clock's, which is the wall clock outside tests.)
        observed.addAll(closedCases.observe(full ? null : last.startedAt().minus(properties.interval()),
                store.openCases(FindingKind.CLOSED_WITHOUT_OUTCOME)));
        Instant fullCheckAt = full ? startedAt : last.fullCheckAt();
        Run run = transaction.execute(status -> {
            FindingStore.Changes changes = store.reconcile(observed, startedAt);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            store.recordRun(startedAt, took, node, observed.size(), fullCheckAt);
            changes.reported().forEach(events::publishEvent);
            return new Run(startedAt, took, observed.size(), changes.reported(), changes.resolved(), changes.open(),
                    full);
        });
        counts = null;
        if (!run.reported().isEmpty() || run.resolved() > 0) {
            log.warn("Follow-through audit: {} new finding(s) reported, {} resolved, {} open; took {} ms",
                    run.reported().size(), run.resolved(), run.open(), run.took().toMillis());
            run.reported().forEach(found -> log.warn("Follow-through audit found {} ({}): {}", found.subject(),
                    found.kind().label(), found.detail()));
        } else {
            log.debug("Follow-through audit: {} observed, {} open; took {} ms", run.observed(), run.open(),
                    run.took().toMillis());
        }
        return run;
    }

    /** The reported findings as of the latest run (any node's), the newest {@code limit} listed. */
    public Report report(int limit) {
        Map<FindingKind, Long> byKind = store.reportedByKind();
        counts = byKind;
        countedAt = clock.instant();
        FindingStore.LastRun last = store.lastRun().orElse(null);
        long findings = byKind.values().stream().mapToLong(Long::longValue).sum();
        if (last == null) {
            return new Report(null, null, null, null, findings, byKind, store.reported(limit));
        }
        return new Report(last.startedAt(), last.took(), last.node(), last.fullCheckAt(), findings, byKind,
                store.reported(limit));
    }

    /** Reported findings of one kind, for the gauge: read at most every few seconds, and afresh after a run here. */
    long reported(FindingKind kind) {
        Map<FindingKind, Long> current = counts;
        if (current == null || countedAt.plus(COUNTS_MAX_AGE).isBefore(clock.instant())) {
            current = store.reportedByKind();
            counts = current;
            countedAt = clock.instant();
        }
        return current.get(kind);
    }
}
