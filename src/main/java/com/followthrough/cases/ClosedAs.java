package com.followthrough.cases;

/**
 * How a case ended. Every one of them follows a recorded callback outcome, {@link #requiredOutcome()}: the model's
 * gateways route each outcome to its end event, and the auditor checks the pair on closed cases.
 */
public enum ClosedAs {
    CONFIRMED_ON_FIRST_CONTACT(CallbackOutcome.CONFIRMED),
    CONFIRMED_BY_CALLBACK(CallbackOutcome.CONFIRMED),
    /** Confirmed, and the customer's further request became a linked case. */
    CONFIRMED_WITH_LINKED_CASE(CallbackOutcome.MORE_HELP_NEEDED),
    /** No answer after every attempt; the customer got a written follow-up. */
    UNREACHABLE(CallbackOutcome.NO_ANSWER),
    /** The customer confirmed it themselves, by their answer link ("resolved for me"). */
    CONFIRMED_BY_CUSTOMER(CallbackOutcome.CONFIRMED),
    /** The outreach was withdrawn before anyone contacted this customer; the reason is on the timeline. */
    WITHDRAWN(CallbackOutcome.WITHDRAWN);

    private final CallbackOutcome requiredOutcome;

    ClosedAs(CallbackOutcome requiredOutcome) {
        this.requiredOutcome = requiredOutcome;
    }

    /** The outcome of the last callback a case closing this way has, as the model routes it. */
    public CallbackOutcome requiredOutcome() {
        return requiredOutcome;
    }
}
