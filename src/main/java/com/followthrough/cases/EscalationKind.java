package com.followthrough.cases;

/** Why a supervisor was alerted. */
public enum EscalationKind {
    HAND_OFF_STALLED, CALLBACK_LATE,
    /** A case (new or reopened) left with its owner, neither handed off nor resolved. */
    FIRST_ACTION_LATE,
    /** A resolved hand-off the owner has not verified with the colleague. */
    VERIFICATION_LATE
}
