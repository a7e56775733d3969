package com.followthrough.notifications;

import com.followthrough.notifications.Facts.Span;
import com.followthrough.policy.BusinessCalendars;
import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.PolicyProperties.Interval;
import com.followthrough.policy.Priority;
import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The policy's spans of time as a step's facts keep them: amounts and how they count, worded at delivery in the
 * reader's language ({@link Words}). An age is counted as its interval counts (business time on the team's calendar
 * when it has one, else around the clock) and as it is at the step.
 */
@Component
class PolicySpans {

    private final CasePolicy policy;
    private final BusinessCalendars calendars;

    PolicySpans(CasePolicy policy, BusinessCalendars calendars) {
        this.policy = policy;
        this.calendars = calendars;
    }

    /** The interval the policy sets for the case's priority: "every 1 business day". */
    Span interval(Priority priority, Interval interval) {
        return Span.interval(policy.intervals(priority).of(interval), policy.timeOf(priority, interval));
    }

    /**
     * The time from {@code from} to {@code to}, counted as {@code interval} counts: on {@code team}'s calendar (the
     * deployment's when null) for business time.
     */
    Span elapsed(Priority priority, Interval interval, Instant from, Instant to, String team) {
        TimeBasis basis = policy.timeOf(priority, interval);
        Duration elapsed = basis == TimeBasis.BUSINESS ? calendars.forTeam(team).businessTimeBetween(from, to)
                : Duration.between(from, to);
        return Span.elapsed(elapsed.isNegative() ? Duration.ZERO : elapsed, basis);
    }
}
