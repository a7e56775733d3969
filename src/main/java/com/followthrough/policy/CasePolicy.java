package com.followthrough.policy;

import com.followthrough.policy.PolicyProperties.Interval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The policy as the BPMN timer and due-date expressions read it ({@code ${casePolicy.checkInCycle(priority)}}).
 * Read when a timer is created, so a changed setting applies to timers created after a restart.
 *
 * <p>Timer expressions say how they count: calendar time is plain ISO 8601 ({@code PT4H}, {@code R/PT1H}); business
 * time is {@code business:P1D} / {@code R/business:P1D}, which the business calendars registered with the engine
 * (workflow package) resolve on the {@link WorkCalendar}. Task due dates are computed here, on the same calendar.
 */
@Component("casePolicy")
public class CasePolicy implements FollowUpDue {

    private final PolicyProperties properties;
    private final BusinessCalendars calendars;
    private final Clock clock;

    CasePolicy(PolicyProperties properties, BusinessCalendars calendars, Clock clock) {
        this.properties = properties;
        this.calendars = calendars;
        this.clock = clock;
    }

    public PolicyProperties.Intervals intervals(Priority priority) {
        return properties.of(priority);
    }

    @Override
    public Instant handOffDue(Priority priority, Instant startedAt, String team) {
        return due(priority, Interval.ESCALATE_AFTER, startedAt, team);
    }

    @Override
    public Instant callbackDue(Priority priority, Instant startedAt) {
        return due(priority, Interval.CALLBACK_WITHIN, startedAt);
    }

    @Override
    public Instant callbackLate(Priority priority, Instant from) {
        return due(priority, Interval.CALLBACK_ESCALATE_AFTER, from);
    }

    @Override
    public Instant retryDue(Priority priority, Instant at) {
        return due(priority, Interval.RETRY_AFTER, at);
    }

    @Override
    public Instant firstActionDue(Priority priority, Instant since) {
        return due(priority, Interval.FIRST_ACTION_WITHIN, since);
    }

    @Override
    public Instant verificationDue(Priority priority, Instant resolvedAt) {
        return due(priority, Interval.VERIFY_WITHIN, resolvedAt);
    }

    @Override
    public Instant answerDue(Priority priority, Instant askedAt) {
        return due(priority, Interval.ANSWER_WITHIN, askedAt);
    }

    /** n intervals after the anchor in one step (n business days, not n single days added up), as a cycle counts. */
    @Override
    public Instant checkInDue(Priority priority, Instant anchor, int n) {
        return calendars.forTeam(null).plus(anchor, intervals(priority).checkInAfter().multipliedBy(n),
                timeOf(priority, Interval.CHECK_IN_AFTER));
    }

    @Override
    public Instant checkInTime(Priority priority, Instant wanted) {
        return timeOf(priority, Interval.CHECK_IN_AFTER) == TimeBasis.CALENDAR ? wanted
                : calendars.forTeam(null).nextWorkingMoment(wanted);
    }

    @Override
    public Instant latestSnooze(Priority priority, Instant now) {
        return due(priority, Interval.SNOOZE_MAX, now);
    }

    @Override
    public ZoneId calendarZone() {
        return calendars.forTeam(null).zone();
    }

    /** Whether an interval of a priority counts business or calendar time (for "due by" texts and ages). */
    public TimeBasis timeOf(Priority priority, Interval interval) {
        return intervals(priority).timeOf(interval);
    }

    /**
     * The interval as a person reads it, saying how it counts: {@code 1 business day}, {@code 4 working hours},
     * {@code 1 business day and 2 working hours}, or {@code 2 hours} for calendar time (for "due by" texts).
     */
    public String describe(Priority priority, Interval interval) {
        return IntervalWords.describe(intervals(priority).of(interval), timeOf(priority, interval));
    }

    /**
     * How long ago something happened, counted the way {@code interval} counts (for "handed off 2 business days ago",
     * "stalled for 5 working hours", "1 day late"): business time on {@code team}'s calendar (the deployment's when
     * null), or elapsed time. The largest whole unit, rounded down; at least one minute.
     */
    public String describeElapsed(Priority priority, Interval interval, Instant from, Instant to, String team) {
        TimeBasis basis = timeOf(priority, interval);
        Duration elapsed = basis == TimeBasis.BUSINESS ? calendars.forTeam(team).businessTimeBetween(from, to)
                : Duration.between(from, to);
        return IntervalWords.largestUnit(elapsed, basis);
    }

