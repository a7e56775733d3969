package com.followthrough.cases;

import java.time.Instant;

/**
 * One hand-off of a case to a colleague or team; the owner keeps the case.
 *
 * @param checkInAnchor when the owner's check-in rhythm counts from: the start, or the promise or snooze it last moved to
 *                      (null: the start)
 * @param nextCheckIn   when the owner's next check-in reminder falls due (null until the process first asked)
 */
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
        Instant escalatedAt,
        Instant checkInAnchor,
        Instant nextCheckIn) {

    public enum EndedAs { RESOLVED, PASSED_ON }

    public boolean isOpen() {
        return endedAt == null;
    }

    /** When the check-in rhythm counts from. */
    public Instant checkInRhythmStart() {
        return checkInAnchor == null ? startedAt : checkInAnchor;
    }
}
