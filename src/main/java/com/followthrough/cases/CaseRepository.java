package com.followthrough.cases;

import com.followthrough.cases.CaseChanges.OfHandOff;
import com.followthrough.policy.WordedException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves {@link Case}s: the {@code ft_case} row with the case's latest hand-off, in one query ({@link
 * CaseRows} holds the row's SQL), and once per transaction ({@link LoadedCases}: a service, the engine's listeners and
 * the timers' expressions in one step all get the same instance). {@link #save} writes what the transitions changed
 * ({@link CaseChanges}) and then publishes their events. Every write of the row bumps {@code version}; a person's
 * action is written only if the version is still the one it read, so of two concurrent actions exactly one wins.
 *
 * <p>A command ({@link #saveAfter}, {@link #addAfter}) has the engine take its steps first and then writes the case
 * once: the stages the steps enter and the check-in rhythm they set go into the same row write (or insert) as the
 * person's own change, instead of one write per step (BENCHMARKS.md, "Fewer writes of the case row").
 */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final CaseRows rows;
    private final CaseHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseRepository(JdbcClient jdbc, CaseRows rows, CaseHistory history, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    Case load(String number) {
        return find(number).orElseThrow(() -> new CaseNotFoundException(number));
    }

    Optional<Case> find(String number) {
        Case loaded = LoadedCases.get(number);
        if (loaded != null) {
            return Optional.of(loaded);
        }
        Optional<Case> found = rows.select(number);
        found.ifPresent(kase -> LoadedCases.put(kase));
        return found;
    }

    /**
     * Stores a new case after {@code start} started its process: the process enters the first stage on this instance
     * (found by number in the transaction's {@link LoadedCases}), and the row is inserted with it, once.
     */
    void addAfter(Case kase, Runnable start) {
        LoadedCases.put(kase);
        whileHeld(kase, start);
        add(kase);
    }

    /**
     * A person's action on a loaded case: {@code steps} (the engine moving on) run first, changing this same instance
     * through {@link CaseProgress}, whose saves only gather meanwhile; then the action and its steps are written
     * together, with the version check of the action.
     */
    void saveAfter(Case kase, Runnable steps) {
        try {
            whileHeld(kase, steps);
        } catch (RuntimeException refused) {
            throw overtakenOr(kase, refused);
        }
        save(kase);
    }

    /** Stores a new case ({@link Case#open}) with what its intake (and its process's first step) recorded. */
    void add(Case kase) {
        kase.stored(rows.insert(kase));
        LoadedCases.put(kase);
        kase.changes().row().clear();
        write(kase, kase.version(), kase.snapshot().openedAt());
    }

    /** Writes what the case's transitions changed since it was loaded or last saved, then publishes their events. */
    void save(Case kase) {
        CaseChanges changes = kase.changes();
        if (changes.held() || changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long version = kase.version();
        if (changes.claimed() || !changes.row().isEmpty()) {
            rows.update(kase, changes, now);
            version++;
        }
        write(kase, version, now);
    }

    List<String> numbersLinkedFrom(long caseId) {
        return jdbc.sql("select case_number from ft_case where linked_from_id = ? order by id")
                .param(caseId).query(String.class).list();
    }

    // ---

    /**
     * The engine takes an action's steps before the row's version check, so the later of two actions on one case can
     * find the engine's rows already moved on by the first, committed meanwhile: its task gone ("cannot find task"), an
     * execution ended (an error deep in the engine). If the row's version moved since the case was read, that is what
     * happened, and the person gets the concurrent update it is (409), not a fault (500). Our own refusals, and
     * anything with the version unchanged, stay what they were.
     */
    private RuntimeException overtakenOr(Case kase, RuntimeException refused) {
        if (refused instanceof WordedException) {
            return refused;
        }
        try {
            if (!rows.version(kase.id()).equals(Optional.of(kase.version()))) {
                return new ConcurrentCaseUpdateException(kase.number(), refused);
            }
        } catch (RuntimeException unreadable) {
            refused.addSuppressed(unreadable);
        }
        return refused;
    }

    private static void whileHeld(Case kase, Runnable steps) {
        kase.changes().hold();
        try {
            steps.run();
        } finally {
            kase.changes().release();
        }
    }

    /** The hand-offs, callback and timeline the transitions added; then the events, once the rows are written. */
    private void write(Case kase, long version, Instant at) {
        CaseChanges changes = kase.changes();
        if (changes.passedOn() != null) {
            history.updateHandOff(changes.passedOn(), Set.of(OfHandOff.ENDED));
        }
        if (changes.handOff().contains(OfHandOff.STARTED)) {
            kase.handOffStored(history.startHandOff(kase.id(), kase.handOff()));
        } else if (!changes.handOff().isEmpty()) {
            history.updateHandOff(kase.handOff(), changes.handOff());
        }
        if (changes.callback() != null) {
            var callback = changes.callback();
            history.recordCallback(kase.id(), callback.attempt(), callback.report(), callback.onFirstContact(),
                    callback.outsideWindow(), callback.by(), callback.at(), callback.byCustomer());
        }
        changes.timeline().forEach(entry -> history.record(kase.id(), entry.type(), entry.actor(), entry.detail(),
                entry.at()));
        List<Supplier<Object>> registered = List.copyOf(changes.events());
        var appended = CaseEvents.HistoryAppended.of(kase.id(), changes, kase.handOff());
        kase.saved(version, at);
        if (appended != null) {
            events.publishEvent(appended);
        }
        registered.forEach(event -> events.publishEvent(event.get()));
    }
}
