package com.followthrough.workflow;

import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskNotFoundException;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import com.followthrough.tasks.TaskClaimChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task list on the engine's task service; only tasks of the case process. A list reads the candidate groups of all
 * its tasks in one query on the engine's identity links (the task service offers them only task by task, which made a
 * team queue of 500 tasks 500 queries; see BENCHMARKS.md).
 */
@Component
@Transactional
class CamundaTaskList implements TaskList {

    private static final Map<String, TaskStep> STEPS = Map.ofEntries(
            Map.entry(CaseProcess.Tasks.CONTACT_CUSTOMER, TaskStep.CONTACT_CUSTOMER),
            Map.entry(CaseProcess.Tasks.REVIEW_UNCONTACTED_CASE, TaskStep.REVIEW_UNCONTACTED_CASE),
            Map.entry(CaseProcess.Tasks.WORK_CASE, TaskStep.WORK_CASE),
            Map.entry(CaseProcess.Tasks.WORK_HAND_OFF, TaskStep.WORK_HAND_OFF),
            Map.entry(CaseProcess.Tasks.ANSWER_QUESTION, TaskStep.ANSWER_QUESTION),
            Map.entry(CaseProcess.Tasks.CHECK_IN, TaskStep.CHECK_IN),
            Map.entry(CaseProcess.Tasks.REVIEW_STALLED_HAND_OFF, TaskStep.REVIEW_STALLED_HAND_OFF),
            Map.entry(CaseProcess.Tasks.VERIFY_RESOLUTION, TaskStep.VERIFY_FIX),
            Map.entry(CaseProcess.Tasks.CALL_CUSTOMER_BACK, TaskStep.CALL_CUSTOMER_BACK),
            Map.entry(CaseProcess.Tasks.REVIEW_LATE_CALLBACK, TaskStep.REVIEW_LATE_CALLBACK),
            Map.entry(CaseProcess.Tasks.REVIEW_UNWORKED_CASE, TaskStep.REVIEW_UNWORKED_CASE),
            Map.entry(CaseProcess.Tasks.REVIEW_UNVERIFIED_FIX, TaskStep.REVIEW_UNVERIFIED_FIX));

    /** Task ids per query of candidate groups: well below every database's limit of bind parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final CaseTasks caseTasks;

    CamundaTaskList(TaskService tasks, RuntimeService runtime, NamedParameterJdbcTemplate jdbc,
            ApplicationEventPublisher events, CaseTasks caseTasks) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.events = events;
        this.caseTasks = caseTasks;
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
        // Every task found is the case's own: its number needs no lookup of the process instances' business keys
        // (a third of what the REST API's case view spent on tasks, BENCHMARKS.md).
        // The case process's active tasks by a native query (CaseTasks: the engine's task query rebuilt its SQL on
        // every call, 14 % of a REST request's samples with the view, BENCHMARKS.md).
        return map(caseTasks.ofCase(caseNumber), task -> caseNumber);
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
        events.publishEvent(new TaskClaimChanged(task.caseNumber(), task.candidateGroups(), userId));
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
        events.publishEvent(new TaskClaimChanged(task.caseNumber(), task.candidateGroups(), task.assignee()));
    }

    private TaskQuery query() {
        return tasks.createTaskQuery().processDefinitionKey(CaseProcess.KEY).active()
                .orderByTaskCreateTime().asc().orderByTaskId().asc();
    }

    private List<WorkTask> map(TaskQuery query) {
        List<Task> found = query.list();
        Map<String, String> keys = businessKeys(found);
        return map(found, task -> keys.get(task.getProcessInstanceId()));
    }

    private List<WorkTask> map(List<Task> found, Function<Task, String> caseNumber) {
        Map<String, List<String>> groups = candidateGroups(found);
        return found.stream().map(task -> map(task, caseNumber.apply(task),
                groups.getOrDefault(task.getId(), List.of()))).toList();
    }

    private WorkTask map(Task task) {
        return map(task, businessKeys(List.of(task)).get(task.getProcessInstanceId()),
                candidateGroups(List.of(task)).getOrDefault(task.getId(), List.of()));
    }

    private WorkTask map(Task task, String caseNumber, List<String> groups) {
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

    /** The candidate groups of each task, sorted; tasks without any are left out. */
    private Map<String, List<String>> candidateGroups(List<Task> found) {
        Map<String, Set<String>> groups = new HashMap<>();
        List<String> ids = found.stream().map(Task::getId).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
            jdbc.query("""
                    select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK
                    where TASK_ID_ in (:ids) and TYPE_ = 'candidate' and GROUP_ID_ is not null
                    """, Map.of("ids", chunk), rs -> {
                groups.computeIfAbsent(rs.getString(1), task -> new TreeSet<>()).add(rs.getString(2));
            });
        }
        Map<String, List<String>> sorted = new HashMap<>();
        groups.forEach((task, names) -> sorted.put(task, List.copyOf(names)));
        return sorted;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
