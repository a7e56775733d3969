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
}
