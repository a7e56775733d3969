package com.followthrough.cases;

import java.time.Instant;

/**
 * What the colleague promised at a check-in, and by when ("refund goes out Thursday"). The next check-in reminder
 * falls due at {@code dueAt}; if the hand-off is still open then, the promise is broken.
 *
 * @param supersededAt a later promise replaced this one before it fell due
 * @param brokenAt     the promised time, once it passed with the hand-off still open
 */
public record Promise(long id, long handOffId, String promise, Instant dueAt, String recordedBy, Instant recordedAt,
        Instant supersededAt, Instant brokenAt) {

    public boolean isBroken() {
        return brokenAt != null;
    }
}
