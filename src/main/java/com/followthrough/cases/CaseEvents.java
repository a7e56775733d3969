package com.followthrough.cases;

/**
 * What happened to a case, published through Spring's {@code ApplicationEventPublisher} by {@link CaseService} and
 * {@link CaseProgress} inside the transaction of the step. Listeners run synchronously in that transaction: what they
 * write commits or rolls back with the step (the mail outbox relies on this). Each record carries the facts of the
 * step; anything else a listener needs it reads through {@link CaseService}.
 */
public final class CaseEvents {

    /** A case was opened (also a linked case opened from an "anything else?" callback). */
    public record Opened(String number, String actor) {
    }

    /** The owner handed the case off to a colleague or team. */
    public record HandedOff(String number, String actor, HandOffTarget target, String note) {
    }

    /** The colleague passed the hand-off on to another colleague or team: a new hand-off. */
    public record PassedOn(String number, String actor, HandOffTarget target, String note) {
    }

    public record HandOffResolved(String number, String actor, String resolution) {
    }

    /** The colleague sent the case back to the owner with a question. */
    public record SentBack(String number, String actor, String question) {
    }

    /** The owner verified the fix; not effective means a new hand-off to the same colleague or team. */
    public record FixVerified(String number, String actor, boolean effective, String note) {
    }

    /**
     * A check-in with the colleague fell due; {@code reminder} counts them for the current hand-off (1, 2, ...).
     *
     * @param brokenPromise the colleague's promise whose time passed with the hand-off still open, if this reminder is
     *                      for one
     * @param snooze        the owner's snooze this reminder was moved to, if it was
     */
    public record CheckInDue(String number, int reminder, Promise brokenPromise, Snooze snooze) {
    }

    /** A case with its owner reached the policy's first-action time without being handed off or resolved. */
    public record FirstActionDue(String number, java.time.Instant since) {
    }

    /** A resolved fix reached the policy's verification time without the owner verifying it. */
    public record VerificationDue(String number, java.time.Instant resolvedAt) {
    }

    /** An escalation is still unreviewed: supervisors are reminded again ({@code reminder} 1, 2, ...). */
    public record EscalationUnreviewed(String number, EscalationKind kind, java.time.Instant escalatedAt,
            int reminder) {
    }

    public record Escalated(String number, EscalationKind kind) {
    }

    /** The callback attempt's due time passed. */
    public record CallbackDue(String number, int attempt) {
    }

    /** The customer could not be reached on any attempt: the written follow-up goes out. */
    public record WrittenFollowUp(String number, int attempts) {
    }

    public record Closed(String number, ClosedAs closedAs) {
    }

    private CaseEvents() {
    }
}
