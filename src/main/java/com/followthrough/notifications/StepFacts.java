package com.followthrough.notifications;

import com.followthrough.cases.CallbackWindow;
import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
import com.followthrough.notifications.Facts.HandOffFacts;
import com.followthrough.notifications.Facts.Named;
import com.followthrough.notifications.Facts.Promised;
import com.followthrough.notifications.Facts.Snoozed;
import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.PolicyProperties.Interval;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What was true at a step of a hand-off or a callback, and what the customer is told: the facts the wording of
 * {@link WhoIsTold}'s notifications needs, taken from the step's event (the case as the step left it, the hand-off, the
 * callback's due time) in the step's transaction; nothing reads the case again. Times in them are the application's
 * (engine's) clock. Intervals and ages are kept as amounts that say how they count ({@link PolicySpans}), worded at
 * delivery in the reader's language: an age is the age at the step.
 */
@Component
class StepFacts {

    enum HandOffReason { NEW, PASSED_ON, FIX_NOT_EFFECTIVE }

    private final CasePolicy policy;
    private final PolicySpans spans;
    private final Recipients recipients;
    private final Clock clock;

    StepFacts(CasePolicy policy, PolicySpans spans, Recipients recipients, Clock clock) {
        this.policy = policy;
        this.spans = spans;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** What every notification about the case shows: the case, its customer and owner. */
    Facts of(CaseRecord kase) {
        // An outreach's case may wait for an agent with capacity: no owner yet, so none to name.
        return Facts.of(kase, kase.owner() == null ? null : recipients.person(kase.owner()).name());
    }

    /** A hand-off starts: new, passed on, or back after a fix that did not hold. */
    Facts handOff(CaseRecord kase, String actor, HandOff handOff, HandOffReason reason, String previousResolution) {
        String team = handOff.target().isTeam() ? handOff.target().team().strip() : null;
        String note = handOff.note();
        // Escalated (and due) on the team's own calendar when it has one, as the process counts it.
        return of(kase)
                .at("due", policy.handOffDue(kase.priority(), handOff.startedAt(), team))
                .span("escalateAfter", spans.interval(kase.priority(), Interval.ESCALATE_AFTER))
                .put("reason", reason)
                .put("from", named(actor))
                .put("note", note == null || note.isBlank() ? null : note)
                .put("team", team)
                .put("previousResolution", previousResolution);
    }

    Facts checkInDue(CaseEvents.CheckInDue event) {
        CaseRecord kase = event.kase();
        HandOff handOff = event.handOff();
        var promise = event.brokenPromise();
        var snooze = event.snooze();
        // The owner's reminders count on the deployment's calendar, whoever the hand-off went to.
        return of(kase)
                .put("brokenPromise", promise == null ? null : new Promised(promise.promise()))
                .at("promisedBy", promise == null ? null : promise.dueAt())
                .put("snooze", snooze == null ? null : new Snoozed(snooze.reason()))
                .at("snoozedUntil", snooze == null ? null : snooze.until())
                .put("colleague", recipients.colleague(handOff.target()))
                .put("reminder", event.reminder())
                .put("handOff", facts(handOff))
                .span("handedOff", spans.elapsed(kase.priority(), Interval.CHECK_IN_AFTER,
                        handOff.startedAt(), clock.instant(), null))
                .at("handedOffAt", handOff.startedAt())
                .span("checkInEvery", spans.interval(kase.priority(), Interval.CHECK_IN_AFTER));
    }

    /** The colleague sent the case back ({@code question}) or resolved the hand-off ({@code resolution}). */
    Facts fromColleague(CaseRecord kase, String actor, String name, String text) {
        return of(kase).put("from", named(actor)).put(name, text);
    }

    Facts callbackDue(CaseEvents.CallbackDue event) {
        CaseRecord kase = event.kase();
        // The same instant the process gave the task: the policy's time, moved into the customer's window. The
        // window's next day is kept as instants, worded at delivery for its reader: the customer's hours and theirs.
        Facts.Window window = null;
        if (event.window() != null) {
            CallbackWindow.Occurrence next = event.window().next(clock.instant());
            window = new Facts.Window(next.start().toString(), next.end().toString(), event.window().zone().getId());
        }
        return of(kase)
                .put("attempt", event.attempt())
                .put("attempts", policy.callbackAttempts(kase.priority()))
                .at("due", event.due())
                .span("callbackWithin", spans.interval(kase.priority(), Interval.CALLBACK_WITHIN))
                .put("window", window);
    }

    /** A stalled hand-off, or a late callback (for the owner and the supervisors alike). */
    Facts escalated(CaseEvents.Escalated event) {
        CaseRecord kase = event.kase();
        Facts facts = of(kase).put("kind", event.kind());
        Instant now = clock.instant();
        if (event.kind() == EscalationKind.HAND_OFF_STALLED) {
            HandOff handOff = event.handOff();
            // Counted as the escalation was: on the team's own calendar when it has one.
            String team = handOff.target().isTeam() ? handOff.target().team().strip() : null;
            return facts.put("handOff", facts(handOff))
                    .put("colleague", recipients.colleague(handOff.target()))
                    .span("openFor", spans.elapsed(kase.priority(), Interval.ESCALATE_AFTER,
                            handOff.startedAt(), now, team))
                    .at("handedOffAt", handOff.startedAt())
                    .span("escalateAfter", spans.interval(kase.priority(), Interval.ESCALATE_AFTER));
        }
        Instant due = event.callbackDue();
        // The policy makes both callback intervals count the same time, so "late" counts it too.
        return facts.at("due", due)
                .span("late", spans.elapsed(kase.priority(), Interval.CALLBACK_ESCALATE_AFTER, due, now, null))
                .put("attempt", kase.callbackAttempts());
    }

    private Named named(String userId) {
        return new Named(recipients.person(userId).name());
    }

    static HandOffFacts facts(HandOff handOff) {
        return new HandOffFacts(handOff.note(), handOff.checkInsDone(), handOff.checkInsDue());
    }
}
