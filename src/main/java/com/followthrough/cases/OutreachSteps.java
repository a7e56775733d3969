package com.followthrough.cases;

import static com.followthrough.cases.CaseChanges.OfHandOff.ENDED;
import static com.followthrough.cases.CaseStatus.AWAITING_AGENT;
import static com.followthrough.cases.CaseStatus.AWAITING_CALLBACK;
import static com.followthrough.cases.CaseStatus.CALLBACK_RETRY_PENDING;
import static com.followthrough.cases.CaseStatus.TO_CONTACT;

import com.followthrough.cases.CustomerAnswer.Outcome;
import java.time.Instant;

/**
 * The transitions of a case an outreach opened (an owner assigned by capacity, the proactive contact, the shared
 * hand-off, the withdrawal) and of the customer's own answer by an answer link. Like every transition of a {@link
 * Case}: each guards, changes, appends its timeline entry and registers its event.
 */
abstract class OutreachSteps extends CaseSteps {

    /** What the engine does after a customer's answer. */
    enum AnswerStep {
        /** Close as confirmed by the customer, wherever the case stands. */
        CLOSE,
        /** As a callback's NOT_RESOLVED: back to the owner. */
        REOPEN,
        /** The callback's (or retry's) times move into the customer's window. */
        WINDOW_CHANGED,
        /** Noted; the case goes on as it was (the owner is told). */
        NOTED
    }

    OutreachSteps(CaseRecord row, Long linkedFromId, Instant followUpDue, CallbackWindow window, HandOff handOff) {
        super(row, linkedFromId, followUpDue, window, handOff);
    }

    /** The outreach's assignment gave this waiting case an agent with capacity (the engine's capacity step). */
    void assignOwner(String agent, Instant now) {
        if (status() != AWAITING_AGENT || owner() != null) {
            throw new IllegalStateException("Case " + number() + " is not waiting for an agent (" + status() + ", owner "
                    + owner() + ")");
        }
        setOwner(agent);
        timeline(CaseEventType.OWNER_ASSIGNED, CaseEvent.SYSTEM, "owner " + agent + " (capacity)", now);
    }

    /**
     * The owner contacted the customer proactively. What comes next: the customer confirmed (the case closes as on
     * first contact), a hand-off, or the outreach's shared hand-off ({@code shared}, whose team and note this case's
     * hand-off takes).
     */
    void contact(ContactReport report, SharedHandOffs.Shared shared, String actor, Instant now) {
        claim("contact the customer", TO_CONTACT);
        timeline(CaseEventType.CONTACTED, actor, (report.reached() ? "reached" : "not reached")
                + (report.customerWords() == null || report.customerWords().isBlank() ? ""
                        : " — " + report.customerWords()), now);
        switch (report.next()) {
            case RESOLVED -> {
                recordOutcome(new CallbackReport(CallbackOutcome.CONFIRMED, report.customerWords(), null, null), 0,
                        true, false, actor, now);
                timeline(CaseEventType.RESOLVED_ON_FIRST_CONTACT, actor, report.resolution(), now);
            }
            case HAND_OFF -> {
                startHandOff(report.handOff(), report.note(), actor, now);
                timeline(CaseEventType.HANDED_OFF, actor, describe(report.handOff(), report.note()), now);
                register(() -> new CaseEvents.HandedOff(snapshot(), actor, handOff()));
            }
            case SHARED_HAND_OFF -> {
                startHandOff(shared.target(), shared.note(), actor, now);
                timeline(CaseEventType.HANDED_OFF, actor, "to the shared hand-off of " + shared.outreach() + " ("
                        + shared.target().describe() + ")", now);
            }
        }
        register(() -> new CaseEvents.Contacted(snapshot(), actor, report.reached(), report.next(), now));
    }

    /** The outreach's shared hand-off this case waits on was resolved: its hand-off ends as the resolver resolved it. */
    void sharedHandOffResolved(SharedHandOffs.Shared shared, Instant now) {
        HandOff open = handOff();
        if (open == null || !open.isOpen()) {
            throw new IllegalStateException("Case " + number() + " has no open hand-off for the shared one to resolve");
        }
        changeHandOff(open.ended(HandOff.EndedAs.RESOLVED, shared.resolution(), shared.resolvedBy(), now), ENDED);
        timeline(CaseEventType.HAND_OFF_RESOLVED, shared.resolvedBy(), "shared hand-off of " + shared.outreach()
                + ", resolved " + shared.resolvedAt() + ": " + shared.resolution(), now);
        register(() -> new CaseEvents.SharedHandOffResolved(snapshot(), shared.resolvedBy(), shared.resolution()));
    }

