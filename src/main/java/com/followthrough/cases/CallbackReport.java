package com.followthrough.cases;

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
 */
public record CallbackReport(
        @NotNull CallbackOutcome outcome,
        @Text(max = 2_000) String customerWords,
        @Min(1) @Max(5) Integer satisfaction,
        @Text(max = 200) String newRequest) {

    public static CallbackReport of(CallbackOutcome outcome) {
        return new CallbackReport(outcome, null, null, null);
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
