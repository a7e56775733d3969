package com.followthrough.cases;

/** The steps of a case's timeline. */
public enum CaseEventType {
    OPENED,
    RESOLVED_ON_FIRST_CONTACT,
    HANDED_OFF,
    SENT_BACK,
    QUESTION_ANSWERED,
    PASSED_ON,
    HAND_OFF_RESOLVED,
    CHECK_IN_DUE,
    CHECKED_IN,
    ESCALATED,
    ESCALATION_REVIEWED,
    FIX_VERIFIED,
    FIX_NOT_EFFECTIVE,
    CALLBACK_DUE,
    CALLBACK_ATTEMPT_STARTED,
    CALLBACK_RECORDED,
    REOPENED,
    LINKED_CASE_OPENED,
    WRITTEN_FOLLOW_UP,
    OWNER_REASSIGNED,
    NOTE_ADDED,
    CLOSED,
    /** The owner has not handed the case off or resolved it within the policy's first-action time. */
    FIRST_ACTION_DUE,
    /** The owner has not verified a resolved fix within the policy's verification time. */
    VERIFICATION_DUE,
    /** An escalation is still unreviewed after the policy's review time (supervisors reminded again). */
    ESCALATION_UNREVIEWED,
    /** The time a colleague promised at a check-in passed with the hand-off still open. */
    PROMISE_BROKEN,
    /** The owner moved a due check-in reminder to a later time. */
    CHECK_IN_SNOOZED,
    /** When the customer wants to be called back. */
    CALLBACK_WINDOW_SET,
    /** An outreach's case got its owner: an agent of the outreach's team with capacity. */
    OWNER_ASSIGNED,
    /** The owner contacted the customer proactively (an outreach's first step), reached or not. */
    CONTACTED,
    /** The customer answered by their answer link: resolved, still a problem, or call me. */
    CUSTOMER_ANSWERED,
    /** The outreach was withdrawn before anyone contacted the customer. */
    WITHDRAWN
}