    /**
     * The customer answered by their link, on an open case ({@code window}: the checked window of a "call me",
     * {@code due}: when the callback then falls due). Recorded as a callback would be: resolved is a confirmation the
     * case closes on, wherever it stands (an open hand-off ends with it); still a problem, while a callback is due or
     * a retry waits, is a callback's NOT_RESOLVED (back to the owner), and before that it is noted for the owner; call
     * me sets the customer's window, which the callback's times follow.
     */
    AnswerStep customerAnswered(CustomerAnswer answer, CallbackWindow window, Instant due, Instant now) {
        claim("record the customer's answer", CaseStatus.values());
        requireOpen("record the customer's answer");
        String actor = CaseEvent.CUSTOMER;
        timeline(CaseEventType.CUSTOMER_ANSWERED, actor, describe(answer.outcome())
                + (answer.customerWords() == null || answer.customerWords().isBlank() ? ""
                        : " — " + answer.customerWords())
                + (answer.satisfaction() == null ? "" : " (satisfaction " + answer.satisfaction() + "/5)"), now);
        AnswerStep step = switch (answer.outcome()) {
            case RESOLVED -> {
                // the customer's consent, as at a callback: with it the closing becomes a story (stories)
                recordOutcome(new CallbackReport(CallbackOutcome.CONFIRMED, answer.customerWords(),
                        answer.satisfaction(), null, null, answer.consentToShare(), null, null), callbackAttempts(),
                        false, false, actor, now);
                HandOff open = handOff();
                if (open != null && open.isOpen()) {
                    changeHandOff(open.ended(HandOff.EndedAs.RESOLVED, "the customer confirmed it resolved", actor,
                            now), ENDED);
                }
                yield AnswerStep.CLOSE;
            }
            case STILL_A_PROBLEM -> {
                if (status() != AWAITING_CALLBACK && status() != CALLBACK_RETRY_PENDING) {
                    yield AnswerStep.NOTED;
                }
                recordOutcome(new CallbackReport(CallbackOutcome.NOT_RESOLVED, answer.customerWords(),
                        answer.satisfaction(), null), callbackAttempts(), false, false, actor, now);
                yield AnswerStep.REOPEN;
            }
            case CALL_ME -> {
                setCallbackWindow(window, null, actor, now);
                if (status() == AWAITING_CALLBACK) {
                    setFollowUpDue(due);
                }
                yield AnswerStep.WINDOW_CHANGED;
            }
        };
        register(() -> new CaseEvents.CustomerAnswered(snapshot(), answer, step == AnswerStep.NOTED, now));
        return step;
    }

    /** An answer on a case already closed: noted on its timeline (a new request becomes a linked case elsewhere). */
    void customerAnsweredAfterClose(CustomerAnswer answer, String linkedCase, Instant now) {
        timeline(CaseEventType.CUSTOMER_ANSWERED, CaseEvent.CUSTOMER, describe(answer.outcome()) + " (after the case "
                + "closed" + (linkedCase == null ? ")" : "; new case " + linkedCase + ")")
                + (answer.customerWords() == null || answer.customerWords().isBlank() ? ""
                        : " — " + answer.customerWords()), now);
    }

    /**
     * The outreach was withdrawn before anyone contacted this customer: the withdrawal is the outcome the case closes
     * on (as {@link ClosedAs#WITHDRAWN}); a case contacted meanwhile is refused and goes on.
     */
    void withdraw(String reason, String actor, Instant now) {
        claim("withdraw", AWAITING_AGENT, TO_CONTACT);
        recordOutcome(new CallbackReport(CallbackOutcome.WITHDRAWN, null, null, null), 0, false, false, actor, now);
        timeline(CaseEventType.WITHDRAWN, actor, reason, now);
    }

    // --- for the people's transitions (Case) too

    final HandOff requireOpenHandOff(String action) {
        if (handOff() == null || !handOff().isOpen()) {
            throw new CaseStateException(number(), action, status(), "no hand-off is open");
        }
        return handOff();
    }

    final void startHandOff(HandOffTarget target, String note, String actor, Instant now) {
        replaceHandOff(HandOff.start(id(), target, note, actor, now));
    }

    static String describe(HandOffTarget target, String note) {
        return "to " + target.describe() + (note == null || note.isBlank() ? "" : ": " + note);
    }

    private static String describe(Outcome outcome) {
        return switch (outcome) {
            case RESOLVED -> "resolved for me";
            case STILL_A_PROBLEM -> "still a problem";
            case CALL_ME -> "please call me";
        };
    }
}
