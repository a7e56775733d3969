package com.followthrough.tasks;

import com.followthrough.cases.CaseQueries;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.CaseSummary;
import com.followthrough.policy.Priority;
import com.followthrough.policy.TimeBasis;
import com.followthrough.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's task list. A task is completed by the case action it names ({@code actions}), never here, so the
 * lifecycle's checks always apply.
 */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks", description = "Your tasks and your teams' unclaimed tasks; claim and unclaim")
@SecurityRequirement(name = "basicAuth")
class TaskController {

    /** Which tasks to list. */
    enum Scope {
        /** Tasks assigned to the caller. */
        MINE,
        /** Tasks offered to the caller's teams that nobody has claimed. */
        TEAM
    }

    /**
     * One line of a task list, with the case it belongs to, so a list needs no second call.
     *
     * @param dueBasis whether {@code due} counts business or calendar time; absent without a due date
     */
    record TaskItem(String id, String name, TaskStep step, List<String> actions, String caseNumber,
            String caseSummary, String customerName, Priority priority, CaseStatus caseStatus, String assignee,
            List<String> candidateGroups, Instant createdAt, Instant due, Instant followUp, boolean overdue,
            TimeBasis dueBasis) {
    }

    private final TaskList tasks;
    private final CaseQueries cases;
    private final CaseVisibility visibility;
    private final TaskDueBasis dueBasis;
    private final Clock clock;

    TaskController(TaskList tasks, CaseQueries cases, CaseVisibility visibility, TaskDueBasis dueBasis, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.visibility = visibility;
        this.dueBasis = dueBasis;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Your open tasks (scope=mine, the default) or your teams' unclaimed tasks (scope=team)")
    List<TaskItem> list(@RequestParam(defaultValue = "mine") String scope, @AuthenticationPrincipal Caller caller) {
        Scope chosen = parse(scope);
        List<WorkTask> found = chosen == Scope.MINE ? tasks.assignedTo(caller.id()) : tasks.offeredTo(caller.groups());
        Set<String> numbers = found.stream().map(WorkTask::caseNumber).collect(Collectors.toSet());
        Map<String, CaseSummary> summaries = cases.summaries(numbers);
        Instant now = clock.instant();
        return found.stream().map(task -> item(task, summaries.get(task.caseNumber()), now)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One open task, if it is yours, your teams' or you supervise")
    TaskItem get(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        WorkTask task = visible(id, caller);
        if (!caller.id().equals(task.assignee()) && !task.isOfferedToAnyOf(caller.groups()) && !caller.isSupervisor()) {
            throw new AccessDeniedException("The task is neither yours nor offered to your teams");
        }
        return item(task, cases.summaries(Set.of(task.caseNumber())).get(task.caseNumber()), clock.instant());
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Take a task offered to one of your teams")
    TaskItem claim(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        WorkTask task = visible(id, caller);
        if (!task.isOfferedToAnyOf(caller.groups())) {
            throw new AccessDeniedException("The task is not offered to any of your teams");
        }
        tasks.claim(id, caller.id());
        return get(id, caller);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give a claimed team task back to the team (the one who has it, or a supervisor)")
    TaskItem unclaim(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        WorkTask task = visible(id, caller);
        boolean holder = caller.id().equals(task.assignee());
        if (!holder && !caller.isSupervisor()) {
            throw new AccessDeniedException(task.assignee() == null ? "Nobody has claimed the task"
                    : "Only " + task.assignee() + " or a supervisor may give the task back");
        }
        tasks.unclaim(id);
        return get(id, caller);
    }

    /**
     * The open task, when the caller may see its case; otherwise, as for an unknown id, 404 (so a refusal never tells
     * that the task exists or who holds it).
     */
    private WorkTask visible(String id, Caller caller) {
        return tasks.find(id)
                .filter(task -> caller.id().equals(task.assignee()) || task.isOfferedToAnyOf(caller.groups())
                        || visibility.maySee(task.caseNumber(), caller))
                .orElseThrow(() -> new TaskNotFoundException(id));
    }

    private static Scope parse(String scope) {
        try {
            return Scope.valueOf(scope.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidScopeException();
        }
    }

    private TaskItem item(WorkTask task, CaseSummary summary, Instant now) {
        List<String> actions = task.step() == null ? List.of() : task.step().actions().stream()
                .map(action -> "/api/cases/" + task.caseNumber() + "/" + action).toList();
        return new TaskItem(task.id(), task.name(), task.step(), actions, task.caseNumber(),
                summary == null ? null : summary.summary(), summary == null ? null : summary.customerName(),
                summary == null ? null : summary.priority(), summary == null ? null : summary.status(),
                task.assignee(), task.candidateGroups(), task.createdAt(), task.due(), task.followUp(),
                task.due() != null && task.due().isBefore(now),
                dueBasis.of(task, summary == null ? null : summary.priority()));
    }

    /** {@code scope} is neither mine nor team. */
    static class InvalidScopeException extends org.springframework.web.server.ResponseStatusException {
        InvalidScopeException() {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, "scope must be one of [mine, team]");
        }
    }
}
