package com.followthrough.stories;

import com.followthrough.policy.TimeBasis;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of stories and the weekly digest ({@code followthrough.stories.*}).
 *
 * @param timeBasis how a story's "call to confirmed" and the digest's median count: {@code business} (working time on
 *                  the business calendar) or {@code calendar} (elapsed time; the demo's minute-long cases)
 * @param digest    the weekly digest
 */
@Validated
@ConfigurationProperties("followthrough.stories")
public record StoriesProperties(
        @DefaultValue("business") @NotNull TimeBasis timeBasis,
        @DefaultValue @Valid Digest digest) {

    /**
     * @param enabled       false: no digest is written on a schedule (tests write them by hand)
     * @param checkEvery    how often one node of the cluster looks for digests that fell due (each person's goes out at
     *                      the week's first opening on the business calendar, on their own clock)
     * @param lockAtMostFor a node that dies while writing digests leaves the lock to expire after this
     * @param stories       at most this many featured stories in a digest
     * @param thanks        at most this many thanks listed in a digest
     */
    public record Digest(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT5M") @NotNull Duration checkEvery,
            @DefaultValue("PT15M") @NotNull Duration lockAtMostFor,
            @DefaultValue("5") @Min(0) @Max(50) int stories,
            @DefaultValue("10") @Min(0) @Max(100) int thanks) {

        public Digest {
            if (checkEvery != null && (checkEvery.isNegative() || checkEvery.isZero())) {
                throw new IllegalArgumentException(
                        "followthrough.stories.digest.check-every must be positive, not " + checkEvery);
            }
        }
    }
}
