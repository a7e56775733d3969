package com.followthrough.cases;

import com.followthrough.policy.FollowUpDue;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the process reports as it moves: stages entered, timers fired, the end of the callback path. The thin adapter
 * between the model's listeners and delegates ({@code workflow}) and the case: each method loads the case (the instance
 * the step's transaction already has, if any), works out from the policy the times the transition needs, calls the one
 * {@link CaseSteps transition} and saves. Called inside the transaction of the step that caused it, so the case row and
 * the process never disagree.
 */
@Service
@Transactional
public class CaseProgress {

    private final CaseRepository cases;
    private final CaseHistory history;
    private final CaseService service;
    private final FollowUpDue followUps;
    private final CheckInRhythm rhythm;
    private final CallbackWindows windows;
    private final Clock clock;

    CaseProgress(CaseRepository cases, CaseHistory history, CaseService service, FollowUpDue followUps,
            CheckInRhythm rhythm, CallbackWindows windows, Clock clock) {
        this.cases = cases;
        this.history = history;
        this.service = service;
        this.followUps = followUps;
        this.rhythm = rhythm;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * The case as the step's transaction holds it (loaded once per transaction), for what the model reads of it
     * ({@code caseFacts}): no method validation on this path, which the engine calls on every task and gateway
     * (BENCHMARKS.md, "Issue 20 at night": Bean Validation of {@code CaseService.get} was 5 % of a check-in job).
     */
    public CaseRecord current(String number) {
        return cases.load(number).snapshot();
    }

    public void enterStage(String number, CaseStatus status) {
        Case kase = cases.load(number);
        Instant now = clock.instant();
        kase.enterStage(status, followUpDue(kase, status, now), now);
        cases.save(kase);
    }

    /**
     * What the owner (or the colleague) owes next, and by when: the same instant the process gives the stage's task.
     * The hand-off falls due counted from its start (a question to the owner does not stop its clock); the callback at
     * the customer's window. Nothing is due from the owner while a retry waits, or once closed.
     */
    private Instant followUpDue(Case kase, CaseStatus status, Instant now) {
        HandOff handOff = kase.handOff();
        return switch (status) {
            case WITH_OWNER, TO_CONTACT -> followUps.firstActionDue(kase.priority(), now);
            case AWAITING_AGENT -> null;
            case HANDED_OFF -> handOff == null || !handOff.isOpen() ? null
                    : followUps.handOffDue(kase.priority(), handOff.startedAt(), handOff.target().team());
            case QUESTION_FOR_OWNER -> followUps.answerDue(kase.priority(), now);
            case AWAITING_VERIFICATION -> followUps.verificationDue(kase.priority(), now);
            case AWAITING_CALLBACK -> windows.callbackDue(kase);
            case CALLBACK_RETRY_PENDING, CLOSED -> null;
        };
    }

    /** The process reached a closing end event: the case closes as the model's gateways decided. */
    public void close(String number, ClosedAs closedAs) {
        Case kase = cases.load(number);
        kase.close(closedAs, clock.instant());
        cases.save(kase);
    }

    /**
     * When the open hand-off's next check-in reminder falls due: the process's check-in timer is set to this ({@link
     * CheckIns} has the rules). Here rather than on {@link CheckIns}, whose method validation the timer does not need.
     */
    public Instant nextCheckInDue(String number) {
        Case kase = cases.load(number);
        Instant next = rhythm.next(kase);
        cases.save(kase);
        return next;
    }

    /**
     * A hand-off's check-in fell due (on its rhythm, or at a promised or snoozed time); returns which reminder this is
     * for the current hand-off (1, 2, 3, ...). A promise whose time came with the hand-off still open is broken.
     */
    public int checkInDue(String number) {
        Case kase = cases.load(number);
        Instant now = clock.instant();
        int reminder = kase.checkInDue(rhythm.fallsDue(kase, now), now);
        cases.save(kase);
        return reminder;
    }

    /** A case with its owner reached its first-action time: the owner is reminded. */
    public void firstActionDue(String number) {
        Case kase = cases.load(number);
        kase.firstActionDue(clock.instant());
        cases.save(kase);
    }

    /** A resolved fix reached its verification time: the owner is reminded. */
    public void verificationDue(String number) {
        Case kase = cases.load(number);
        kase.verificationDue(clock.instant());
        cases.save(kase);
    }

    /** An escalation is still unreviewed after the review time: supervisors are reminded again. */
    public void escalationUnreviewed(String number, EscalationKind kind) {
        Case kase = cases.load(number);
        Instant escalatedAt = history.lastEvent(kase.id(), CaseEventType.ESCALATED, kind.name())
                .map(CaseEvent::occurredAt).orElse(kase.statusSince());
        int reminder = history.countEvents(kase.id(), CaseEventType.ESCALATION_UNREVIEWED, kind.name(),
                escalatedAt) + 1;
        kase.escalationUnreviewed(kind, escalatedAt, reminder, clock.instant());
        cases.save(kase);
    }

    public void escalate(String number, EscalationKind kind) {
        Case kase = cases.load(number);
        kase.escalate(kind, kind == EscalationKind.CALLBACK_LATE ? windows.callbackDue(kase) : null, clock.instant());
        cases.save(kase);
    }

    /** A callback attempt starts, and the case awaits the callback; returns the attempt's number (1 for the first). */
    public int startCallbackAttempt(String number) {
        Case kase = cases.load(number);
        int attempt = kase.startCallbackAttempt(windows.callbackDue(kase), clock.instant());
        cases.save(kase);
        return attempt;
    }

    public void callbackDue(String number) {
        Case kase = cases.load(number);
        kase.callbackDue(windows.callbackDue(kase), clock.instant());
        cases.save(kase);
    }

    /** The customer said it is not resolved: back to the owner, history kept. */
    public void reopen(String number) {
        Case kase = cases.load(number);
        kase.reopen(clock.instant());
        cases.save(kase);
    }

    /** "Anything else?": a new case for the customer's further request, same customer, same owner. */
    public CaseRecord openLinkedCase(String number) {
        Case kase = cases.load(number);
        OpenCase intake = new OpenCase(kase.customer(), kase.priority(), kase.newRequest(),
                "Raised on the callback of " + number + ".", kase.owner());
        Case linked = service.open(intake, kase.owner(), kase);
        kase.linkedCaseOpened(linked.number(), clock.instant());
        cases.save(kase);
        return linked.snapshot();
    }

    public void writtenFollowUp(String number) {
        Case kase = cases.load(number);
        kase.writtenFollowUp(clock.instant());
        cases.save(kase);
    }
}
