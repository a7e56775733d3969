package com.followthrough.cases;

/**
 * The lifecycle's steps as the process engine carries them out. Implemented in {@code workflow}, the only package
 * that talks to the engine. Every method runs in the caller's transaction and throws {@link CaseStateException}
 * when the process is not waiting for that step, so a mismatch never half-writes a case.
 */
public interface CaseFlow {

    void start(CaseRecord openedCase);

    void resolveOnFirstContact(CaseRecord record);

    void handOff(CaseRecord record, HandOffTarget target);

    void resolveHandOff(CaseRecord record);

    void sendBack(CaseRecord record);

    void answerQuestion(CaseRecord record);

    void passOn(CaseRecord record, HandOffTarget target);

    void verify(CaseRecord record, boolean effective);

    /** Completes the open check-in task; false when none is open (an unprompted check-in). */
    boolean checkIn(CaseRecord record);

    void recordCallback(CaseRecord record, CallbackOutcome outcome);

    void reviewEscalation(CaseRecord record, EscalationKind kind);

    /** Moves the owner's open tasks, and those the process will create, to the new owner. */
    void reassignOwner(CaseRecord record, String newOwner);

    /** The hand-off's next check-in time changed (a promise): the process's check-in timer follows it. */
    void checkInRescheduled(CaseRecord record);

    /**
     * The owner snoozed the due check-in reminder: the open check-in task falls due at {@code until}, and the check-in
     * timer follows. Refused when no check-in reminder is due (no check-in task is open).
     */
    void snoozeCheckIn(CaseRecord record, java.time.Instant until);

    /** The customer's callback window changed: a running attempt's due time and timers, or the retry, follow it. */
    void callbackWindowChanged(CaseRecord record);

    // --- an outreach's cases and the customer's own answers

    /** Starts the process of a case an outreach opened, at its proactive first step; it belongs to {@code outreach}. */
    void startForOutreach(CaseRecord openedCase, String outreach);

    /** The owner contacted the customer: the proactive first step ends with what happens next. */
    void contact(CaseRecord record, ContactReport.Next next, HandOffTarget handOff);

    /** The customer confirmed it resolved by their answer: the case closes as such, wherever it stood. */
    void customerConfirmed(CaseRecord record);

    /**
     * The customer said it is still a problem while the callback was due or a retry waited: the same path as a call's
     * NOT_RESOLVED (back to the owner).
     */
    void customerNotResolved(CaseRecord record);

    /** The outreach's shared hand-off the case waits on was resolved: the case goes on to verification. */
    void sharedHandOffResolved(CaseRecord record);

    /** The outreach was withdrawn before anyone contacted the customer: the case closes as withdrawn. */
    void withdrawn(CaseRecord record);
}
