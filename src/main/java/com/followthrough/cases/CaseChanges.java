package com.followthrough.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the transitions of one unit of work changed in a {@link Case} since it was loaded or last saved: which columns
 * of its row and of its hand-off, the timeline entries and callback to append, the events to publish. {@link
 * CaseRepository#save} writes exactly these (a column nobody changed is never written, so a timer's step cannot undo a
 * person's change it did not see), then {@link #saved() clears} them.
 */
final class CaseChanges {

    /** Column groups of {@code ft_case}. */
    enum Row { STAGE, OWNER, REOPENS, CALLBACK_ATTEMPTS, CALLBACK_WINDOW, CUSTOMER_ZONE, FOLLOW_UP_DUE }

    /** Column groups of the current hand-off's row; {@code STARTED}: a new row to insert. */
    enum OfHandOff { STARTED, ENDED, CHECK_INS_DUE, CHECK_INS_DONE, RHYTHM, ESCALATED }

    record Entry(CaseEventType type, String actor, String detail, Instant at) {
    }

    /** @param byCustomer the customer's own answer (by an answer link), not a call */
    record NewCallback(int attempt, CallbackReport report, boolean onFirstContact, boolean outsideWindow, String by,
            Instant at, boolean byCustomer) {
    }

    private boolean claimed;
    /** Commands under way on the case ({@link CaseRepository#saveAfter}): until they end, saves only gather. */
    private int held;
    private final Set<Row> row = EnumSet.noneOf(Row.class);
    private final Set<OfHandOff> handOff = EnumSet.noneOf(OfHandOff.class);
    private HandOff passedOn;
    private NewCallback callback;
    private final List<Entry> timeline = new ArrayList<>();
    private final List<Supplier<Object>> events = new ArrayList<>();

    /** A person's action: saved only if nobody changed the case since it was read (the version check). */
    void claim() {
        claimed = true;
    }

    void hold() {
        held++;
    }

    void release() {
        held--;
    }

    /** A command on the case is under way: what its steps change is written with the command's own changes. */
    boolean held() {
        return held > 0;
    }

    void row(Row changed) {
        row.add(changed);
    }

    void handOff(OfHandOff changed) {
        handOff.add(changed);
    }

    /**
     * The current hand-off ended and a new one starts in the same unit of work (passed on): the ended one's row is
     * still to be written.
     */
    void replaced(HandOff ended) {
        passedOn = handOff.contains(OfHandOff.ENDED) ? ended : null;
        handOff.clear();
        handOff.add(OfHandOff.STARTED);
    }

    void callback(NewCallback recorded) {
        callback = recorded;
    }

    void timeline(CaseEventType type, String actor, String detail, Instant at) {
        timeline.add(new Entry(type, actor, detail, at));
    }

    void register(Supplier<Object> event) {
        events.add(event);
    }

    boolean claimed() {
        return claimed;
    }

    Set<Row> row() {
        return row;
    }

    Set<OfHandOff> handOff() {
        return handOff;
    }

    HandOff passedOn() {
        return passedOn;
    }

    NewCallback callback() {
        return callback;
    }

    List<Entry> timeline() {
        return timeline;
    }

    List<Supplier<Object>> events() {
        return events;
    }

    boolean isEmpty() {
        return !claimed && row.isEmpty() && handOff.isEmpty() && callback == null && timeline.isEmpty()
                && events.isEmpty();
    }

    void saved() {
        claimed = false;
        row.clear();
        handOff.clear();
        passedOn = null;
        callback = null;
        timeline.clear();
        events.clear();
    }
}
