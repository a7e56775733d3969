package com.followthrough.audit;

import java.time.Instant;

/**
 * A finding as reported: seen first at {@code firstSeenAt}, reported from {@code reportedAt} (the run that saw it a
 * second time), still seen at {@code lastSeenAt}.
 *
 * @param caseNumber null when there is no case row
 */
public record Finding(long id, FindingKind kind, String subject, String caseNumber, String detail, Instant firstSeenAt,
        Instant reportedAt, Instant lastSeenAt) {

    /** The case page, or null when there is no case. */
    public String casePage() {
        return caseNumber == null ? null : "/cases/" + caseNumber;
    }
}
