package com.followthrough.cases;

import com.followthrough.policy.FollowUpDue;
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
 * {@link CaseProgress#nextCheckInDue}; when it fires, {@link CaseProgress#checkInDue} asks {@link CheckInRhythm} what
 * fell due.
 */
@Service
@Validated
@Transactional
public class CheckIns {

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

    public Optional<CheckInState> current(String number) {
        return Optional.ofNullable(current(List.of(number)).get(number));
    }

    /** The reminders of each case's open hand-off, by case number (cases without one are left out). */
    @Transactional(readOnly = true)
    public Map<String, CheckInState> current(Collection<String> numbers) {
        return records.openHandOffs(numbers, clock.instant());
    }
}
