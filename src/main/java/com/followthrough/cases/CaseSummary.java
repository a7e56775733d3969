package com.followthrough.cases;

import com.followthrough.policy.Priority;
import java.time.Instant;

/** One line of a case list: enough to show it without a second call. */
public record CaseSummary(
        String number,
        String customerName,
        Priority priority,
        String summary,
        String owner,
        CaseStatus status,
        ClosedAs closedAs,
        Instant openedAt,
        Instant statusSince,
        Instant updatedAt,
        /** When the hand-off is escalated or the callback is due; null when nothing is due from the owner's side. */
        Instant followUpDue,
        String handedOffTo,
        boolean overdue,
        /** When the customer wants to be called, if they said; null otherwise. */
        CallbackWindow callbackWindow) {
}
