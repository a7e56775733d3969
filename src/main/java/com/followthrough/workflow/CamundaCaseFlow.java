package com.followthrough.workflow;

import static com.followthrough.workflow.CaseProcess.Variables.CALLBACK_OUTCOME;
import static com.followthrough.workflow.CaseProcess.Variables.FIX_VERIFIED;
import static com.followthrough.workflow.CaseProcess.Variables.HAND_OFF_COLLEAGUE;
import static com.followthrough.workflow.CaseProcess.Variables.HAND_OFF_OUTCOME;
import static com.followthrough.workflow.CaseProcess.Variables.HAND_OFF_TEAM;
import static com.followthrough.workflow.CaseProcess.Variables.OWNER;
import static com.followthrough.workflow.CaseProcess.Variables.PRIORITY;
import static com.followthrough.workflow.CaseProcess.Variables.WORK_DECISION;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseFlow;
import com.followthrough.cases.ContactReport;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStateException;
import com.followthrough.cases.ConcurrentCaseUpdateException;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.workflow.CaseProcess.Decision;
import com.followthrough.workflow.CaseProcess.Messages;
import com.followthrough.workflow.CaseProcess.Tasks;
import com.followthrough.workflow.CaseProcess.Timers;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Carries the lifecycle's steps out on the engine: each completes the task the process is waiting at. */
@Component
class CamundaCaseFlow implements CaseFlow {

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

