package com.followthrough.cases;

import java.time.Instant;

/** One step of a case's timeline: what happened, who did it (or {@value #SYSTEM}), and when. */
public record CaseEvent(long id, CaseEventType type, String actor, String detail, Instant occurredAt) {

    /** The actor of steps taken by the process itself (timers, reminders). */
    public static final String SYSTEM = "system";

    /** The actor of the customer's own answers (by an answer link). */
    public static final String CUSTOMER = "customer";
}
