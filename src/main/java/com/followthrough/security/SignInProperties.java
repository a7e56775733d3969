package com.followthrough.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in settings ({@code followthrough.security.*}); README "Security" says why each default is what it is.
 *
 * @param session  how long a page sign-in lasts and how soon it notices a change to the person
 * @param throttle the expiring delays after failed sign-ins (Camunda's own lock-out is switched off)
 */
@Validated
@ConfigurationProperties("followthrough.security")
public record SignInProperties(@DefaultValue @Valid Session session, @DefaultValue @Valid Throttle throttle) {

    /**
     * The idle timeout is Spring Session's own ({@code spring.session.timeout}).
     *
     * @param recheckEvery     a signed-in page session re-reads the person (exists? password unchanged? groups?) at
     *                         most this long after the last reading: the longest a deleted user or a removed role
     *                         still works in a page session
     * @param absoluteLifetime a page session ends this long after its sign-in, however active
     */
    public record Session(
            @DefaultValue("PT30S") @NotNull Duration recheckEvery,
            @DefaultValue("PT12H") @NotNull Duration absoluteLifetime) {
    }

    /**
     * Failed sign-ins per user and per client address. Beyond the free failures each further failure delays the next
     * attempt for that user (or from that address) by {@code firstDelay} × 2^(n−1), at most the key's maximum; during a
     * delay no password is checked (the right one neither). A key's failures are forgotten after {@code forgetAfter}
     * without a failure, a user's also by a successful sign-in.
     */
    public record Throttle(
            @DefaultValue("5") @Min(0) int freeFailuresPerUser,
            @DefaultValue("PT1M") @NotNull Duration maxDelayPerUser,
            @DefaultValue("20") @Min(0) int freeFailuresPerAddress,
            @DefaultValue("PT15M") @NotNull Duration maxDelayPerAddress,
            @DefaultValue("PT2S") @NotNull Duration firstDelay,
            @DefaultValue("PT15M") @NotNull Duration forgetAfter) {

        @AssertTrue(message = "first-delay must be positive and at most each max-delay")
        boolean isFirstDelayWithinTheMaxima() {
            return firstDelay != null && maxDelayPerUser != null && maxDelayPerAddress != null
                    && firstDelay.compareTo(Duration.ZERO) > 0 && firstDelay.compareTo(maxDelayPerUser) <= 0
                    && firstDelay.compareTo(maxDelayPerAddress) <= 0;
        }

        /** The delay after the {@code failures}-th failure in a row, given the free ones and the key's maximum. */
        Duration delayAfter(int failures, int free, Duration max) {
            int beyond = failures - free;
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            Duration delay = firstDelay;
            for (int i = 1; i < beyond && delay.compareTo(max) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(max) > 0 ? max : delay;
        }
    }
}
