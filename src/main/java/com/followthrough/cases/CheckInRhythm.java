package com.followthrough.cases;

import com.followthrough.policy.FollowUpDue;
import com.followthrough.policy.Priority;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * When a hand-off's check-in reminders fall due ({@link CheckIns} explains the rules): the time the process's check-in
 * timer is set to, and what fell due when it fires. A plain bean, neither validated nor transactional: it is called
 * only by {@link CaseProgress}, inside the timer job's transaction, where the proxies of {@link CheckIns} cost a
 * check-in reminder its method validation for nothing (BENCHMARKS.md, "The storm against a bare engine's": 6.8 %
 * inclusive).
 */
@Component
class CheckInRhythm {

    /** A rhythm repeating more often than this is not a reminder any more (as the engine's cycles are bounded). */
    private static final int MAX_REPETITIONS = 10_000;

    /**
     * What fell due: the reminder's time, the promise it broke and the snooze it ended, if any; the rhythm then counts
     * from {@code anchor} and the next reminder falls due at {@code next}.
     */
    record Due(Instant at, Promise brokenPromise, Snooze snooze, Instant anchor, Instant next) {
    }

    private final CheckInRecords records;
    private final FollowUpDue followUps;

    CheckInRhythm(CheckInRecords records, FollowUpDue followUps) {
        this.records = records;
        this.followUps = followUps;
    }

    /** When the open hand-off's next check-in reminder falls due; the first one of a hand-off is set here. */
    Instant next(Case kase) {
        return kase.nextCheckIn(open -> followUps.checkInDue(kase.priority(), open.checkInRhythmStart(), 1));
    }

    /**
     * The check-in reminder due at the hand-off's next check-in time has fallen due ({@code now} is then or later, if
     * the timer ran late). A promise whose time has come is broken; a reminder moved to a promise or snooze restarts
     * the rhythm there; the next reminder is the rhythm's first after now (missed ones are not caught up).
     */
    Due fallsDue(Case kase, Instant now) {
        HandOff handOff = kase.openHandOffToCheckIn();
        Instant due = handOff.nextCheckIn() == null ? now : handOff.nextCheckIn();
        List<Promise> broken = records.breakDue(handOff.id(), due);
        Snooze snooze = records.latestSnooze(handOff.id())
                .filter(last -> followUps.checkInTime(kase.priority(), last.until()).equals(due)).orElse(null);
        Instant anchor = handOff.checkInRhythmStart();
        if (!onRhythm(kase.priority(), anchor, due)) {
            anchor = due;
        }
        return new Due(due, broken.isEmpty() ? null : broken.get(broken.size() - 1), snooze, anchor,
                firstAfter(kase.priority(), anchor, now));
    }

    private boolean onRhythm(Priority priority, Instant anchor, Instant due) {
        for (int n = 1; n <= MAX_REPETITIONS; n++) {
            Instant point = followUps.checkInDue(priority, anchor, n);
            if (!point.isBefore(due)) {
                return point.equals(due);
            }
        }
        return false;
    }

    private Instant firstAfter(Priority priority, Instant anchor, Instant now) {
        for (int n = 1; n <= MAX_REPETITIONS; n++) {
            Instant point = followUps.checkInDue(priority, anchor, n);
            if (point.isAfter(now)) {
                return point;
            }
        }
        throw new IllegalStateException("No check-in reminder within " + MAX_REPETITIONS + " intervals of " + anchor);
    }
}
