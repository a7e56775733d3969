package com.followthrough.cases.api;

import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOff;
import com.followthrough.cases.Priority;
import com.followthrough.policy.TimeBasis;
import com.followthrough.tasks.TaskDueBasis;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import java.time.Instant;
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
        FollowUp nextFollowUp,
        List<OpenTask> openTasks,
        String linkedFrom,
        List<String> linkedCases) {

    record CurrentHandOff(String colleague, String team, String note, String handedOffBy, Instant startedAt,
            int checkInsDue, int checkInsDone, Instant escalatedAt) {
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

    static CaseView of(CaseRecord record, HandOff open, List<WorkTask> tasks, List<String> linkedCases, Instant now,
            TaskDueBasis dueBasis) {
        CurrentHandOff handOff = open == null ? null : new CurrentHandOff(open.target().colleague(),
                open.target().team(), open.note(), open.handedOffBy(), open.startedAt(), open.checkInsDue(),
                open.checkInsDone(), open.escalatedAt());
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
                record.callbackAttempts(), handOff, next, openTasks, record.linkedFrom(), linkedCases);
    }
}
