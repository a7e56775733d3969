package com.followthrough.tasks;

import com.followthrough.cases.CaseSummary;
import java.time.Instant;

/**
 * One row of My work: an open task with its case, or (task null) a case of mine that waits on someone else.
 *
 * @param kase the case; null only if it vanished between reading the task and the case
 */
public record WorkItem(WorkTask task, CaseSummary kase) {

    public static WorkItem ofTask(WorkTask task, CaseSummary kase) {
        return new WorkItem(task, kase);
    }

    public static WorkItem ofCase(CaseSummary kase) {
        return new WorkItem(null, kase);
    }

    public TaskStep step() {
        return task == null ? null : task.step();
    }

    /** The task's due time; for a waiting case, when its hand-off escalates (what falls due from the owner's side). */
    public Instant due() {
        return task != null ? task.due() : kase.followUpDue();
    }

    /** Where its age counts from: the task's creation, or since the case is in its status. */
    public Instant since() {
        return task != null ? task.createdAt() : kase.statusSince();
    }

    public String caseNumber() {
        return task != null ? task.caseNumber() : kase.number();
    }
}
