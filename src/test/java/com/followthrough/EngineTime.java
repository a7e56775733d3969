package com.followthrough;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Moves the engine clock and runs the jobs that fall due, as the job executor would: timers are tested by moving
 * time, never by sleeping. Call {@link #reset()} after each test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineTime {

    /**
     * A Monday in working hours both in Berlin (16:00, the test calendar) and in New York (10:00, accounting's
     * calendar), with no holiday that week: tests that count business days start here, so they pass on any day.
     */
    public static final Instant WORKING_MONDAY = Instant.parse("2026-06-01T14:00:00Z");

    private final ManagementService management;

    EngineTime(ManagementService management) {
        this.management = management;
    }

    /** Freezes the clock at {@code instant}, so timestamps in a test are exact. */
    public void freezeAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves the clock forward and runs every job due by then; returns how many ran. */
    public int advance(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(now().plus(duration)));
        return runDueJobs();
    }

    /** Moves the clock forward to {@code instant} and runs every job due by then; returns how many ran. */
    public int advanceTo(Instant instant) {
        if (instant.isBefore(now())) {
            throw new IllegalArgumentException("Time only moves forward: " + instant + " is before " + now());
        }
        return advance(Duration.between(now(), instant));
    }

    /** Runs due jobs until none is left (a job may create another that is due at once). */
    public int runDueJobs() {
        int ran = 0;
        for (int round = 0; round < 100; round++) {
            var due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                ran++;
            }
        }
        throw new IllegalStateException("Jobs keep falling due: a timer loop?");
    }

    public void reset() {
        ClockUtil.reset();
    }
}
