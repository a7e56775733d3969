package com.followthrough.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password, because too many failed sign-ins for this user name or from
 * this address came just before ({@link SignInThrottle}). It expires: the same attempt after {@link #retryAfter()}
 * is checked as usual.
 */
public class SignInDelayedException extends AuthenticationException {

    private final Duration retryAfter;

    SignInDelayedException(Duration retryAfter) {
        super("Too many failed sign-ins; try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up: a client that waits this long is not refused again for the same delay. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        long seconds = duration.toSeconds();
        return duration.minusSeconds(seconds).isZero() ? Math.max(seconds, 1) : seconds + 1;
    }
}
