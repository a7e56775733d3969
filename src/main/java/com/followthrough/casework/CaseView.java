package com.followthrough.casework;

import com.followthrough.cases.CallbackWindow;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.CheckInState;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOff;
import com.followthrough.policy.Priority;
import com.followthrough.policy.TimeBasis;
import com.followthrough.tasks.TaskDueBasis;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/** A case as the API shows it: the record, the open hand-off, what is due next, open tasks and linked cases. */
record CaseView(
        String number,
        CaseStatus status,
        ClosedAs closedAs,
        Priority priority,
        String summary,
        String details,
        Customer customer,
        String owner,
        String openedBy,
        Instant openedAt,
        Instant statusSince,
        Instant updatedAt,
        Instant closedAt,
        int reopenCount,
        int callbackAttempts,
        CurrentHandOff currentHandOff,
        CustomerWindow callbackWindow,
        FollowUp nextFollowUp,
        List<OpenTask> openTasks,
        String linkedFrom,
        List<String> linkedCases) {

    /**
     * @param nextCheckInDue when the owner's next check-in reminder falls due (on the rhythm, or at the promise or
     * snooze)
     * @param promise        the colleague's latest promise that still stands, kept or broken
     * @param snooze         the owner's snooze of the due check-in, while its time has not come
     */
    record CurrentHandOff(String colleague, String team, String note, String handedOffBy, Instant startedAt,
            int checkInsDue, int checkInsDone, Instant escalatedAt, Instant nextCheckInDue, PromiseView promise,
            SnoozeView snooze) {
    }

    /** @param broken the promised time passed with the hand-off still open */
    record PromiseView(String promise, Instant due, String recordedBy, Instant recordedAt, boolean broken) {
    }

    record SnoozeView(Instant until, String reason, String snoozedBy, Instant snoozedAt) {
    }

    /**
     * When the customer wants to be called, on their clock ({@code timeZone}), and the same hours on the days after.
     *
     * @param nextStart the next window (the one running now, or the first after) as instants
     * @param text      the next window in words, on the customer's clock
     */
    record CustomerWindow(LocalDate date, LocalTime from, LocalTime to, String timeZone, Instant nextStart,
            Instant nextEnd, String text) {
    }

    /**
     * The earliest due date among the case's open tasks.
     *
     * @param dueBasis whether {@code due} counts business or calendar time
     */
    record FollowUp(String taskId, TaskStep step, String task, Instant due, boolean overdue, TimeBasis dueBasis) {
    }

    /** @param dueBasis whether {@code due} counts business or calendar time; absent without a due date */
    record OpenTask(String id, String name, TaskStep step, String assignee, List<String> candidateGroups,
            Instant due, List<String> actions, TimeBasis dueBasis) {
    }

    static CaseView of(CaseRecord record, HandOff open, CheckInState checkIns, CallbackWindow window,
            List<WorkTask> tasks, List<String> linkedCases, Instant now, TaskDueBasis dueBasis) {
        var promise = checkIns == null || checkIns.promise() == null ? null : checkIns.promise();
        var snooze = checkIns == null || checkIns.snooze() == null ? null : checkIns.snooze();
        CurrentHandOff handOff = open == null ? null : new CurrentHandOff(open.target().colleague(),
                open.target().team(), open.note(), open.handedOffBy(), open.startedAt(), open.checkInsDue(),
                open.checkInsDone(), open.escalatedAt(), checkIns == null ? null : checkIns.nextDue(),
                promise == null ? null : new PromiseView(promise.promise(), promise.dueAt(), promise.recordedBy(),
                        promise.recordedAt(), promise.isBroken()),
                snooze == null ? null : new SnoozeView(snooze.until(), snooze.reason(), snooze.snoozedBy(),
                        snooze.snoozedAt()));
        CustomerWindow customerWindow = window == null ? null : new CustomerWindow(window.date(), window.from(),
                window.to(), window.zone().getId(), window.next(now).start(), window.next(now).end(),
                window.describe(now, window.zone()));
        FollowUp next = tasks.stream().filter(task -> task.due() != null)
                .min(Comparator.comparing(WorkTask::due))
                .map(task -> new FollowUp(task.id(), task.step(), task.name(), task.due(), task.due().isBefore(now),
                        dueBasis.of(task, record.priority())))
                .orElse(null);
        List<OpenTask> openTasks = tasks.stream().map(task -> new OpenTask(task.id(), task.name(), task.step(),
                task.assignee(), task.candidateGroups(), task.due(),
                task.step() == null ? List.of() : task.step().actions().stream()
                        .map(action -> "/api/cases/" + record.number() + "/" + action).toList(),
                dueBasis.of(task, record.priority())))
                .toList();
        return new CaseView(record.number(), record.status(), record.closedAs(), record.priority(), record.summary(),
                record.details(), record.customer(), record.owner(), record.openedBy(), record.openedAt(),
                record.statusSince(), record.updatedAt(), record.closedAt(), record.reopenCount(),
                record.callbackAttempts(), handOff, customerWindow, next, openTasks, record.linkedFrom(), linkedCases);
    }
}
