package com.followthrough.cases;

import com.followthrough.policy.FollowUpDue;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the process reports back as it moves: stage changes, reminders, escalations and closing. Called from the
 * engine inside the transaction of the step that caused it, so the case row and the process never disagree.
 */
@Service
@Transactional
public class CaseProgress {

    private final CaseRepository cases;
    private final CaseHistory history;
    private final CaseService service;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final FollowUpDue followUps;
    private final CheckIns checkIns;
    private final CallbackWindows windows;

    CaseProgress(CaseRepository cases, CaseHistory history, CaseService service, Clock clock,
            ApplicationEventPublisher events, FollowUpDue followUps, CheckIns checkIns, CallbackWindows windows) {
        this.followUps = followUps;
        this.checkIns = checkIns;
        this.windows = windows;
        this.cases = cases;
        this.history = history;
        this.service = service;
        this.clock = clock;
        this.events = events;
    }

    public void enterStage(String number, CaseStatus status) {
        if (status == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("closing goes through close(number, closedAs)");
        }
        Instant now = clock.instant();
        CaseRecord record = service.get(number);
        if (!cases.updateStatus(number, status, followUpDue(record, status, now), now)) {
            throw new IllegalStateException("Case " + number + " is unknown or closed; cannot enter " + status);
        }
    }

    /**
     * What the owner (or the colleague) owes next, and by when: the same instant the process gives the stage's task. The
     * hand-off falls due counted from its start (a question to the owner does not stop its clock); the callback at the
     * customer's window. Nothing is due from the owner while a retry waits, or once closed.
     */
    private Instant followUpDue(CaseRecord record, CaseStatus status, Instant now) {
        return switch (status) {
            case WITH_OWNER -> followUps.firstActionDue(record.priority(), now);
            case HANDED_OFF -> history.openHandOff(record.id())
                    .map(open -> followUps.handOffDue(record.priority(), open.startedAt(), open.target().team()))
                    .orElse(null);
            case QUESTION_FOR_OWNER -> followUps.answerDue(record.priority(), now);
            case AWAITING_VERIFICATION -> followUps.verificationDue(record.priority(), now);
            case AWAITING_CALLBACK -> windows.callbackDue(record.number());
            case CALLBACK_RETRY_PENDING, CLOSED -> null;
        };
    }

    /**
     * Closes the case. The product's promise is enforced here: no case closes without a recorded callback outcome
     * that matches how it closes.
     */
    public void close(String number, ClosedAs closedAs) {
        CaseRecord record = service.get(number);
        CallbackOutcome last = history.lastCallback(record.id()).map(Callback::outcome).orElseThrow(
                () -> new IllegalStateException("Case " + number + " cannot close without a recorded callback outcome"));
        if (last != closedAs.requiredOutcome()) {
            throw new IllegalStateException("Case " + number + " cannot close as " + closedAs
                    + " after the callback outcome " + last);
        }
        Instant now = clock.instant();
        if (!cases.close(number, closedAs, now)) {
            throw new IllegalStateException("Case " + number + " is already closed");
        }
        history.record(record.id(), CaseEventType.CLOSED, CaseEvent.SYSTEM, closedAs.name(), now);
        events.publishEvent(new CaseEvents.Closed(number, closedAs));
    }

    /**
     * A hand-off's check-in fell due (on its rhythm, or at a promised or snoozed time); returns which reminder this is
     * for the current hand-off (1, 2, 3, ...). A promise whose time came with the hand-off still open is broken.
     */
    public int checkInDue(String number) {
        CaseRecord record = service.get(number);
        HandOff handOff = history.openHandOff(record.id()).orElseThrow(
                () -> new IllegalStateException("Case " + number + " has no open hand-off to check in on"));
        Instant now = clock.instant();
        CheckIns.Due due = checkIns.fallsDue(record, handOff, now);
        int reminder = history.countCheckInDue(handOff.id());
        if (due.brokenPromise() != null) {
            history.record(record.id(), CaseEventType.PROMISE_BROKEN, CaseEvent.SYSTEM, handOff.target().describe()
                    + " promised by " + due.brokenPromise().dueAt() + ": " + due.brokenPromise().promise()
                    + "; still open", now);
        }
        history.record(record.id(), CaseEventType.CHECK_IN_DUE, CaseEvent.SYSTEM,
                "reminder " + reminder + ": check in with " + handOff.target().describe(), now);
        events.publishEvent(new CaseEvents.CheckInDue(number, reminder, due.brokenPromise(), due.snooze()));
        return reminder;
    }

