package com.followthrough.cases;

import java.time.Instant;

/**
 * One recorded contact with the customer about the outcome: a callback attempt, or the confirmation on first contact.
 *
 * @param outsideWindow  the customer had named a callback window and this call was made outside it (allowed, marked)
 * @param consentToShare the customer agreed that their words may be shared inside the company
 * @param before         the owner's line of what the customer could not do before, with {@code after} (or both null)
 */
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
        Instant calledAt,
        boolean outsideWindow,
        boolean consentToShare,
        String before,
        String after) {
}
