package com.followthrough.cases;

/** What a callback found. */
public enum CallbackOutcome {
    CONFIRMED,
    NOT_RESOLVED,
    NO_ANSWER,
    /** Resolved, and the customer needs something else: a new case linked to this one. */
    MORE_HELP_NEEDED;

    public boolean customerReached() {
        return this != NO_ANSWER;
    }

    /** The customer said it is resolved (also when they need something else): a story can come of it. */
    public boolean confirmsResolution() {
        return this == CONFIRMED || this == MORE_HELP_NEEDED;
    }
}
