package com.followthrough.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to a case: registered by {@link Case}'s transitions and published by {@link CaseRepository#save}
 * through Spring's {@code ApplicationEventPublisher}, inside the transaction of the step, once the step's rows are
 * written. Listeners run synchronously in that transaction: what they write commits or rolls back with the step (the
 * mail outbox relies on this).
 *
 * <p>Each record carries what its listeners need, so none reads the case again: {@code kase} is the case as the
 * transition left it, and the records add the step's own facts (the hand-off it started or works on, the callback's due
 * time and window, the linked case).
 */
public final class CaseEvents {

    /** Every event: the case as the transition left it. */
    public interface OfCase {
        CaseRecord kase();

        default String number() {
            return kase().number();
        }
    }

    /** A hand-off to a colleague or team started: whom it goes to, and the owner's note. */
    public interface ToColleague {
        HandOff handOff();

        default HandOffTarget target() {
            return handOff().target();
        }

        default String note() {
            return handOff().note();
        }
    }

    /** A case was opened (also a linked case opened from an "anything else?" callback). */
    public record Opened(CaseRecord kase, String actor) implements OfCase {
    }

    /** The owner handed the case off to a colleague or team: {@code handOff} is the new hand-off. */
    public record HandedOff(CaseRecord kase, String actor, HandOff handOff) implements OfCase, ToColleague {
    }

    /**
     * The colleague passed the hand-off on to another colleague or team: {@code handOff} is the new hand-off.
     *
     * @param passedOn the hand-off that ended by being passed on, its check-ins counted
     */
    public record PassedOn(CaseRecord kase, String actor, HandOff handOff, HandOff passedOn)
            implements OfCase, ToColleague {
    }

    /** @param handOff the hand-off resolved, as it ended (who resolved it, its check-ins counted) */
    public record HandOffResolved(CaseRecord kase, String actor, String resolution, HandOff handOff)
            implements OfCase {
    }

    /** The colleague sent the case back to the owner with a question. */
    public record SentBack(CaseRecord kase, String actor, String question) implements OfCase {
    }

    /**
     * The owner verified the fix; not effective means a new hand-off to the same colleague or team.
     *
     * @param handOff            the new hand-off when not effective, else the resolved one
     * @param previousResolution what the colleague had resolved it with
     */
    public record FixVerified(CaseRecord kase, String actor, boolean effective, String note, HandOff handOff,
            String previousResolution) implements OfCase {
    }

    /**
     * A check-in with the colleague fell due; {@code reminder} counts them for the current hand-off (1, 2, ...).
     *
     * @param handOff       the open hand-off, its check-ins counted
     * @param brokenPromise the colleague's promise whose time passed with the hand-off still open, if this reminder is
     *                      for one
     * @param snooze        the owner's snooze this reminder was moved to, if it was
     */
    public record CheckInDue(CaseRecord kase, HandOff handOff, int reminder, Promise brokenPromise, Snooze snooze)
            implements OfCase {
    }

    /** A case with its owner reached the policy's first-action time without being handed off or resolved. */
    public record FirstActionDue(CaseRecord kase, Instant since) implements OfCase {
    }

    /**
     * A resolved fix reached the policy's verification time without the owner verifying it.
     *
     * @param resolved the hand-off whose fix waits (null if the case has none)
     */
    public record VerificationDue(CaseRecord kase, Instant resolvedAt, HandOff resolved) implements OfCase {
    }

    /** An escalation is still unreviewed: supervisors are reminded again ({@code reminder} 1, 2, ...). */
    public record EscalationUnreviewed(CaseRecord kase, EscalationKind kind, Instant escalatedAt, int reminder)
            implements OfCase {
    }

    /**
     * A step is late beyond policy and goes to supervisors.
     *
     * @param handOff     the case's latest hand-off: the stalled one, or the one whose fix waits for verification (null
     *                    before the first)
     * @param callbackDue when the late callback was due, for {@link EscalationKind#CALLBACK_LATE} (null otherwise)
     */
    public record Escalated(CaseRecord kase, EscalationKind kind, HandOff handOff, Instant callbackDue)
            implements OfCase {
    }

    /**
     * The callback attempt's due time passed.
     *
     * @param due    when it was due: the policy's time, moved into the customer's window
     * @param window the customer's callback window, if they named one
     */
    public record CallbackDue(CaseRecord kase, int attempt, Instant due, CallbackWindow window)
            implements OfCase {
    }

    /** The customer could not be reached on any attempt: the written follow-up goes out. */
    public record WrittenFollowUp(CaseRecord kase, int attempts) implements OfCase {
    }

    /**
     * @param linkedCases the case opened for the customer's further request, when closed with one
     * @param callback    the callback outcome the case closed on, as the owner recorded it (the confirmation on first
     *                    contact, the last unanswered attempt): the customer's words, satisfaction, whether they agreed
     *                    to share their words, the owner's before → after
     */
    public record Closed(CaseRecord kase, ClosedAs closedAs, List<String> linkedCases, CallbackReport callback)
            implements OfCase {
    }

    /** An outreach opened the case proactively (nobody called); {@code outreach} is its key. */
    public record OpenedForOutreach(CaseRecord kase, String actor, String outreach) implements OfCase {
    }

    /** The owner contacted an outreach's customer proactively, reached or not; {@code next}: what comes next. */
    public record Contacted(CaseRecord kase, String actor, boolean reached, ContactReport.Next next, Instant at)
            implements OfCase {
    }

    /** The outreach's shared hand-off this case waited on was resolved, by {@code resolvedBy}. */
    public record SharedHandOffResolved(CaseRecord kase, String resolvedBy, String resolution) implements OfCase {
    }

    /**
     * The customer answered by their answer link.
     *
     * @param noted the answer did not move the case (still a problem while it is being worked): the owner should know
     */
    public record CustomerAnswered(CaseRecord kase, CustomerAnswer answer, boolean noted, Instant at)
            implements OfCase {
    }

    /**
     * What one save appended to the case's history that is counted per day: the hand-offs it ended (as written, their
     * check-ins counted) and the callback it recorded. Published by {@link CaseRepository} with every save that did
     * either, whichever step it was (a resolution, a pass-on, the customer's answer by link, a callback attempt), so a
     * read model that counts these rows (the dashboard's roll-ups) need not follow each step's own event.
     *
     * @param calledAt     when the recorded callback was made; null if the save recorded none
     * @param satisfaction the customer's score given on it; null if none
     */
    public record HistoryAppended(long caseId, List<HandOff> endedHandOffs, Instant calledAt, Integer satisfaction) {

        /** What {@code changes} are about to write, or null if none of it is counted; read before they are cleared. */
        static HistoryAppended of(long caseId, CaseChanges changes, HandOff current) {
            List<HandOff> ended = new ArrayList<>();
            if (changes.passedOn() != null) {
                ended.add(changes.passedOn());
            }
            if (changes.handOff().contains(CaseChanges.OfHandOff.ENDED)
                    && !changes.handOff().contains(CaseChanges.OfHandOff.STARTED)) {
                ended.add(current);
            }
            var callback = changes.callback();
            return ended.isEmpty() && callback == null ? null : new HistoryAppended(caseId, List.copyOf(ended),
                    callback == null ? null : callback.at(), callback == null ? null : callback.report().satisfaction());
        }
    }

    private CaseEvents() {
    }
}
