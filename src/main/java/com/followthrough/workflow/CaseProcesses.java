package com.followthrough.workflow;

import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStateException;
import com.followthrough.cases.ConcurrentCaseUpdateException;
import com.followthrough.workflow.CaseProcess.Tasks;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * One case's process on the engine, found by the case number: complete the task it waits at, correlate a message to
 * it, re-read its timers. The engine's refusals become the case's ({@link CaseStateException} in the caller's words,
 * {@link ConcurrentCaseUpdateException} when another request changed it first), so {@link CamundaCaseFlow} says only
 * which step each action is.
 */
@Component
class CaseProcesses {

    /** Each step as people say it, to fit "Cannot … case FT-2026-000123". */
    private static final Map<String, String> STEPS = Map.of(
            Tasks.WORK_CASE, "work",
            Tasks.WORK_HAND_OFF, "work the hand-off of",
            Tasks.ANSWER_QUESTION, "answer the question on",
            Tasks.CHECK_IN, "check in on",
            Tasks.REVIEW_STALLED_HAND_OFF, "review the stalled hand-off of",
            Tasks.VERIFY_RESOLUTION, "verify the fix of",
            Tasks.CALL_CUSTOMER_BACK, "record the callback of",
            Tasks.REVIEW_LATE_CALLBACK, "review the late callback of",
            Tasks.CONTACT_CUSTOMER, "record the contact of");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final CaseTasks caseTasks;

    CaseProcesses(RuntimeService runtime, TaskService tasks, ManagementService management, CaseTasks caseTasks) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.caseTasks = caseTasks;
    }

    void correlate(CaseRecord record, String message, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(record.number())
                    .setVariables(variables).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new CaseStateException(record.number(), "take this step on", record.status(),
                    "the case is not waiting for it");
        } catch (OptimisticLockingException e) {
            throw new ConcurrentCaseUpdateException(record.number(), e);
        }
    }

    /** Re-evaluates the timers' expressions now (not from their creation): the times they read have changed. */
    void recalculate(CaseRecord record, String... timerActivities) {
        for (String activity : timerActivities) {
            for (Job job : timers(record, activity)) {
                try {
                    management.recalculateJobDuedate(job.getId(), false);
                } catch (OptimisticLockingException e) {
                    throw new ConcurrentCaseUpdateException(record.number(), e);
                }
            }
        }
    }

    List<Job> timers(CaseRecord record, String activity) {
        return management.createJobQuery().processInstanceId(processInstanceId(record)).timers().activityId(activity)
                .list();
    }

    void complete(CaseRecord record, String taskKey, Map<String, Object> variables) {
        List<Task> open = openTasks(record, taskKey);
        if (open.isEmpty()) {
            // In the caller's words: a BPMN id means nothing to them.
            throw new CaseStateException(record.number(), STEPS.getOrDefault(taskKey, "take this step on"),
                    record.status(), "the case is not waiting for that step");
        }
        complete(record, open.get(0), variables);
    }

    void complete(CaseRecord record, Task task, Map<String, Object> variables) {
        try {
            tasks.complete(task.getId(), variables);
        } catch (OptimisticLockingException e) {
            throw new ConcurrentCaseUpdateException(record.number(), e);
        }
    }

    /** The case's open tasks of one kind, oldest first ({@link CaseTasks}: a native query). */
    List<Task> openTasks(CaseRecord record, String taskKey) {
        return caseTasks.open(record.number(), taskKey);
    }

    String processInstanceId(CaseRecord record) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(record.number())
                .processDefinitionKey(CaseProcess.KEY).singleResult();
        if (instance == null) {
            throw new CaseStateException(record.number(), "change the process", record.status(), "no process is running");
        }
        return instance.getId();
    }
}
