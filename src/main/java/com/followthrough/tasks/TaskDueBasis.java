package com.followthrough.tasks;

import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.Priority;
import com.followthrough.policy.TimeBasis;
import org.springframework.stereotype.Component;

/**
 * Whether a task's due date counts business or calendar time, so lists and pages can label it ("due in 1 business
 * day"). The task's step says which policy interval set its due date; the case's priority says how that interval
 * counts. Read from the current policy: a task created before a restart that changed the setting keeps its due date.
 */
@Component
public class TaskDueBasis {

    private final CasePolicy policy;

    TaskDueBasis(CasePolicy policy) {
        this.policy = policy;
    }

    /** Null when the task has no due date (or its case is unknown). */
    public TimeBasis of(WorkTask task, Priority priority) {
        if (task.due() == null || task.step() == null || task.step().dueInterval() == null || priority == null) {
            return null;
        }
        return policy.timeOf(priority, task.step().dueInterval());
    }
}
