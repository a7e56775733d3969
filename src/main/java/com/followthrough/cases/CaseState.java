package com.followthrough.cases;

import com.followthrough.cases.CaseChanges.NewCallback;
import com.followthrough.cases.CaseChanges.OfHandOff;
import com.followthrough.cases.CaseChanges.Row;
import com.followthrough.policy.Priority;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What a {@link Case} holds (its row, its latest hand-off, the callback outcome recorded in this unit of work) and
 * the primitive changes its transitions are made of, each noting in {@link CaseChanges} what {@link
 * CaseRepository#save} must write. The guards and the transitions are in {@link CaseSteps} (the engine's) and {@link
 * Case} (people's).
 */
abstract class CaseState {

    private long id;
    private final String number;
    private Customer customer;
    private final Priority priority;
    private final String summary;
    private final String details;
    private String owner;
    private CaseStatus status;
    private ClosedAs closedAs;
    private final String openedBy;
    private final Instant openedAt;
    private Instant statusSince;
    private Instant updatedAt;
    private Instant closedAt;
    private int reopenCount;
    private int callbackAttempts;
    private final Long linkedFromId;
    private final String linkedFrom;
    private long version;
    private Instant followUpDue;
    private CallbackWindow callbackWindow;
    /** The latest hand-off: the open one, or the one that ended last; null before the first. */
    private HandOff handOff;
    /** The callback outcome recorded in this unit of work: what the process routes and closes on. */
    private CallbackReport outcome;
    /** The case opened in this unit of work for the customer's further request. */
    private String linkedCase;
    private final CaseChanges changes = new CaseChanges();

    CaseState(CaseRecord row, Long linkedFromId, Instant followUpDue, CallbackWindow window, HandOff handOff) {
        this.id = row.id();
        this.number = row.number();
        this.customer = row.customer();
        this.priority = row.priority();
        this.summary = row.summary();
        this.details = row.details();
        this.owner = row.owner();
        this.status = row.status();
        this.closedAs = row.closedAs();
        this.openedBy = row.openedBy();
        this.openedAt = row.openedAt();
        this.statusSince = row.statusSince();
        this.updatedAt = row.updatedAt();
        this.closedAt = row.closedAt();
        this.reopenCount = row.reopenCount();
        this.callbackAttempts = row.callbackAttempts();
        this.linkedFrom = row.linkedFrom();
        this.version = row.version();
        this.linkedFromId = linkedFromId;
        this.followUpDue = followUpDue;
        this.callbackWindow = window;
        this.handOff = handOff;
    }

    /** The case as it stands now, for events, the flow and readers: an immutable copy. */
    CaseRecord snapshot() {
        return new CaseRecord(id, number, customer, priority, summary, details, owner, status, closedAs, openedBy,
                openedAt, statusSince, updatedAt, closedAt, reopenCount, callbackAttempts, linkedFrom, version);
    }

    // --- primitive changes

    final void timeline(CaseEventType type, String actor, String detail, Instant at) {
        changes.timeline(type, actor, detail, at);
    }

    /** An event, made once the transition is saved: it carries the case as saved (ids, version). */
    final void register(Supplier<Object> event) {
        changes.register(event);
    }

    final void recordOutcome(CallbackReport report, int attempt, boolean onFirstContact, boolean outsideWindow,
            String actor, Instant now) {
        outcome = report;
        changes.callback(new NewCallback(attempt, report, onFirstContact, outsideWindow, actor, now,
                CaseEvent.CUSTOMER.equals(actor)));
    }

    final void setStage(CaseStatus stage, Instant due, Instant now) {
        status = stage;
        statusSince = now;
        followUpDue = due;
        changes.row(Row.STAGE);
    }

    final void setClosed(ClosedAs how, Instant now) {
        setStage(CaseStatus.CLOSED, null, now);
        closedAs = how;
        closedAt = now;
    }

    final void setOwner(String newOwner) {
        owner = newOwner;
        changes.row(Row.OWNER);
    }

    final void setFollowUpDue(Instant due) {
        followUpDue = due;
        changes.row(Row.FOLLOW_UP_DUE);
    }

    /** The customer's callback window (and, unless null, their time zone). */
    final void setCallbackWindow(CallbackWindow window, ZoneId zone, String actor, Instant now) {
        if (zone != null) {
            customer = new Customer(customer.name(), customer.email(), customer.phone(), customer.preferredChannel(),
                    zone.getId());
            changes.row(Row.CUSTOMER_ZONE);
        }
        callbackWindow = window;
        changes.row(Row.CALLBACK_WINDOW);
        timeline(CaseEventType.CALLBACK_WINDOW_SET, actor, window.date() + " " + window.from() + "–" + window.to() + " "
                + window.zone().getId() + " (and the same hours on the days after)", now);
    }

    final int countReopen() {
        changes.row(Row.REOPENS);
        return ++reopenCount;
    }

    final int countCallbackAttempt() {
        changes.row(Row.CALLBACK_ATTEMPTS);
        return ++callbackAttempts;
    }

    final void setLinkedCase(String number) {
        linkedCase = number;
    }

    final void changeHandOff(HandOff changed, OfHandOff... columns) {
        handOff = changed;
        changes.handOff().addAll(Arrays.asList(columns));
    }

    /** A new hand-off becomes the current one (the previous one, if any, has ended). */
    final void replaceHandOff(HandOff started) {
        changes.replaced(handOff);
        handOff = started;
    }

    // --- for the repository

    final CaseChanges changes() {
        return changes;
    }

    final void stored(long newId) {
        id = newId;
    }

    final void handOffStored(long handOffId) {
        handOff = handOff.stored(handOffId, id);
    }

    final void saved(long newVersion, Instant at) {
        version = newVersion;
        updatedAt = at;
        changes.saved();
    }

    // --- what it holds

    final long id() {
        return id;
    }

    final String number() {
        return number;
    }

    final Customer customer() {
        return customer;
    }

    final Priority priority() {
        return priority;
    }

    final String owner() {
        return owner;
    }

    final CaseStatus status() {
        return status;
    }

    final Instant statusSince() {
        return statusSince;
    }

    final int callbackAttempts() {
        return callbackAttempts;
    }

    final long version() {
        return version;
    }

    final Long linkedFromId() {
        return linkedFromId;
    }

    final Instant followUpDue() {
        return followUpDue;
    }

    final CallbackWindow callbackWindow() {
        return callbackWindow;
    }

    final HandOff handOff() {
        return handOff;
    }

    final CallbackReport outcome() {
        return outcome;
    }

    final String linkedCase() {
        return linkedCase;
    }
}
