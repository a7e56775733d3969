package com.followthrough.notifications;

import com.followthrough.cases.CallbackWindows;
import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.notifications.Facts.HandOffFacts;
import com.followthrough.notifications.Facts.Named;
import com.followthrough.notifications.Facts.Promised;
import com.followthrough.notifications.Facts.Snoozed;
import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.PolicyProperties.Interval;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What was true at a step of a hand-off or a callback, and what the customer is told: the facts the wording of
 * {@link WhoIsTold}'s notifications needs, captured in the step's transaction. Times in them are the application's
 * (engine's) clock. Intervals and ages are worded here, as the policy counts them ("1 business day", "5 working hours",
 * "2 hours" around the clock): an age is the age at the step.
 */
@Component
class StepFacts {

    enum HandOffReason { NEW, PASSED_ON, FIX_NOT_EFFECTIVE }

    private final CaseService cases;
    private final CallbackWindows windows;
    private final CasePolicy policy;
    private final Recipients recipients;
    private final Clock clock;

    StepFacts(CaseService cases, CallbackWindows windows, CasePolicy policy, Recipients recipients, Clock clock) {
        this.cases = cases;
        this.windows = windows;
        this.policy = policy;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** What every notification about the case shows: the case, its customer and owner. */
    Facts of(CaseRecord kase) {
        return Facts.of(kase, recipients.person(kase.owner()).name());
    }

    Facts handOff(CaseRecord kase, String actor, HandOffTarget target, String note, HandOffReason reason,
            String previousResolution) {
        HandOff handOff = lastHandOff(kase.number());
        Instant startedAt = handOff == null ? clock.instant() : handOff.startedAt();
        String team = target.isTeam() ? target.team().strip() : null;
        // Escalated (and due) on the team's own calendar when it has one, as the process counts it.
        return of(kase)
                .at("due", policy.handOffDue(kase.priority(), startedAt, team))
                .put("escalateAfter", policy.describe(kase.priority(), Interval.ESCALATE_AFTER))
                .put("reason", reason)
                .put("from", named(actor))
                .put("note", note == null || note.isBlank() ? null : note)
                .put("team", team)
                .put("previousResolution", previousResolution);
    }

    Facts checkInDue(CaseRecord kase, CaseEvents.CheckInDue event) {
        HandOff handOff = openHandOff(kase.number());
        var promise = event.brokenPromise();
        var snooze = event.snooze();
        // The owner's reminders count on the deployment's calendar, whoever the hand-off went to.
        return of(kase)
                .put("brokenPromise", promise == null ? null : new Promised(promise.promise()))
                .at("promisedBy", promise == null ? null : promise.dueAt())
                .put("snooze", snooze == null ? null : new Snoozed(snooze.reason()))
                .at("snoozedUntil", snooze == null ? null : snooze.until())
                .put("colleague", recipients.describe(handOff.target()))
                .put("reminder", event.reminder())
                .put("reminderOrdinal", Wording.ordinal(event.reminder()))
                .put("handOff", facts(handOff))
                .put("handedOffAgo", policy.describeElapsed(kase.priority(), Interval.CHECK_IN_AFTER,
                        handOff.startedAt(), clock.instant(), null) + " ago")
                .at("handedOffAt", handOff.startedAt())
                .put("checkInEvery", policy.describe(kase.priority(), Interval.CHECK_IN_AFTER));
    }

    /** The colleague sent the case back ({@code question}) or resolved the hand-off ({@code resolution}). */
    Facts fromColleague(CaseRecord kase, String actor, String name, String text) {
        return of(kase).put("from", named(actor)).put(name, text);
    }

    Facts callbackDue(CaseRecord kase, int attempt) {
        // The same instant the process gave the task: the policy's time, moved into the customer's window. The
        // window is worded for the owner (only they get this): the customer's hours and the owner's.
        String window = windows.of(kase.number())
                .map(it -> it.describe(clock.instant(), recipients.user(kase.owner()).zone())).orElse(null);
        return of(kase)
                .put("attempt", attempt)
                .put("attempts", policy.callbackAttempts(kase.priority()))
                .at("due", windows.callbackDue(kase.number()))
                .put("callbackWithin", policy.describe(kase.priority(), Interval.CALLBACK_WITHIN))
                .put("window", window);
    }

    /** A stalled hand-off, or a late callback (for the owner and the supervisors alike). */
    Facts escalated(CaseRecord kase, EscalationKind kind) {
        Facts facts = of(kase).put("kind", kind);
        Instant now = clock.instant();
        if (kind == EscalationKind.HAND_OFF_STALLED) {
            HandOff handOff = openHandOff(kase.number());
            // Counted as the escalation was: on the team's own calendar when it has one.
            String team = handOff.target().isTeam() ? handOff.target().team().strip() : null;
            return facts.put("handOff", facts(handOff))
                    .put("colleague", recipients.describe(handOff.target()))
                    .put("openFor", policy.describeElapsed(kase.priority(), Interval.ESCALATE_AFTER,
                            handOff.startedAt(), now, team))
                    .at("handedOffAt", handOff.startedAt())
                    .put("escalateAfter", policy.describe(kase.priority(), Interval.ESCALATE_AFTER));
        }
        Instant due = windows.callbackDue(kase.number());
        // The policy makes both callback intervals count the same time, so "late" counts it too.
        return facts.at("due", due)
                .put("late", policy.describeElapsed(kase.priority(), Interval.CALLBACK_ESCALATE_AFTER, due, now, null))
                .put("attempt", kase.callbackAttempts());
    }

    /** The cases opened for the customer's further requests, for the thank-you. */
    List<String> linkedCases(String number) {
        return cases.linkedCases(number);
    }

    /** The hand-offs of the case, oldest first. */
    List<HandOff> handOffs(String number) {
        return cases.handOffs(number);
    }

    private HandOff lastHandOff(String number) {
        List<HandOff> handOffs = cases.handOffs(number);
        return handOffs.isEmpty() ? null : handOffs.get(handOffs.size() - 1);
    }

    private HandOff openHandOff(String number) {
        return cases.handOffs(number).stream().filter(HandOff::isOpen).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("Case " + number + " has no open hand-off"));
    }

    private Named named(String userId) {
        return new Named(recipients.person(userId).name());
    }

    static HandOffFacts facts(HandOff handOff) {
        return new HandOffFacts(handOff.note(), handOff.checkInsDone(), handOff.checkInsDue());
    }
}
