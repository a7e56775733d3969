package com.followthrough.cases;

import static com.followthrough.cases.CaseChanges.OfHandOff.CHECK_INS_DUE;
import static com.followthrough.cases.CaseChanges.OfHandOff.ESCALATED;
import static com.followthrough.cases.CaseChanges.OfHandOff.RHYTHM;
import static com.followthrough.cases.CaseStatus.AWAITING_CALLBACK;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The transitions of a {@link Case} that the engine starts: a stage entered, a timer fired, the end of the callback
 * path the gateways chose. {@link CaseProgress} calls them from the model's listeners and delegates, computing the due
 * times they need from the policy. None is a person's action, so none claims the case: the engine orders its own steps,
 * and a person's action racing one of them loses on the engine's side or on the case's version.
 */
abstract class CaseSteps extends CaseState {

    CaseSteps(CaseRecord row, Long linkedFromId, Instant followUpDue, CallbackWindow window, HandOff handOff) {
        super(row, linkedFromId, followUpDue, window, handOff);
    }

    /** The check-in timer asks when the next reminder falls due: the first one of a hand-off is set here. */
    Instant nextCheckIn(Function<HandOff, Instant> first) {
        HandOff open = openHandOffToCheckIn();
        if (open.nextCheckIn() == null) {
            changeHandOff(open.rhythm(open.checkInAnchor(), first.apply(open)), RHYTHM);
        }
        return handOff().nextCheckIn();
    }

    /** A check-in reminder fell due ({@link CheckInRhythm#fallsDue}); returns which one it is for this hand-off. */
    int checkInDue(CheckInRhythm.Due due, Instant now) {
        HandOff open = openHandOffToCheckIn();
        int reminder = open.checkInsDue() + 1;
        changeHandOff(open.checkIns(reminder, open.checkInsDone()).rhythm(due.anchor(), due.next()), CHECK_INS_DUE,
                RHYTHM);
        if (due.brokenPromise() != null) {
            timeline(CaseEventType.PROMISE_BROKEN, CaseEvent.SYSTEM, open.target().describe() + " promised by "
                    + due.brokenPromise().dueAt() + ": " + due.brokenPromise().promise() + "; still open", now);
        }
        timeline(CaseEventType.CHECK_IN_DUE, CaseEvent.SYSTEM,
                "reminder " + reminder + ": check in with " + open.target().describe(), now);
        register(() -> new CaseEvents.CheckInDue(snapshot(), handOff(), reminder, due.brokenPromise(),
                due.snooze()));
        return reminder;
    }

    // --- guards (also for the people's transitions in Case)

    /** A person's action, allowed only in {@code allowed}; saving it checks nobody changed the case meanwhile. */
    final void claim(String action, CaseStatus... allowed) {
        if (!Set.of(allowed).contains(status())) {
            throw new CaseStateException(number(), action, status(),
                    "allowed only while the case is " + Arrays.toString(allowed));
        }
        changes().claim();
    }

    final void requireOpen(String action) {
        if (!status().isOpen()) {
            throw new CaseStateException(number(), action, status(), "the case is closed");
        }
    }

    /** The product's promise: no case leaves the callback path without an outcome recorded in the same step. */
    final CallbackReport requireOutcome(String action) {
        if (outcome() == null) {
            throw new IllegalStateException("Case " + number() + " cannot " + action
                    + " without a callback outcome recorded in the same step");
        }
        return outcome();
    }

    /** The hand-off whose check-in clock ticks: a timer of an ended hand-off is a broken process, not a refusal. */
    final HandOff openHandOffToCheckIn() {
        if (handOff() == null || !handOff().isOpen()) {
            throw new IllegalStateException("Case " + number() + " has no open hand-off to check in on");
        }
        return handOff();
    }

    // --- reminders and escalations

    void escalate(EscalationKind kind, Instant callbackDue, Instant now) {
        HandOff stalled = kind == EscalationKind.HAND_OFF_STALLED && handOff() != null && handOff().isOpen()
                ? handOff() : null;
        if (stalled != null && stalled.escalatedAt() == null) {
            changeHandOff(stalled.escalated(now), ESCALATED);
        }
        timeline(CaseEventType.ESCALATED, CaseEvent.SYSTEM, kind.name(), now);
        register(() -> new CaseEvents.Escalated(snapshot(), kind, handOff(),
                kind == EscalationKind.CALLBACK_LATE ? callbackDue : null));
    }

