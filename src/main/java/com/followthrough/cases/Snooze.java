package com.followthrough.cases;

import java.time.Instant;

/** A due check-in reminder the owner moved to {@code until}, and why. */
public record Snooze(long id, long handOffId, Instant until, String reason, String snoozedBy, Instant snoozedAt) {
}
