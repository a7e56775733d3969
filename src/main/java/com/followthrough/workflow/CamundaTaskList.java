package com.followthrough.workflow;

import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskNotFoundException;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The task list on the engine's task service; only tasks of the case process. */
@Component
@Transactional
class CamundaTaskList implements TaskList {

    private static final Map<String, TaskStep> STEPS = Map.of(
            CaseProcess.Tasks.WORK_CASE, TaskStep.WORK_CASE,
            CaseProcess.Tasks.WORK_HAND_OFF, TaskStep.WORK_HAND_OFF,
            CaseProcess.Tasks.ANSWER_QUESTION, TaskStep.ANSWER_QUESTION,
            CaseProcess.Tasks.CHECK_IN, TaskStep.CHECK_IN,
            CaseProcess.Tasks.REVIEW_STALLED_HAND_OFF, TaskStep.REVIEW_STALLED_HAND_OFF,
            CaseProcess.Tasks.VERIFY_RESOLUTION, TaskStep.VERIFY_FIX,
            CaseProcess.Tasks.CALL_CUSTOMER_BACK, TaskStep.CALL_CUSTOMER_BACK,
            CaseProcess.Tasks.REVIEW_LATE_CALLBACK, TaskStep.REVIEW_LATE_CALLBACK);

    private final TaskService tasks;
    private final RuntimeService runtime;

    CamundaTaskList(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Override
    public List<WorkTask> assignedTo(String userId) {
        return map(query().taskAssignee(userId));
    }

    @Override
    public List<WorkTask> offeredTo(Collection<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return map(query().taskCandidateGroupIn(List.copyOf(groups)));
    }

    @Override
    public Optional<WorkTask> find(String taskId) {
        return Optional.ofNullable(query().taskId(taskId).singleResult()).map(this::map);
    }

    @Override
    public List<WorkTask> ofCase(String caseNumber) {
        return map(query().processInstanceBusinessKey(caseNumber));
    }

    @Override
    public void claim(String taskId, String userId) {
        WorkTask task = find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
        if (task.assignee() != null) {
            throw new TaskConflictException(task.assignee().equals(userId)
                    ? "You have this task already" : "The task is claimed by " + task.assignee());
        }
        try {
            tasks.claim(taskId, userId);
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw new TaskConflictException("Someone else claimed the task at the same time");
        }
    }

    @Override
    public void unclaim(String taskId) {
        WorkTask task = find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
        if (task.candidateGroups().isEmpty()) {
            throw new TaskConflictException("The task is not offered to a team, so it cannot be given back");
        }
        if (task.assignee() == null) {
            throw new TaskConflictException("Nobody has claimed the task");
        }
        try {
            tasks.setAssignee(taskId, null);
        } catch (OptimisticLockingException e) {
            throw new TaskConflictException("Someone else changed the task at the same time");
        }
    }

    private TaskQuery query() {
        return tasks.createTaskQuery().processDefinitionKey(CaseProcess.KEY).active()
                .orderByTaskCreateTime().asc().orderByTaskId().asc();
    }

    private List<WorkTask> map(TaskQuery query) {
        List<Task> found = query.list();
        Map<String, String> keys = businessKeys(found);
        // Candidate groups cost a query per task: ask only for the tasks that have any (one query finds them), so a
        // list of 500 personal tasks takes three queries, not 502.
        Set<String> offered = found.isEmpty() ? Set.of() : tasks.createTaskQuery()
                .taskIdIn(found.stream().map(Task::getId).toArray(String[]::new)).withCandidateGroups()
                .includeAssignedTasks().list().stream()
                .map(Task::getId).collect(Collectors.toSet());
        return found.stream()
                .map(task -> map(task, keys.get(task.getProcessInstanceId()), offered.contains(task.getId())))
                .toList();
    }

    private WorkTask map(Task task) {
        return map(task, businessKeys(List.of(task)).get(task.getProcessInstanceId()), true);
    }

    private WorkTask map(Task task, String caseNumber, boolean mayHaveCandidateGroups) {
        List<String> groups = !mayHaveCandidateGroups ? List.of() : tasks.getIdentityLinksForTask(task.getId())
                .stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .toList();
        return new WorkTask(task.getId(), task.getName(), STEPS.get(task.getTaskDefinitionKey()),
                caseNumber, task.getAssignee(), groups, instant(task.getCreateTime()),
                instant(task.getDueDate()), instant(task.getFollowUpDate()));
    }

    private Map<String, String> businessKeys(List<Task> found) {
        Set<String> instances = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