    /** A case with its owner reached its first-action time: the owner is reminded. */
    public void firstActionDue(String number) {
        CaseRecord record = service.get(number);
        history.record(record.id(), CaseEventType.FIRST_ACTION_DUE, CaseEvent.SYSTEM,
                "with " + record.owner() + " since " + record.statusSince() + ": hand it off or resolve it",
                clock.instant());
        events.publishEvent(new CaseEvents.FirstActionDue(number, record.statusSince()));
    }

    /** A resolved fix reached its verification time: the owner is reminded. */
    public void verificationDue(String number) {
        CaseRecord record = service.get(number);
        history.record(record.id(), CaseEventType.VERIFICATION_DUE, CaseEvent.SYSTEM,
                "resolved " + record.statusSince() + ": verify the fix with the colleague", clock.instant());
        events.publishEvent(new CaseEvents.VerificationDue(number, record.statusSince()));
    }

    /** An escalation is still unreviewed after the review time: supervisors are reminded again. */
    public void escalationUnreviewed(String number, EscalationKind kind) {
        CaseRecord record = service.get(number);
        Instant escalatedAt = history.lastEvent(record.id(), CaseEventType.ESCALATED, kind.name())
                .map(CaseEvent::occurredAt).orElse(record.statusSince());
        int reminder = history.countEvents(record.id(), CaseEventType.ESCALATION_UNREVIEWED, kind.name(),
                escalatedAt) + 1;
        history.record(record.id(), CaseEventType.ESCALATION_UNREVIEWED, CaseEvent.SYSTEM, kind.name(),
                clock.instant());
        events.publishEvent(new CaseEvents.EscalationUnreviewed(number, kind, escalatedAt, reminder));
    }

    public void escalate(String number, EscalationKind kind) {
        CaseRecord record = service.get(number);
        Instant now = clock.instant();
        if (kind == EscalationKind.HAND_OFF_STALLED) {
            history.openHandOff(record.id()).ifPresent(handOff -> history.markEscalated(handOff.id(), now));
        }
        history.record(record.id(), CaseEventType.ESCALATED, CaseEvent.SYSTEM, kind.name(), now);
        events.publishEvent(new CaseEvents.Escalated(number, kind));
    }

    /** A callback attempt starts; returns its number (1 for the first). */
    public int startCallbackAttempt(String number) {
        CaseRecord record = service.get(number);
        Instant now = clock.instant();
        int attempt = cases.countCallbackAttempt(record.id(), now);
        history.record(record.id(), CaseEventType.CALLBACK_ATTEMPT_STARTED, CaseEvent.SYSTEM, "attempt " + attempt, now);
        return attempt;
    }

    public void callbackDue(String number) {
        CaseRecord record = service.get(number);
        history.record(record.id(), CaseEventType.CALLBACK_DUE, CaseEvent.SYSTEM,
                "attempt " + record.callbackAttempts() + " is due", clock.instant());
        events.publishEvent(new CaseEvents.CallbackDue(number, record.callbackAttempts()));
    }

    /** The customer said it is not resolved: back to the owner, history kept. */
    public void reopen(String number) {
        CaseRecord record = service.get(number);
        Instant now = clock.instant();
        int times = cases.countReopen(record.id(), now);
        history.record(record.id(), CaseEventType.REOPENED, CaseEvent.SYSTEM, "reopened " + times + "×", now);
    }

    /** "Anything else?": a new case for the customer's further request, same customer, same owner. */
    public CaseRecord openLinkedCase(String number) {
        CaseRecord record = service.get(number);
        Callback callback = history.lastCallback(record.id())
                .filter(last -> last.outcome() == CallbackOutcome.MORE_HELP_NEEDED)
                .orElseThrow(() -> new IllegalStateException("Case " + number + " has no request for more help"));
        OpenCase intake = new OpenCase(record.customer(), record.priority(), callback.newRequest(),
                "Raised on the callback of " + number + ".", record.owner());
        CaseRecord linked = service.open(intake, record.owner(), record);
        history.record(record.id(), CaseEventType.LINKED_CASE_OPENED, CaseEvent.SYSTEM, linked.number(), clock.instant());
        return linked;
    }

    public void writtenFollowUp(String number) {
        CaseRecord record = service.get(number);
        history.record(record.id(), CaseEventType.WRITTEN_FOLLOW_UP, CaseEvent.SYSTEM,
                "no answer after " + record.callbackAttempts() + " attempts; written follow-up to the customer",
                clock.instant());
        events.publishEvent(new CaseEvents.WrittenFollowUp(number, record.callbackAttempts()));
    }
}
