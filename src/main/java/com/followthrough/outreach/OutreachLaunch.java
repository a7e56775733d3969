package com.followthrough.outreach;

import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.Customer;
import com.followthrough.cases.OutreachCases;
import com.followthrough.cases.OutreachIntake;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the outreach's model, each one batch in one transaction (the model's jobs): start the next rows' cases,
 * close the uncontacted ones of a withdrawn outreach, move on the cases waiting for the resolved shared hand-off. A
 * row's case number is written in the transaction that opens its case, so a batch retried after a crash starts only the
 * rows still without one: each row gets exactly one case. An outreach that sends a notice publishes each customer's
 * ({@link OutreachNoticeDue}) in the same transaction, so a notice is written once, with its case.
 */
@Service
@Transactional
public class OutreachLaunch {

    /** What a cursor-driven batch did: the last row it looked at, and whether there is nothing after it. */
    public record Batch(long cursor, boolean done) {
    }

    private final Outreaches outreaches;
    private final OutreachCustomers customers;
    private final OutreachCases cases;
    private final Capacity capacity;
    /** The notices' pace counts real time (when mail leaves), never the engine's movable business clock. */
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final OutreachProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OutreachLaunch(Outreaches outreaches, OutreachCustomers customers, OutreachCases cases, Capacity capacity,
            OutreachProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.outreaches = outreaches;
        this.customers = customers;
        this.cases = cases;
        this.capacity = capacity;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens the cases of the next batch of rows without one; true when every row has its case. A batch of a paused
     * outreach starts nothing (the model then waits until it is resumed).
     */
    public boolean startBatch(String key) {
        Outreach outreach = outreaches.load(key);
        if (outreach.status() != OutreachStatus.LAUNCHED) {
            return true;
        }
        if (outreach.paused()) {
            return false;
        }
        List<OutreachCustomers.Kept> rows = customers.withoutCase(outreach.id(), properties.batchSize());
        Instant nextNotice = outreach.notice() ? latest(outreaches.nextNoticeAt(outreach.id()), WALL_CLOCK.instant())
                : null;
        // the team's agents and their load are read once per batch, not once per case (issue 17)
        Capacity.Team team = rows.isEmpty() ? null : capacity.team(outreach.team());
        for (OutreachCustomers.Kept row : rows) {
            String owner = team.take().orElse(null);
            CustomerRow given = row.customer();
            CaseRecord opened = cases.open(new OutreachIntake(outreach.key(),
                    new Customer(given.name(), given.email(), given.phone(), given.preferredChannel(),
                            given.timeZone()),
                    outreach.priority(), summary(outreach), details(outreach, given.columns()), owner),
                    outreach.launchedBy());
            customers.started(row.id(), opened.number(), owner, clock.instant());
            if (outreach.notice() && given.email() != null && !given.email().isBlank()) {
                events.publishEvent(new OutreachNoticeDue(opened, outreach.key(), outreach.title(), outreach.message(),
                        nextNotice));
                nextNotice = nextNotice.plus(properties.noticeSpacing());
            }
        }
        if (outreach.notice() && !rows.isEmpty()) {
            outreaches.noticesPacedUntil(outreach.id(), nextNotice);
        }
        boolean all = rows.size() < properties.batchSize() || customers.withoutCase(outreach.id(), 1).isEmpty();
        if (all) {
            outreaches.startedAll(outreach.id(), clock.instant());
        }
        return all;
    }

    /** Closes the next batch of cases nobody has contacted yet as withdrawn; a contacted case goes on. */
    public Batch withdrawBatch(String key, long cursor) {
        Outreach outreach = outreaches.load(key);
        List<OutreachCustomers.Kept> rows = customers.withCaseAfter(outreach.id(), cursor, properties.batchSize());
        for (OutreachCustomers.Kept row : rows) {
            cases.withdraw(row.caseNumber(), outreach.withdrawReason(), outreach.withdrawnBy());
        }
        return next(cursor, rows);
    }

    /** Moves the next batch of cases waiting for the shared hand-off on (each to its owner's verification). */
    public Batch releaseBatch(String key, long cursor) {
        Outreach outreach = outreaches.load(key);
        List<OutreachCustomers.Kept> rows = customers.withCaseAfter(outreach.id(), cursor, properties.batchSize());
        // Only the cases that joined the shared hand-off (not one handed to a colleague of its own) and still wait
        rows.stream().filter(OutreachCustomers.Kept::waitsForSharedHandOff)
                .forEach(row -> cases.releaseFromSharedHandOff(row.caseNumber()));
        return next(cursor, rows);
    }

    @Transactional(readOnly = true)
    public boolean paused(String key) {
        return outreaches.load(key).paused();
    }

    /** Whether every customer of the outreach has a case, and every case is closed. */
    @Transactional(readOnly = true)
    public boolean allClosed(String key) {
        Outreach outreach = outreaches.load(key);
        return outreaches.openCases(outreach.id()) == 0;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private Batch next(long cursor, List<OutreachCustomers.Kept> rows) {
        long last = rows.isEmpty() ? cursor : rows.get(rows.size() - 1).id();
        return new Batch(last, rows.size() < properties.batchSize());
    }

    private static String summary(Outreach outreach) {
        String summary = "Outreach " + outreach.key() + ": " + outreach.title();
        return summary.codePointCount(0, summary.length()) <= 200 ? summary
                : summary.substring(0, summary.offsetByCodePoints(0, 199)) + "…";
    }

    private static String details(Outreach outreach, Map<String, String> columns) {
        String kept = columns.isEmpty() ? "" : "\n\n" + columns.entrySet().stream()
                .map(column -> column.getKey() + ": " + column.getValue()).collect(Collectors.joining("\n"));
        String text = "What happened: " + outreach.whatHappened() + "\n\nWhat we are doing: " + outreach.whatWeDo()
                + kept;
        return text.codePointCount(0, text.length()) <= 10_000 ? text
                : text.substring(0, text.offsetByCodePoints(0, 9_999)) + "…";
    }
}
