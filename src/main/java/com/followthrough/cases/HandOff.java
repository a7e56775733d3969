package com.followthrough.cases;

import java.time.Instant;

/** One hand-off of a case to a colleague or team; the owner keeps the case. */
public record HandOff(
        long id,
        long caseId,
        HandOffTarget target,
        String note,
        String handedOffBy,
        Instant startedAt,
        Instant endedAt,
        EndedAs endedAs,
        String resolution,
        String endedBy,
        int checkInsDue,
        int checkInsDone,
        Instant escalatedAt) {

    public enum EndedAs { RESOLVED, PASSED_ON }

    public boolean isOpen() {
        return endedAt == null;
    }
}
