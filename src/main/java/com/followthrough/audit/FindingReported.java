package com.followthrough.audit;

import java.time.Instant;

/**
 * A finding seen by two runs in a row is reported: published once, in the transaction that records it, so a listener's
 * outbox mail commits with it (and not again on later runs).
 *
 * @param caseNumber null when the finding has no case row
 */
public record FindingReported(long id, FindingKind kind, String subject, String caseNumber, String detail,
        Instant firstSeenAt) {
}
