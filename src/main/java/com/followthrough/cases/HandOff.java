package com.followthrough.cases;

import java.time.Instant;

/**
 * One hand-off of a case to a colleague or team; the owner keeps the case.
 *
 * @param checkInAnchor when the owner's check-in rhythm counts from: the start, or the promise or snooze it last moved
 * to                      (null: the start)
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

    // --- the changes a case's transitions make to its hand-off (Case); each returns the changed hand-off

    /** A new hand-off, not yet stored (id 0). */
    static HandOff start(long caseId, HandOffTarget target, String note, String by, Instant at) {
        HandOffTarget stored = new HandOffTarget(strip(target.colleague()), strip(target.team()));
        return new HandOff(0, caseId, stored, note, by, at, null, null, null, null, 0, 0, null, null, null);
    }

    HandOff stored(long newId, long newCaseId) {
        return new HandOff(newId, newCaseId, target, note, handedOffBy, startedAt, endedAt, endedAs, resolution, endedBy,
                checkInsDue, checkInsDone, escalatedAt, checkInAnchor, nextCheckIn);
    }

    HandOff ended(EndedAs as, String how, String by, Instant at) {
        return new HandOff(id, caseId, target, note, handedOffBy, startedAt, at, as, how, by, checkInsDue, checkInsDone,
                escalatedAt, checkInAnchor, nextCheckIn);
    }

    HandOff checkIns(int due, int done) {
        return new HandOff(id, caseId, target, note, handedOffBy, startedAt, endedAt, endedAs, resolution, endedBy, due,
                done, escalatedAt, checkInAnchor, nextCheckIn);
    }

    HandOff escalated(Instant at) {
        return new HandOff(id, caseId, target, note, handedOffBy, startedAt, endedAt, endedAs, resolution, endedBy,
                checkInsDue, checkInsDone, escalatedAt == null ? at : escalatedAt, checkInAnchor, nextCheckIn);
    }

    /** The check-in rhythm now counts from {@code anchor} (null: the start), and the next reminder falls due then. */
    HandOff rhythm(Instant anchor, Instant next) {
        return new HandOff(id, caseId, target, note, handedOffBy, startedAt, endedAt, endedAs, resolution, endedBy,
                checkInsDue, checkInsDone, escalatedAt, anchor, next);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