    /** Repeats until the hand-off ends: {@code R/business:P1D} (or {@code R/PT1H} in calendar time). */
    public String checkInCycle(Priority priority) {
        return TimerExpressions.cycle(intervals(priority).checkInAfter(), timeOf(priority, Interval.CHECK_IN_AFTER));
    }

    /** One check-in interval: how often a case waiting for an outreach's shared hand-off checks whether it is done. */
    public String checkInAfter(Priority priority) {
        return timer(priority, Interval.CHECK_IN_AFTER);
    }

    public String escalateAfter(Priority priority) {
        return timer(priority, Interval.ESCALATE_AFTER);
    }

    /**
     * A hand-off's escalation, counted on the team's own calendar when it is handed to a team that has one
     * ({@code followthrough.calendar.teams}): {@code ${casePolicy.escalateHandOffAfter(priority, handOffTeam)}}.
     */
    public String escalateHandOffAfter(Priority priority, String team) {
        return TimerExpressions.duration(intervals(priority).escalateAfter(), timeOf(priority, Interval.ESCALATE_AFTER),
                calendars.hasOwnCalendar(team) ? team : null);
    }

    public String callbackWithin(Priority priority) {
        return timer(priority, Interval.CALLBACK_WITHIN);
    }

    public String callbackEscalateAfter(Priority priority) {
        return timer(priority, Interval.CALLBACK_ESCALATE_AFTER);
    }

    public String retryAfter(Priority priority) {
        return timer(priority, Interval.RETRY_AFTER);
    }

    public int callbackAttempts(Priority priority) {
        return intervals(priority).callbackAttempts();
    }

    /** A case with its owner: the owner is reminded after this ({@code ${casePolicy.firstActionWithin(priority)}}). */
    public String firstActionWithin(Priority priority) {
        return timer(priority, Interval.FIRST_ACTION_WITHIN);
    }

    public String firstActionEscalateAfter(Priority priority) {
        return timer(priority, Interval.FIRST_ACTION_ESCALATE_AFTER);
    }

    public String verifyWithin(Priority priority) {
        return timer(priority, Interval.VERIFY_WITHIN);
    }

    public String verifyEscalateAfter(Priority priority) {
        return timer(priority, Interval.VERIFY_ESCALATE_AFTER);
    }

    /** Supervisors are reminded of an unreviewed escalation every review interval: {@code R/business:PT4H}. */
    public String reviewReminderCycle(Priority priority) {
        return TimerExpressions.cycle(intervals(priority).reviewWithin(), timeOf(priority, Interval.REVIEW_WITHIN));
    }

    /** Due date of the owner's "Work the case" task. */
    public Date firstActionDueDate(Priority priority) {
        return Date.from(firstActionDue(priority, clock.instant()));
    }

    /** Due date of the owner's "Verify the fix" task. */
    public Date verifyDueDate(Priority priority) {
        return Date.from(verificationDue(priority, clock.instant()));
    }

    /** Due date of the owner's "Answer the colleague's question" task. */
    public Date answerDueDate(Priority priority) {
        return Date.from(answerDue(priority, clock.instant()));
    }

    /** Due date of a supervisor's review of an escalation. */
    public Date reviewDueDate(Priority priority) {
        return Date.from(due(priority, Interval.REVIEW_WITHIN, clock.instant()));
    }

    /** Due date of a colleague's hand-off task: when it would be escalated. */
    public Date escalationDueDate(Priority priority) {
        return Date.from(due(priority, Interval.ESCALATE_AFTER, clock.instant()));
    }

    /** Due date of a hand-off task: when it would be escalated, on the team's calendar as for the escalation. */
    public Date handOffDueDate(Priority priority, String team) {
        return Date.from(due(priority, Interval.ESCALATE_AFTER, clock.instant(), team));
    }

    /** Due date of a callback task. */
    public Date callbackDueDate(Priority priority) {
        return Date.from(due(priority, Interval.CALLBACK_WITHIN, clock.instant()));
    }

    /** When {@code interval} of {@code priority}, started at {@code start}, runs out, as the policy counts it. */
    public Instant due(Priority priority, Interval interval, Instant start) {
        return due(priority, interval, start, null);
    }

    /** As {@link #due(Priority, Interval, Instant)}, on {@code team}'s calendar (the deployment's if it has none). */
    public Instant due(Priority priority, Interval interval, Instant start, String team) {
        return calendars.forTeam(team).plus(start, intervals(priority).of(interval), timeOf(priority, interval));
    }

    private String timer(Priority priority, Interval interval) {
        return TimerExpressions.duration(intervals(priority).of(interval), timeOf(priority, interval));
    }
}
