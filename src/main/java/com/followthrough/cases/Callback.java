package com.followthrough.cases;

import java.time.Instant;

/** One recorded contact with the customer about the outcome: a callback attempt, or the confirmation on first contact. */
public record Callback(
        long id,
        long caseId,
        int attempt,
        CallbackOutcome outcome,
        String customerWords,
        Integer satisfaction,
        String newRequest,
        boolean onFirstContact,
        String calledBy,
        Instant calledAt) {
}
