package com.followthrough.cases;

import com.followthrough.policy.Priority;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * A case as stored, read at one moment. The checks here refuse moves the case's state does not allow.
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

    /** Refuses {@code action} unless the case is in one of {@code allowed}. */
    public void require(String action, CaseStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new CaseStateException(number, action, status,
                    "allowed only while the case is " + Arrays.toString(allowed));
        }
    }

    public void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new CaseStateException(number, action, status, "the case is closed");
        }
    }

    public boolean isOwnedBy(String userId) {
        return owner.equals(userId);
    }
}
