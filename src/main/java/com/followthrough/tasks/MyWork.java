package com.followthrough.tasks;

import com.followthrough.cases.CaseQueries;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.CaseSummary;
import com.followthrough.security.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What a person's day is made of, read once per page: the tasks assigned to them, their teams' unclaimed tasks, and
 * the open cases they own (with the ones a colleague is working on, "waiting on others"). Views filter these in
 * memory, so every saved view's count comes from the same reading.
 */
@Service
public class MyWork {

    private final TaskList tasks;
    private final CaseQueries queries;

    MyWork(TaskList tasks, CaseQueries queries) {
        this.tasks = tasks;
        this.queries = queries;
    }

    /**
     * @param mine    tasks assigned to the person
     * @param offered tasks offered to their teams that nobody claimed
     * @param owned   the open cases they own
     */
    public record Lists(List<WorkItem> mine, List<WorkItem> offered, List<CaseSummary> owned) {

        /** Hand-offs of mine a colleague or team is working on, for which I have no open task (else it is above). */
        public List<WorkItem> waiting() {
            Set<String> withTask = new HashSet<>();
            mine.forEach(item -> withTask.add(item.caseNumber()));
            return owned.stream().filter(kase -> kase.status() == CaseStatus.HANDED_OFF)
                    .filter(kase -> !withTask.contains(kase.number())).map(WorkItem::ofCase).toList();
        }

        /** The rows a view shows: my tasks, my teams' tasks and the cases waiting on others. */
        public long count(WorkView view) {
            return mine.stream().filter(view::shows).count() + offered.stream().filter(view::shows).count()
                    + waiting().stream().filter(item -> view.showsCase(item.kase())).count();
        }
    }

    public Lists of(Caller person) {
        List<WorkTask> assigned = tasks.assignedTo(person.id());
        List<WorkTask> offered = tasks.offeredTo(person.groups());
        List<CaseSummary> owned = queries.openOwnedBy(person.id());
        Set<String> numbers = new HashSet<>();
        assigned.forEach(task -> numbers.add(task.caseNumber()));
        offered.forEach(task -> numbers.add(task.caseNumber()));
        owned.forEach(kase -> numbers.remove(kase.number()));
        Map<String, CaseSummary> cases = new java.util.HashMap<>(queries.summaries(numbers));
        owned.forEach(kase -> cases.put(kase.number(), kase));
        return new Lists(assigned.stream().map(task -> WorkItem.ofTask(task, cases.get(task.caseNumber()))).toList(),
                offered.stream().map(task -> WorkItem.ofTask(task, cases.get(task.caseNumber()))).toList(), owned);
    }
}