    CamundaCaseFlow(RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    @Override
    public void start(CaseRecord openedCase) {
        // The priority never changes: the process is given it once. The owner it reads from the case (caseFacts).
        runtime.startProcessInstanceByKey(CaseProcess.KEY, openedCase.number(), Variables.createVariables()
                .putValue(PRIORITY, openedCase.priority().name()));
    }

    @Override
    public void resolveOnFirstContact(CaseRecord record) {
        complete(record, Tasks.WORK_CASE, Map.of(WORK_DECISION, Decision.RESOLVED_ON_FIRST_CONTACT.name()));
    }

    @Override
    public void handOff(CaseRecord record, HandOffTarget target) {
        Map<String, Object> variables = target(target);
        variables.put(WORK_DECISION, Decision.HANDED_OFF.name());
        complete(record, Tasks.WORK_CASE, variables);
    }

    @Override
    public void resolveHandOff(CaseRecord record) {
        complete(record, Tasks.WORK_HAND_OFF, Map.of(HAND_OFF_OUTCOME, Decision.RESOLVED.name()));
    }

    @Override
    public void sendBack(CaseRecord record) {
        complete(record, Tasks.WORK_HAND_OFF, Map.of(HAND_OFF_OUTCOME, Decision.SENT_BACK.name()));
    }

    @Override
    public void answerQuestion(CaseRecord record) {
        complete(record, Tasks.ANSWER_QUESTION, Map.of());
    }

    @Override
    public void passOn(CaseRecord record, HandOffTarget target) {
        Map<String, Object> variables = target(target);
        variables.put(HAND_OFF_OUTCOME, Decision.PASSED_ON.name());
        complete(record, Tasks.WORK_HAND_OFF, variables);
    }

    @Override
    public void verify(CaseRecord record, boolean effective) {
        complete(record, Tasks.VERIFY_RESOLUTION, Map.of(FIX_VERIFIED, effective));
    }

    @Override
    public boolean checkIn(CaseRecord record) {
        List<Task> open = openTasks(record, Tasks.CHECK_IN);
        open.forEach(task -> complete(record, task, Map.of()));
        return !open.isEmpty();
    }

    @Override
    public void recordCallback(CaseRecord record, CallbackOutcome outcome) {
        complete(record, Tasks.CALL_CUSTOMER_BACK, Map.of(CALLBACK_OUTCOME, outcome.name()));
    }

    @Override
    public void reviewEscalation(CaseRecord record, EscalationKind kind) {
        String taskKey = switch (kind) {
            case HAND_OFF_STALLED -> Tasks.REVIEW_STALLED_HAND_OFF;
            case CALLBACK_LATE -> Tasks.REVIEW_LATE_CALLBACK;
            case FIRST_ACTION_LATE -> openTasks(record, Tasks.REVIEW_UNCONTACTED_CASE).isEmpty()
                    ? Tasks.REVIEW_UNWORKED_CASE : Tasks.REVIEW_UNCONTACTED_CASE;
            case VERIFICATION_LATE -> Tasks.REVIEW_UNVERIFIED_FIX;
        };
        complete(record, taskKey, Map.of());
    }

    /** Tasks the process creates from now on read the new owner from the case; those already open move here. */
    @Override
    public void reassignOwner(CaseRecord record, String newOwner) {
        String processInstanceId = processInstanceId(record);
        if (runtime.getVariable(processInstanceId, OWNER) != null) {
            runtime.setVariable(processInstanceId, OWNER, newOwner); // an instance of model version 2: LegacyVariables
        }
        tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .filter(task -> Tasks.OWNERS.contains(task.getTaskDefinitionKey()))
                .forEach(task -> tasks.setAssignee(task.getId(), newOwner));
    }

    @Override
    public void checkInRescheduled(CaseRecord record) {
        recalculate(record, Timers.CHECK_IN_DUE);
    }

    @Override
    public void snoozeCheckIn(CaseRecord record, Instant until) {
        List<Task> due = openTasks(record, Tasks.CHECK_IN);
        if (due.isEmpty()) {
            throw new CaseStateException(record.number(), "snooze the check-in reminder", record.status(),
                    "no check-in reminder is due");
        }
        for (Task task : due) {
            task.setDueDate(Date.from(until));
            tasks.saveTask(task);
        }
        recalculate(record, Timers.CHECK_IN_DUE);
    }

    @Override
    public void callbackWindowChanged(CaseRecord record) {
        // The timers re-read their expressions (the window-aware callback times); the task's due date is set to the
        // same instant the callback-due timer now has.
        recalculate(record, Timers.CALLBACK_DUE, Timers.CALLBACK_LATE, Timers.RETRY_AFTER);
        List<Job> reminder = timers(record, Timers.CALLBACK_DUE);
        if (!reminder.isEmpty()) {
            for (Task task : openTasks(record, Tasks.CALL_CUSTOMER_BACK)) {
                task.setDueDate(reminder.get(0).getDuedate());
                tasks.saveTask(task);
            }
        }
    }

    @Override
    public void startForOutreach(CaseRecord openedCase, String outreach) {
        runtime.startProcessInstanceByMessage(Messages.OUTREACH_CUSTOMER, openedCase.number(),
                Variables.createVariables().putValue(PRIORITY, openedCase.priority().name())
                        .putValue(CaseProcess.Variables.OUTREACH, outreach));
    }

    @Override
    public void contact(CaseRecord record, ContactReport.Next next, HandOffTarget handOff) {
        Map<String, Object> variables = handOff == null ? new HashMap<>() : target(handOff);
        variables.put(WORK_DECISION, switch (next) {
            case RESOLVED -> Decision.RESOLVED_ON_FIRST_CONTACT.name();
            case HAND_OFF -> Decision.HANDED_OFF.name();
            case SHARED_HAND_OFF -> Decision.SHARED_HAND_OFF.name();
        });
        complete(record, Tasks.CONTACT_CUSTOMER, variables);
    }

    @Override
    public void customerConfirmed(CaseRecord record) {
        correlate(record, Messages.CUSTOMER_CONFIRMED, Map.of());
    }

    /** As the owner's NOT_RESOLVED callback when the callback is due; while a retry waits, its answer event. */
    @Override
    public void customerNotResolved(CaseRecord record) {
        if (!openTasks(record, Tasks.CALL_CUSTOMER_BACK).isEmpty()) {
            recordCallback(record, CallbackOutcome.NOT_RESOLVED);
        } else {
            correlate(record, Messages.CUSTOMER_NOT_RESOLVED,
                    Map.of(CALLBACK_OUTCOME, CallbackOutcome.NOT_RESOLVED.name()));
        }
    }

    @Override
    public void sharedHandOffResolved(CaseRecord record) {
        correlate(record, Messages.SHARED_HAND_OFF_RESOLVED, Map.of());
    }

    @Override
    public void withdrawn(CaseRecord record) {
        correlate(record, Messages.OUTREACH_WITHDRAWN, Map.of());
    }

    private void correlate(CaseRecord record, String message, Map<String, Object> variables) {
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
    private void recalculate(CaseRecord record, String... timerActivities) {
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

    private List<Job> timers(CaseRecord record, String activity) {
        return management.createJobQuery().processInstanceId(processInstanceId(record)).timers().activityId(activity)
                .list();
    }

    private void complete(CaseRecord record, String taskKey, Map<String, Object> variables) {
        List<Task> open = openTasks(record, taskKey);
        if (open.isEmpty()) {
            // In the caller's words: a BPMN id means nothing to them.
            throw new CaseStateException(record.number(), STEPS.getOrDefault(taskKey, "take this step on"),
                    record.status(), "the case is not waiting for that step");
        }
        complete(record, open.get(0), variables);
    }

    private void complete(CaseRecord record, Task task, Map<String, Object> variables) {
        try {
            tasks.complete(task.getId(), variables);
        } catch (OptimisticLockingException e) {
            throw new ConcurrentCaseUpdateException(record.number(), e);
        }
    }

    private List<Task> openTasks(CaseRecord record, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(record.number()).taskDefinitionKey(taskKey).list();
    }

    private String processInstanceId(CaseRecord record) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(record.number())
                .processDefinitionKey(CaseProcess.KEY).singleResult();
        if (instance == null) {
            throw new CaseStateException(record.number(), "change the process", record.status(), "no process is running");
        }
        return instance.getId();
    }

    private static Map<String, Object> target(HandOffTarget target) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(HAND_OFF_COLLEAGUE, target.isTeam() ? null : target.colleague().strip());
        variables.put(HAND_OFF_TEAM, target.isTeam() ? target.team().strip() : null);
        return variables;
    }
}
