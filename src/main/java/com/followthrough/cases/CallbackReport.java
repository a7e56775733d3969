package com.followthrough.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What the owner records after calling the customer back.
 *
 * @param customerWords what the customer said, in their words
 * @param satisfaction  the customer's score from 1 to 5, when they were reached and gave one
 * @param newRequest    for {@link CallbackOutcome#MORE_HELP_NEEDED}: the summary of the linked case to open
 * @param nextWindow    for {@link CallbackOutcome#NO_ANSWER}: when the customer wants to be called instead (said in a
 *                      message, say); the retry falls in it
 */
public record CallbackReport(
        @NotNull(message = "choose what the callback found") CallbackOutcome outcome,
        @Text(max = 2_000) String customerWords,
        @Min(1) @Max(5) Integer satisfaction,
        @Text(max = 200) String newRequest,
        @Valid CallbackWindowRequest nextWindow) {

    public CallbackReport(CallbackOutcome outcome, String customerWords, Integer satisfaction, String newRequest) {
        this(outcome, customerWords, satisfaction, newRequest, null);
    }

    public static CallbackReport of(CallbackOutcome outcome) {
        return new CallbackReport(outcome, null, null, null);
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
}
