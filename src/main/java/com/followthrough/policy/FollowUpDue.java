package com.followthrough.policy;

import java.time.Instant;
import java.time.ZoneId;

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

    /** A callback not made by this instant, counted from {@code from}, is escalated to supervisors. */
    Instant callbackLate(Priority priority, Instant from);

    /** After an unanswered callback at {@code at}, the next attempt falls due at this instant. */
    Instant retryDue(Priority priority, Instant at);

    /** A case that came to its owner at {@code since} (opened or reopened) is due for a first action then. */
    Instant firstActionDue(Priority priority, Instant since);

    /** A fix resolved at {@code resolvedAt} is due for the owner's verification then. */
    Instant verificationDue(Priority priority, Instant resolvedAt);

    /** A colleague's question sent back at {@code askedAt} is due for the owner's answer then. */
    Instant answerDue(Priority priority, Instant askedAt);

    /**
     * The {@code n}-th check-in reminder (1, 2, ...) of a rhythm that started at {@code anchor} (the hand-off's start,
     * or the promise or snooze the reminders were last moved to).
     */
    Instant checkInDue(Priority priority, Instant anchor, int n);

    /**
     * When a check-in reminder moved to {@code wanted} (a promise, a snooze) goes out: then, or, where check-ins count
     * business time, at the next working moment (nobody is reminded on a Sunday for a promise made for one).
     */
    Instant checkInTime(Priority priority, Instant wanted);

    /** The latest time a due check-in reminder may be snoozed to, snoozed at {@code now}. */
    Instant latestSnooze(Priority priority, Instant now);

    /** The business calendar's zone: a customer's clock unless they have their own time zone. */
    ZoneId calendarZone();
}
