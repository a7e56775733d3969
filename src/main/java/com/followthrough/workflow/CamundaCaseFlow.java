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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Carries the lifecycle's steps out on the engine: each completes the task the process is waiting at. */
@Component
class CamundaCaseFlow implements CaseFlow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CaseProcesses processes;

    CamundaCaseFlow(RuntimeService runtime, TaskService tasks, CaseProcesses processes) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.processes = processes;
    }

    @Override
    public void start(CaseRecord openedCase) {
        // The priority never changes: the process is given it once. The owner it reads from the case (caseFacts).
        runtime.startProcessInstanceByKey(CaseProcess.KEY, openedCase.number(), Variables.createVariables()
                .putValue(PRIORITY, openedCase.priority().name()));
    }

    @Override
    public void resolveOnFirstContact(CaseRecord record) {
        processes.complete(record, Tasks.WORK_CASE, Map.of(WORK_DECISION, Decision.RESOLVED_ON_FIRST_CONTACT.name()));
    }

    @Override
    public void handOff(CaseRecord record, HandOffTarget target) {
        Map<String, Object> variables = target(target);
        variables.put(WORK_DECISION, Decision.HANDED_OFF.name());
        processes.complete(record, Tasks.WORK_CASE, variables);
    }

    @Override
    public void resolveHandOff(CaseRecord record) {
        processes.complete(record, Tasks.WORK_HAND_OFF, Map.of(HAND_OFF_OUTCOME, Decision.RESOLVED.name()));
    }

    @Override
    public void sendBack(CaseRecord record) {
        processes.complete(record, Tasks.WORK_HAND_OFF, Map.of(HAND_OFF_OUTCOME, Decision.SENT_BACK.name()));
    }

    @Override
    public void answerQuestion(CaseRecord record) {
        processes.complete(record, Tasks.ANSWER_QUESTION, Map.of());
    }

    @Override
    public void passOn(CaseRecord record, HandOffTarget target) {
        Map<String, Object> variables = target(target);
        variables.put(HAND_OFF_OUTCOME, Decision.PASSED_ON.name());
        processes.complete(record, Tasks.WORK_HAND_OFF, variables);
    }

    @Override
    public void verify(CaseRecord record, boolean effective) {
        processes.complete(record, Tasks.VERIFY_RESOLUTION, Map.of(FIX_VERIFIED, effective));
    }

    @Override
    public boolean checkIn(CaseRecord record) {
        List<Task> open = processes.openTasks(record, Tasks.CHECK_IN);
        open.forEach(task -> processes.complete(record, task, Map.of()));
        return !open.isEmpty();
    }

    @Override
    public void recordCallback(CaseRecord record, CallbackOutcome outcome) {
        processes.complete(record, Tasks.CALL_CUSTOMER_BACK, Map.of(CALLBACK_OUTCOME, outcome.name()));
    }

    @Override
    public void reviewEscalation(CaseRecord record, EscalationKind kind) {
        String taskKey = switch (kind) {
            case HAND_OFF_STALLED -> Tasks.REVIEW_STALLED_HAND_OFF;
            case CALLBACK_LATE -> Tasks.REVIEW_LATE_CALLBACK;
            case FIRST_ACTION_LATE -> processes.openTasks(record, Tasks.REVIEW_UNCONTACTED_CASE).isEmpty()
                    ? Tasks.REVIEW_UNWORKED_CASE : Tasks.REVIEW_UNCONTACTED_CASE;
            case VERIFICATION_LATE -> Tasks.REVIEW_UNVERIFIED_FIX;
        };
        processes.complete(record, taskKey, Map.of());
    }

    /** Tasks the process creates from now on read the new owner from the case; those already open move here. */
    @Override
    public void reassignOwner(CaseRecord record, String newOwner) {
        String processInstanceId = processes.processInstanceId(record);
        if (runtime.getVariable(processInstanceId, OWNER) != null) {
            runtime.setVariable(processInstanceId, OWNER, newOwner); // an instance of model version 2: LegacyVariables
        }
        tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .filter(task -> Tasks.OWNERS.contains(task.getTaskDefinitionKey()))
                .forEach(task -> tasks.setAssignee(task.getId(), newOwner));
    }

    @Override
    public void checkInRescheduled(CaseRecord record) {
        processes.recalculate(record, Timers.CHECK_IN_DUE);
    }

    @Override
    public void snoozeCheckIn(CaseRecord record, Instant until) {
        List<Task> due = processes.openTasks(record, Tasks.CHECK_IN);
        if (due.isEmpty()) {
            throw new CaseStateException(record.number(), "snooze the check-in reminder", record.status(),
                    "no check-in reminder is due");
        }
        for (Task task : due) {
            task.setDueDate(Date.from(until));
            tasks.saveTask(task);
        }
        processes.recalculate(record, Timers.CHECK_IN_DUE);
    }

    @Override
    public void callbackWindowChanged(CaseRecord record) {
        // The timers re-read their expressions (the window-aware callback times); the task's due date is set to the
        // same instant the callback-due timer now has.
        processes.recalculate(record, Timers.CALLBACK_DUE, Timers.CALLBACK_LATE, Timers.RETRY_AFTER);
        List<Job> reminder = processes.timers(record, Timers.CALLBACK_DUE);
        if (!reminder.isEmpty()) {
            for (Task task : processes.openTasks(record, Tasks.CALL_CUSTOMER_BACK)) {
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
        processes.complete(record, Tasks.CONTACT_CUSTOMER, variables);
    }

    @Override
    public void customerConfirmed(CaseRecord record) {
        processes.correlate(record, Messages.CUSTOMER_CONFIRMED, Map.of());
    }

    /** As the owner's NOT_RESOLVED callback when the callback is due; while a retry waits, its answer event. */
    @Override
    public void customerNotResolved(CaseRecord record) {
        if (!processes.openTasks(record, Tasks.CALL_CUSTOMER_BACK).isEmpty()) {
            recordCallback(record, CallbackOutcome.NOT_RESOLVED);
        } else {
            processes.correlate(record, Messages.CUSTOMER_NOT_RESOLVED,
                    Map.of(CALLBACK_OUTCOME, CallbackOutcome.NOT_RESOLVED.name()));
        }
    }

    @Override
    public void sharedHandOffResolved(CaseRecord record) {
        processes.correlate(record, Messages.SHARED_HAND_OFF_RESOLVED, Map.of());
    }

    @Override
    public void withdrawn(CaseRecord record) {
        processes.correlate(record, Messages.OUTREACH_WITHDRAWN, Map.of());
    }

    private static Map<String, Object> target(HandOffTarget target) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(HAND_OFF_COLLEAGUE, target.isTeam() ? null : target.colleague().strip());
        variables.put(HAND_OFF_TEAM, target.isTeam() ? target.team().strip() : null);
        return variables;
    }
}
