package com.followthrough.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What the owner records after calling the customer back.
 *
 * @param customerWords  what the customer said, in their words
 * @param satisfaction   the customer's score from 1 to 5, when they were reached and gave one
 * @param newRequest     for {@link CallbackOutcome#MORE_HELP_NEEDED}: the summary of the linked case to open
 * @param nextWindow     for {@link CallbackOutcome#NO_ANSWER}: when the customer wants to be called instead (said in a
 *                       message, say); the retry falls in it
 * @param consentToShare the customer agreed that their words may be shared inside the company (a story); null or false:
 *                       they did not, and their words never leave the case. Only when they confirmed the resolution
 * @param before         the owner's one line of what the customer could not do before (with {@code after})
 * @param after          ... and what they can do now
 */
public record CallbackReport(
        @NotNull CallbackOutcome outcome,
        @Text(max = 2_000) String customerWords,
        @Min(1) @Max(5) Integer satisfaction,
        @Text(max = 200) String newRequest,
        @Valid CallbackWindowRequest nextWindow,
        Boolean consentToShare,
        @Text(max = 200) String before,
        @Text(max = 200) String after) {

    public CallbackReport(CallbackOutcome outcome, String customerWords, Integer satisfaction, String newRequest,
            CallbackWindowRequest nextWindow) {
        this(outcome, customerWords, satisfaction, newRequest, nextWindow, null, null, null);
    }

    public CallbackReport(CallbackOutcome outcome, String customerWords, Integer satisfaction, String newRequest) {
        this(outcome, customerWords, satisfaction, newRequest, null);
    }

    public static CallbackReport of(CallbackOutcome outcome) {
        return new CallbackReport(outcome, null, null, null);
    }

    /** The same report with the customer's consent to share their words, and the owner's before → after (or nulls). */
    public CallbackReport shared(String before, String after) {
        return new CallbackReport(outcome, customerWords, satisfaction, newRequest, nextWindow, true, before, after);
    }

    /** Whether the customer agreed to their words being shared inside the company: never unless they said so. */
    public boolean consented() {
        return Boolean.TRUE.equals(consentToShare);
    }

    @AssertTrue(message = "can only be given when the customer did not answer (NO_ANSWER)")
    public boolean isNextWindow() {
        return nextWindow == null || outcome == null || outcome == CallbackOutcome.NO_ANSWER;
    }

    @AssertTrue(message = "is required when more help is needed: it becomes the linked case's summary")
    public boolean isNewRequest() {
        return outcome != CallbackOutcome.MORE_HELP_NEEDED || (newRequest != null && !newRequest.isBlank());
    }

    @AssertTrue(message = "can only be given when the customer was reached")
    public boolean isSatisfaction() {
        return satisfaction == null || outcome == null || outcome.customerReached();
    }

    @AssertTrue(message = "can only be given when the customer confirmed it is resolved (CONFIRMED or MORE_HELP_NEEDED)")
    public boolean isConsentToShare() {
        return !consented() || outcome == null || outcome.confirmsResolution();
    }

    @AssertTrue(message = "can only be given when the customer confirmed it is resolved, together with after")
    public boolean isBefore() {
        return blank(before) || (outcome == null || outcome.confirmsResolution()) && !blank(after);
    }

    @AssertTrue(message = "can only be given when the customer confirmed it is resolved, together with before")
    public boolean isAfter() {
        return blank(after) || (outcome == null || outcome.confirmsResolution()) && !blank(before);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
