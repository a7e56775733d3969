package com.followthrough.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * What the owner records after contacting an outreach's customer proactively (the customer has not called): whether
 * they were reached, what they said, and what happens next.
 *
 * @param reached       the owner spoke with the customer (false: tried, left a message)
 * @param customerWords what the customer said, in their words
 * @param next          what happens next: the customer confirmed nothing more is needed, a hand-off, or the outreach's
 *                      shared hand-off
 * @param resolution    for {@link Next#RESOLVED}: what settled it
 * @param handOff       for {@link Next#HAND_OFF}: the colleague or team
 * @param note          for a hand-off: what the owner asks
 */
public record ContactReport(
        boolean reached,
        @Text(max = 2_000) String customerWords,
        @NotNull Next next,
        @Text(max = 10_000) String resolution,
        @Valid HandOffTarget handOff,
        @Text(max = 10_000) String note) {

    public enum Next {
        /** The customer confirmed on the spot that nothing more is needed: the case closes. */
        RESOLVED,
        /** A colleague or team fixes it, as for any case. */
        HAND_OFF,
        /** The outreach's one fix for everyone: this case waits for it. */
        SHARED_HAND_OFF
    }

    @AssertTrue(message = "can only be RESOLVED when the customer was reached (and confirmed it)")
    public boolean isNext() {
        return next != Next.RESOLVED || reached;
    }

    @AssertTrue(message = "is required when the customer confirmed it: what settled it")
    public boolean isResolution() {
        return next != Next.RESOLVED || (resolution != null && !resolution.isBlank());
    }

    @AssertTrue(message = "is required for a hand-off (and only then): a colleague or a team")
    public boolean isHandOff() {
        return (next == Next.HAND_OFF) == (handOff != null);
    }
}
