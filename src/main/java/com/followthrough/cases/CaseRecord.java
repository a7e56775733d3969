package com.followthrough.cases;

import com.followthrough.policy.Priority;
import java.time.Instant;

/**
 * A case as it stood at one moment: what readers (the API, the pages, the flow) and the events get. Its changes are
 * the {@link Case} aggregate's.
 *
 * @param linkedFrom the number of the case whose callback led to this one, if any
 * @param version    bumped by every change; an action that finds it changed under it is refused
 */
public record CaseRecord(
        long id,
        String number,
        Customer customer,
        Priority priority,
        String summary,
        String details,
        String owner,
        CaseStatus status,
        ClosedAs closedAs,
        String openedBy,
        Instant openedAt,
        Instant statusSince,
        Instant updatedAt,
        Instant closedAt,
        int reopenCount,
        int callbackAttempts,
        String linkedFrom,
        long version) {

    /** Null owner: an outreach's case still waiting for an agent ({@link CaseStatus#AWAITING_AGENT}). */
    public boolean isOwnedBy(String userId) {
        return owner != null && owner.equals(userId);
    }
}
