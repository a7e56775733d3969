package com.followthrough.cases;

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
        String handedOffTo,
        boolean overdue) {
}
