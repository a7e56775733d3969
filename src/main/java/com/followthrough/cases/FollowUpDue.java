package com.followthrough.cases;

import java.time.Instant;

/**
 * When a case's next follow-up falls due, as the policy counts it (business or calendar time, the team's calendar):
 * the same instants the process gives the hand-off and callback tasks. Stored on the case so lists and the
 * dashboard find what is overdue with an index, not by recomputing the calendar in SQL.
 */
public interface FollowUpDue {

    /** A hand-off started at {@code startedAt}, to {@code team} (null for a person), is escalated at this instant. */
    Instant handOffDue(Priority priority, Instant startedAt, String team);

    /** A callback attempt started at {@code startedAt} is due at this instant. */
    Instant callbackDue(Priority priority, Instant startedAt);
}