    void escalationUnreviewed(EscalationKind kind, Instant escalatedAt, int reminder, Instant now) {
        timeline(CaseEventType.ESCALATION_UNREVIEWED, CaseEvent.SYSTEM, kind.name(), now);
        register(() -> new CaseEvents.EscalationUnreviewed(snapshot(), kind, escalatedAt, reminder));
    }

    void firstActionDue(Instant now) {
        timeline(CaseEventType.FIRST_ACTION_DUE, CaseEvent.SYSTEM,
                "with " + owner() + " since " + statusSince() + ": hand it off or resolve it", now);
        register(() -> new CaseEvents.FirstActionDue(snapshot(), statusSince()));
    }

    void verificationDue(Instant now) {
        timeline(CaseEventType.VERIFICATION_DUE, CaseEvent.SYSTEM,
                "resolved " + statusSince() + ": verify the fix with the colleague", now);
        register(() -> new CaseEvents.VerificationDue(snapshot(), statusSince(), handOff()));
    }

    // --- stages and the callback path

    /** The process entered the stage {@code stage}, due from the owner (or colleague) at {@code due}. */
    void enterStage(CaseStatus stage, Instant due, Instant now) {
        if (stage == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("closing goes through close(closedAs)");
        }
        requireOpen("enter " + stage);
        setStage(stage, due, now);
    }

    /** A callback attempt starts (the case awaits the callback, due at {@code due}); returns its number. */
    int startCallbackAttempt(Instant due, Instant now) {
        requireOpen("start a callback attempt");
        int attempt = countCallbackAttempt();
        timeline(CaseEventType.CALLBACK_ATTEMPT_STARTED, CaseEvent.SYSTEM, "attempt " + attempt, now);
        setStage(AWAITING_CALLBACK, due, now);
        return attempt;
    }

    void callbackDue(Instant due, Instant now) {
        timeline(CaseEventType.CALLBACK_DUE, CaseEvent.SYSTEM, "attempt " + callbackAttempts() + " is due", now);
        register(() -> new CaseEvents.CallbackDue(snapshot(), callbackAttempts(), due, callbackWindow()));
    }

    /** The customer said it is not resolved: back to the owner, history kept. */
    void reopen(Instant now) {
        int times = countReopen();
        timeline(CaseEventType.REOPENED, CaseEvent.SYSTEM, "reopened " + times + "×", now);
    }

    /** What the customer asked for more: the linked case's summary (the outcome the gateway sent here carries it). */
    String newRequest() {
        return requireOutcome("open a linked case").newRequest();
    }

    void linkedCaseOpened(String linkedNumber, Instant now) {
        requireOutcome("open a linked case");
        setLinkedCase(linkedNumber);
        timeline(CaseEventType.LINKED_CASE_OPENED, CaseEvent.SYSTEM, linkedNumber, now);
    }

    void writtenFollowUp(Instant now) {
        timeline(CaseEventType.WRITTEN_FOLLOW_UP, CaseEvent.SYSTEM,
                "no answer after " + callbackAttempts() + " attempts; written follow-up to the customer", now);
        register(() -> new CaseEvents.WrittenFollowUp(snapshot(), callbackAttempts()));
    }

    /**
     * The process reached the end event for {@code closedAs}: its gateways chose it from the callback outcome, and that
     * choice is not second-guessed here. What is refused is a case closing without an outcome recorded in this step,
     * or closing twice.
     */
    void close(ClosedAs closedAs, Instant now) {
        requireOutcome("close as " + closedAs);
        requireOpen("close as " + closedAs);
        setClosed(closedAs, now);
        timeline(CaseEventType.CLOSED, CaseEvent.SYSTEM, closedAs.name(), now);
        CallbackReport callback = outcome();
        register(() -> new CaseEvents.Closed(snapshot(), closedAs,
                linkedCase() == null ? List.of() : List.of(linkedCase()), callback));
    }
}
