package com.followthrough.cases;

import com.followthrough.policy.FollowUpDue;
import com.followthrough.policy.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The owner's check-in reminders during a hand-off, and the times people give them. Reminders fall due every check-in
 * interval (the policy's {@code check-in-after}) counted from the hand-off's start. A promise the colleague makes at a
 * check-in moves the next reminder to the promised time; a snooze moves a due reminder to a time the owner chooses
 * (at most the policy's {@code snooze-max} ahead); where check-ins count business time, a time outside working hours
 * reminds at the next working moment. Either way the rhythm then counts on from that time. Neither touches
 * the hand-off's escalation, which the process times on its own. The process's check-in timer is set to
 * {@link #nextDue(String)}; when it fires, {@link CaseProgress#checkInDue} asks {@link #fallsDue} what fell due.
 */
@Service
@Validated
@Transactional
public class CheckIns {

    /** A rhythm repeating more often than this is not a reminder any more (as the engine's cycles are bounded). */
    private static final int MAX_REPETITIONS = 10_000;

    /**
     * What fell due: the reminder's time, the promise it broke and the snooze it ended, if any; the rhythm then counts
     * from {@code anchor} and the next reminder falls due at {@code next}.
     */
    record Due(Instant at, Promise brokenPromise, Snooze snooze, Instant anchor, Instant next) {
    }

    private final CaseRepository cases;
    private final CheckInRecords records;
    private final CaseFlow flow;
    private final FollowUpDue followUps;
    private final Clock clock;

    CheckIns(CaseRepository cases, CheckInRecords records, CaseFlow flow, FollowUpDue followUps, Clock clock) {
        this.cases = cases;
        this.records = records;
        this.flow = flow;
        this.followUps = followUps;
        this.clock = clock;
    }

    /**
     * The owner asked the colleague how it is going: completes the due check-in task, or logs an unprompted check-in.
     * If the colleague promised something by {@code promisedBy} ("refund goes out Thursday"), the next check-in
     * reminder falls due then instead of on the rhythm; {@code promise} is what they promised (the note if empty).
     */
    public void record(@NotBlank String number, @NotBlank String actor, @NotBlank @Text(max = 10_000) String note,
            @Text(max = 2_000) String promise, Instant promisedBy) {
        Instant now = clock.instant();
        checkPromise(promise, promisedBy, now);
        Case kase = cases.load(number);
        String promised = promise == null || promise.isBlank() ? note.strip() : promise.strip();
        Instant remindAt = promisedBy == null ? null : followUps.checkInTime(kase.priority(), promisedBy);
        kase.checkIn(note, promised, promisedBy, remindAt, actor, now);
        cases.save(kase);
        ConcurrentCaseUpdateException.onConflict(number, () -> flow.checkIn(kase.snapshot()));
        if (promisedBy != null) {
            String kept = promised.length() <= 2_000 ? promised : promised.substring(0, 1_999) + "…";
            records.promise(kase.id(), kase.handOff().id(), kept, promisedBy, actor, now);
            ConcurrentCaseUpdateException.onConflict(number, () -> flow.checkInRescheduled(kase.snapshot()));
        }
    }

    /**
     * The owner snoozes the due check-in reminder until {@code until} ("Paul is out today"): the check-in task falls
     * due then and the next reminder comes then. Only a reminder that is due can be snoozed, to a time in the future
     * within the policy's maximum; a refused snooze changes nothing.
     */
    public void snooze(@NotBlank String number, @NotBlank String actor, @NotNull Instant until,
            @NotBlank @Text(max = 2_000) String reason) {
        Case kase = cases.load(number);
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            throw new InvalidCaseInputException("until", "must be in the future", "A snooze must end in the future")
                    .words("problem.input.future");
        }
        Instant latest = followUps.latestSnooze(kase.priority(), now);
        if (until.isAfter(latest)) {
            throw new InvalidCaseInputException("until", "must not be later than " + latest
                    + " (the policy's snooze-max for " + kase.priority() + " cases)", "A snooze is limited by the policy")
                    .words("problem.input.snoozeMax");
        }
        Instant remindAt = followUps.checkInTime(kase.priority(), until);
        kase.snoozeCheckIn(until, remindAt, reason.strip(), actor, now);
        cases.save(kase);
        records.snooze(kase.id(), kase.handOff().id(), until, reason.strip(), actor, now);
        ConcurrentCaseUpdateException.onConflict(number, () -> flow.snoozeCheckIn(kase.snapshot(), remindAt));
    }

    /** Refuses a promise without its time, or with a time that has passed. */
    private static void checkPromise(String promise, Instant by, Instant now) {
        if (by == null && promise != null && !promise.isBlank()) {
            throw new InvalidCaseInputException("promisedBy", "is required with a promise: when it will be done",
                    "A promise needs its time").words("problem.input.promiseTime");
        }
        if (by != null && !by.isAfter(now)) {
            throw new InvalidCaseInputException("promisedBy", "must be in the future", "A promise must be for later")
                    .words("problem.input.future");
        }
    }

    /** When the open hand-off's next check-in reminder falls due: the process's check-in timer is set to this. */
    public Instant nextDue(String number) {
        Case kase = cases.load(number);
        Instant next = kase.nextCheckIn(open -> followUps.checkInDue(kase.priority(), open.checkInRhythmStart(), 1));
        cases.save(kase);
        return next;
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

    public Optional<CheckInState> current(String number) {
        return Optional.ofNullable(current(List.of(number)).get(number));
    }

    /** The reminders of each case's open hand-off, by case number (cases without one are left out). */
    @Transactional(readOnly = true)
    public Map<String, CheckInState> current(Collection<String> numbers) {
        return records.openHandOffs(numbers, clock.instant());
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
