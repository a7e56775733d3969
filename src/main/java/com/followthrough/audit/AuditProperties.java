package com.followthrough.audit;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The follow-through auditor's settings ({@code followthrough.audit.*}).
 *
 * @param enabled       false: no run on a schedule (tests call {@link FollowThroughAuditor#run()} themselves)
 * @param interval      how often the cluster runs the auditor: every node tries each interval, the one that takes the
 *                      database lock runs it and holds the lock for most of the interval, so the others skip
 * @param lockAtMostFor a node that dies during a run leaves the lock to expire after this
 * @param fullCheckEvery how often a run checks every closed case; the runs in between check the cases closed since
 *                       shortly before the previous run, and those already found
 * @param mailTo        the groups whose members get one mail per new finding (administrators)
 */
@Validated
@ConfigurationProperties("followthrough.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT5M") @NotNull Duration interval,
        @DefaultValue("PT15M") @NotNull Duration lockAtMostFor,
        @DefaultValue("PT1H") @NotNull Duration fullCheckEvery,
        @DefaultValue({"admins", "camunda-admin"}) @NotEmpty List<String> mailTo) {

    public AuditProperties {
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("followthrough.audit.interval must be positive, not " + interval);
        }
    }

    /**
     * How long a run keeps the lock even when it finishes at once: most of the interval, so the other nodes' ticks in
     * the same interval find it taken (ShedLock guarantees one run at a time, not one per interval); less than the
     * whole, so the next tick of the node that ran is not skipped for a clock a little ahead.
     */
    Duration lockAtLeastFor() {
        return interval.multipliedBy(4).dividedBy(5);
    }
}
