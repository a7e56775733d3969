package com.followthrough.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The customer's own answer, given by an answer link instead of a call: the same fields a callback records (their
 * words, their satisfaction, and when resolved whether their words may be shared inside the company), and for
 * {@link Outcome#CALL_ME} when to call.
 *
 * @param consentToShare the customer agreed that their words may be shared inside the company (a story, as at a
 *                       callback); null or false: they did not. Only with {@link Outcome#RESOLVED}
 */
public record CustomerAnswer(
        @NotNull Outcome outcome,
        @Text(max = 2_000) String customerWords,
        @Min(1) @Max(5) Integer satisfaction,
        @Valid CallbackWindowRequest window,
        Boolean consentToShare) {

    /** An answer without the consent question (not resolved, or not asked). */
    public CustomerAnswer(Outcome outcome, String customerWords, Integer satisfaction, CallbackWindowRequest window) {
        this(outcome, customerWords, satisfaction, window, null);
    }

    /** What the customer says. */
    public enum Outcome {
        /** It is resolved for them: the case closes as confirmed by the customer. */
        RESOLVED,
        /** It is still a problem: back to the owner. */
        STILL_A_PROBLEM,
        /** Please call me, in this window: the callback falls due then. */
        CALL_ME
    }

    @AssertTrue(message = "can only be given when the customer answers that it is resolved")
    public boolean isConsentToShare() {
        return !Boolean.TRUE.equals(consentToShare) || outcome == null || outcome == Outcome.RESOLVED;
    }

    @AssertTrue(message = "is required to be called back, and only then: the day and hours to call")
    public boolean isWindow() {
        return outcome == null || (outcome == Outcome.CALL_ME) == (window != null);
    }
}
