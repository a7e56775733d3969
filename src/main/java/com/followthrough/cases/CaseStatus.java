package com.followthrough.cases;

/** Where a case stands. Kept in step with the process by the process itself, in the same transaction. */
public enum CaseStatus {
    /** An outreach's case waiting for an agent of the outreach's team with capacity (it has no owner yet). */
    AWAITING_AGENT,
    /** An outreach's case: the owner is to contact the customer proactively (the customer has not called). */
    TO_CONTACT,
    /** The owner works the case: first contact, or reopened after a callback. */
    WITH_OWNER,
    /** A colleague or team works a hand-off. */
    HANDED_OFF,
    /** The colleague sent the hand-off back to the owner with a question. */
    QUESTION_FOR_OWNER,
    /** The colleague resolved it; the owner verifies the fix. */
    AWAITING_VERIFICATION,
    /** The owner is to call the customer back. */
    AWAITING_CALLBACK,
    /** The customer did not answer; the next attempt is waiting for the retry interval. */
    CALLBACK_RETRY_PENDING,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
