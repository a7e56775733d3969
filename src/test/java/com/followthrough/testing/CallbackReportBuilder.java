package com.followthrough.testing;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CallbackWindowRequest;

/** What the owner records after calling back ({@link CallbackReport}); start with {@link Cases#aCallback}. */
public final class CallbackReportBuilder {

    private final CallbackOutcome outcome;
    private String customerWords;
    private Integer satisfaction;
    private String newRequest;
    private CallbackWindowRequest nextWindow;

    CallbackReportBuilder(CallbackOutcome outcome) {
        this.outcome = outcome;
    }

    /** What the customer said, in their words. */
    public CallbackReportBuilder saying(String customerWords) {
        this.customerWords = customerWords;
        return this;
    }

    /** The customer's score, 1 to 5 (anything else to test the refusal). */
    public CallbackReportBuilder rated(Integer satisfaction) {
        this.satisfaction = satisfaction;
        return this;
    }

    /** For MORE_HELP_NEEDED: the summary of the linked case to open. */
    public CallbackReportBuilder askingFor(String newRequest) {
        this.newRequest = newRequest;
        return this;
    }

    /** For NO_ANSWER: when the customer wants to be called instead. */
    public CallbackReportBuilder callAgainIn(CallbackWindowRequest nextWindow) {
        this.nextWindow = nextWindow;
        return this;
    }

    public CallbackReport build() {
        return new CallbackReport(outcome, customerWords, satisfaction, newRequest, nextWindow);
    }
}
