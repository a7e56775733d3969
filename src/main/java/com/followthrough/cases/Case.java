package com.followthrough.cases;

import static com.followthrough.cases.CaseChanges.OfHandOff.CHECK_INS_DONE;
import static com.followthrough.cases.CaseChanges.OfHandOff.CHECK_INS_DUE;
import static com.followthrough.cases.CaseChanges.OfHandOff.ENDED;
import static com.followthrough.cases.CaseChanges.OfHandOff.ESCALATED;
import static com.followthrough.cases.CaseChanges.OfHandOff.RHYTHM;
import static com.followthrough.cases.CaseStatus.AWAITING_CALLBACK;
import static com.followthrough.cases.CaseStatus.AWAITING_VERIFICATION;
import static com.followthrough.cases.CaseStatus.HANDED_OFF;
import static com.followthrough.cases.CaseStatus.QUESTION_FOR_OWNER;
import static com.followthrough.cases.CaseStatus.WITH_OWNER;

import com.followthrough.cases.CaseChanges.Row;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The case aggregate: one customer issue, its latest hand-off and its counters. Every change to a case is one of its
 * transitions (here: what people start; {@link CaseSteps}: what the engine starts; {@link CaseState}: what a case holds
 * and the changes they are made of). Each guards the transition, changes the state, appends its timeline entry and
 * registers its event ({@link CaseEvents}); {@link CaseRepository#save} then writes exactly what changed and publishes
 * the events. Nothing else writes a case.
 *
 * <p><b>Who starts a transition.</b> A person's action (hand off, resolve, verify, record a callback, reassign, ...):
 * a service ({@link CaseService}, {@link CheckIns}, {@link CallbackWindows}) loads the case, calls the transition,
 * saves it (refused with 409 if someone changed the case since it was read: the version check), and then has the engine
 * move on ({@link CaseFlow}); {@link CaseService} has the engine move on first and saves once after ({@link
 * CaseRepository#saveAfter}), so the steps' changes share the action's write. The engine's own steps (a stage entered,
 * a timer fired, a gateway's decision carried out): the model's listener calls {@link CaseProgress}, a thin adapter
 * that loads the same case (the repository keeps one instance per transaction, so it is read once), calls one
 * transition and saves it. The engine decides where the flow goes; a transition records that once. So a hand-off is
 * the person's {@link #handOff} (the hand-off row, its timeline entry, the event) and the engine's {@link
 * CaseSteps#enterStage} (the status and its due time), written together.
 *
 * <p><b>Counters live here, and only here</b>: callback attempts and the reopen count on the case row, check-ins due
 * and done on the hand-off's row. The model reads the attempt through a bean ({@code
 * ${caseFacts.callbackAttempt(execution)}}), as it reads the owner for its assignees ({@code
 * ${caseFacts.owner(execution)}}): no process variable holds a copy. The priority, which never changes, is given to the
 * process at start; the hand-off's target travels with the step that decides it, as the decisions do.
 *
 * <p><b>Closing trusts the gateway.</b> The model's gateways route on the callback outcome the owner recorded and end
 * at the matching end event, whose listener closes the case ({@link CaseSteps#close}). Closing does not re-check that
 * routing; it refuses only what the product promises never happens: a case closing without a callback outcome recorded
 * in the step that closes it (or closing twice).
 */
final class Case extends OutreachSteps {

    Case(CaseRecord row, Long linkedFromId, Instant followUpDue, CallbackWindow window, HandOff handOff) {
        super(row, linkedFromId, followUpDue, window, handOff);
    }

    /** Intake: a new case with its owner, not yet stored ({@link CaseRepository#add}). */
    static Case open(String number, OpenCase intake, String owner, String actor, Case linkedFrom, CallbackWindow window,
            Instant now) {
        Customer given = intake.customer();
        Customer customer = new Customer(given.name(), blankToNull(given.email()), blankToNull(given.phone()),
                given.preferredChannel(), blankToNull(given.timeZone()));
        Case opened = new Case(new CaseRecord(0, number, customer, intake.priority(), intake.summary(),
                blankToNull(intake.details()), owner, WITH_OWNER, null, actor, now, now, now, null, 0, 0,
                linkedFrom == null ? null : linkedFrom.number(), 0), linkedFrom == null ? null : linkedFrom.id(), null,
                null, null);
        opened.timeline(CaseEventType.OPENED, actor, linkedFrom == null ? "owner " + owner
                : "owner " + owner + ", following " + linkedFrom.number(), now);
        if (window != null) {
            opened.setCallbackWindow(window, null, actor, now);
        }
        opened.register(() -> new CaseEvents.Opened(opened.snapshot(), actor));
        return opened;
    }

    /**
     * An outreach's case, opened proactively (nobody called): with its owner when an agent had capacity, else waiting
     * for one. The launch is its actor.
     */
    static Case openForOutreach(String number, OutreachIntake intake, String actor, Instant now) {
        Customer given = intake.customer();
        Customer customer = new Customer(given.name(), blankToNull(given.email()), blankToNull(given.phone()),
                given.preferredChannel(), blankToNull(given.timeZone()));
        CaseStatus first = intake.owner() == null ? CaseStatus.AWAITING_AGENT : CaseStatus.TO_CONTACT;
        Case opened = new Case(new CaseRecord(0, number, customer, intake.priority(), intake.summary(),
                blankToNull(intake.details()), intake.owner(), first, null, actor, now, now, now, null, 0, 0, null, 0),
                null, null, null, null);
        opened.timeline(CaseEventType.OPENED, actor, "proactively, for outreach " + intake.outreach() + "; "
                + (intake.owner() == null ? "waiting for an agent with capacity" : "owner " + intake.owner()), now);
        opened.register(() -> new CaseEvents.OpenedForOutreach(opened.snapshot(), actor, intake.outreach()));
        return opened;
    }

    // --- working the case

    /** The customer confirmed on the spot: the confirmation is the callback outcome the process closes on. */
    void resolveOnFirstContact(String resolution, String customerWords, String actor, Instant now) {
        claim("resolve on first contact", WITH_OWNER);
        recordOutcome(new CallbackReport(CallbackOutcome.CONFIRMED, customerWords, null, null), 0, true, false, actor,
                now);
        timeline(CaseEventType.RESOLVED_ON_FIRST_CONTACT, actor, resolution, now);
    }

    void handOff(HandOffTarget target, String note, String actor, Instant now) {
        claim("hand off", WITH_OWNER);
        startHandOff(target, note, actor, now);
        timeline(CaseEventType.HANDED_OFF, actor, describe(target, note), now);
        register(() -> new CaseEvents.HandedOff(snapshot(), actor, handOff()));
    }

    void resolveHandOff(String resolution, String actor, Instant now) {
        claim("resolve the hand-off", HANDED_OFF);
        endHandOff(HandOff.EndedAs.RESOLVED, resolution, actor, now);
        timeline(CaseEventType.HAND_OFF_RESOLVED, actor, resolution, now);
        register(() -> new CaseEvents.HandOffResolved(snapshot(), actor, resolution, handOff()));
    }

    void sendBack(String question, String actor, Instant now) {
        claim("send back", HANDED_OFF);
        timeline(CaseEventType.SENT_BACK, actor, question, now);
        register(() -> new CaseEvents.SentBack(snapshot(), actor, question));
    }

    void answerQuestion(String answer, String actor, Instant now) {
        claim("answer the question", QUESTION_FOR_OWNER);
        timeline(CaseEventType.QUESTION_ANSWERED, actor, answer, now);
    }

    void passOn(HandOffTarget target, String note, String actor, Instant now) {
        claim("pass on", HANDED_OFF);
        endHandOff(HandOff.EndedAs.PASSED_ON, null, actor, now);
        HandOff passedOn = handOff();
        startHandOff(target, note, actor, now);
        timeline(CaseEventType.PASSED_ON, actor, describe(target, note), now);
        register(() -> new CaseEvents.PassedOn(snapshot(), actor, handOff(), passedOn));
    }

    /** The owner checked with the colleague; a fix that was not effective goes back to the same colleague or team. */
    void verify(boolean effective, String note, String actor, Instant now) {
        claim("verify the fix", AWAITING_VERIFICATION);
        HandOff resolved = handOff();
        if (effective) {
            timeline(CaseEventType.FIX_VERIFIED, actor, note, now);
        } else {
            startHandOff(resolved.target(), note, actor, now);
            timeline(CaseEventType.FIX_NOT_EFFECTIVE, actor, describe(resolved.target(), note), now);
        }
        register(() -> new CaseEvents.FixVerified(snapshot(), actor, effective, note, handOff(),
                resolved == null ? null : resolved.resolution()));
    }

    // --- check-ins

    /** The owner asked the colleague how it is going; with a promise, the next reminder moves to {@code remindAt}. */
    void checkIn(String note, String promise, Instant promisedBy, Instant remindAt, String actor, Instant now) {
        claim("check in", HANDED_OFF, QUESTION_FOR_OWNER);
        HandOff open = requireOpenHandOff("check in");
        changeHandOff(open.checkIns(open.checkInsDue(), open.checkInsDone() + 1), CHECK_INS_DONE);
        timeline(CaseEventType.CHECKED_IN, actor,
                promisedBy == null ? note : note + " — promised by " + promisedBy + ": " + promise, now);
        if (remindAt != null) {
            changeHandOff(handOff().rhythm(handOff().checkInAnchor(), remindAt), RHYTHM);
        }
    }

    /** The owner moved the due check-in reminder to {@code until}; it goes out at {@code remindAt}. */
    void snoozeCheckIn(Instant until, Instant remindAt, String reason, String actor, Instant now) {
        claim("snooze the check-in reminder", HANDED_OFF, QUESTION_FOR_OWNER);
        HandOff open = requireOpenHandOff("check in");
        changeHandOff(open.rhythm(open.checkInAnchor(), remindAt), RHYTHM);
        timeline(CaseEventType.CHECK_IN_SNOOZED, actor, "until " + until + ": " + reason, now);
    }

    // --- escalations, the owner, the callback

    void reviewEscalation(EscalationKind kind, String note, String actor, Instant now) {
        claim("review the escalation", CaseStatus.values());
        requireOpen("review the escalation");
        timeline(CaseEventType.ESCALATION_REVIEWED, actor, kind + (note == null ? "" : ": " + note), now);
    }

    /**
     * The owner's callback: its outcome is what the process routes on, and closes on. With {@code nextWindow} (no
     * answer, but the customer said when to call), the retry falls in that window.
     */
    void recordCallback(CallbackReport report, CallbackWindow nextWindow, String actor, Instant now) {
        claim("record a callback", AWAITING_CALLBACK);
        boolean outsideWindow = callbackWindow() != null && !callbackWindow().contains(now);
        recordOutcome(report, callbackAttempts(), false, outsideWindow, actor, now);
        timeline(CaseEventType.CALLBACK_RECORDED, actor, "attempt " + callbackAttempts() + ": " + report.outcome()
                + (report.customerWords() == null ? "" : " — " + report.customerWords())
                + (outsideWindow ? " (outside the customer's window)" : ""), now);
        if (nextWindow != null) {
            setCallbackWindow(nextWindow, null, actor, now);
        }
    }


    void reassignOwner(String newOwner, String reason, String actor, Instant now) {
        claim("reassign", CaseStatus.values());
        requireOpen("reassign");
        if (owner().equals(newOwner)) {
            throw new CaseStateException(number(), "reassign", status(), newOwner + " already owns it");
        }
        String before = owner();
        setOwner(newOwner);
        timeline(CaseEventType.OWNER_REASSIGNED, actor, before + " → " + newOwner + (reason == null ? "" : ": " + reason),
                now);
    }

    /** The customer's time for the callback (and, with {@code zone}, their time zone) changed. */
    void recordCallbackWindow(CallbackWindow window, ZoneId zone, Instant due, String actor, Instant now) {
        claim("record a callback window", CaseStatus.values());
        requireOpen("record a callback window");
        setCallbackWindow(window, zone, actor, now);
        if (status() == AWAITING_CALLBACK) {
            setFollowUpDue(due);
        }
    }

    // ---

    private void endHandOff(HandOff.EndedAs as, String resolution, String actor, Instant now) {
        changeHandOff(requireOpenHandOff("work the hand-off").ended(as, resolution, actor, now), ENDED);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
