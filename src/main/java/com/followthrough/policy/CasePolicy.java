package com.followthrough.policy;

import com.followthrough.cases.FollowUpIntervals;
import com.followthrough.cases.Priority;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The policy as the BPMN timer and due-date expressions read it ({@code ${casePolicy.checkInCycle(priority)}}).
 * Read when a timer is created, so a changed setting applies to timers created after a restart.
 */
@Component("casePolicy")
public class CasePolicy implements FollowUpIntervals {

    private final PolicyProperties properties;
    private final Clock clock;

    CasePolicy(PolicyProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public PolicyProperties.Intervals intervals(Priority priority) {
        return properties.of(priority);
    }

    @Override
    public Duration handOffDueAfter(Priority priority) {
        return intervals(priority).escalateAfter();
    }

    @Override
    public Duration callbackDueAfter(Priority priority) {
        return intervals(priority).callbackWithin();
    }

    /** Repeats until the hand-off ends: {@code R/P1D}. */
    public String checkInCycle(Priority priority) {
        return "R/" + intervals(priority).checkInAfter();
    }

    public String escalateAfter(Priority priority) {
        return intervals(priority).escalateAfter().toString();
    }

    public String callbackWithin(Priority priority) {
        return intervals(priority).callbackWithin().toString();
    }

    public String callbackEscalateAfter(Priority priority) {
        return intervals(priority).callbackEscalateAfter().toString();
    }

    public String retryAfter(Priority priority) {
        return intervals(priority).retryAfter().toString();
    }

    public int callbackAttempts(Priority priority) {
        return intervals(priority).callbackAttempts();
    }

    /** Due date of a colleague's hand-off task: when it would be escalated. */
    public Date escalationDueDate(Priority priority) {
        return inFuture(intervals(priority).escalateAfter());
    }

    /** Due date of a callback task. */
    public Date callbackDueDate(Priority priority) {
        return inFuture(intervals(priority).callbackWithin());
    }

    private Date inFuture(Duration duration) {
        return Date.from(clock.instant().plus(duration));
    }
}
