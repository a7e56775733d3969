package com.followthrough.cases;

/** Why a supervisor was alerted. */
public enum EscalationKind {
    HAND_OFF_STALLED, CALLBACK_LATE
}
