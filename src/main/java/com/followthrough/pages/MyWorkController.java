package com.followthrough.pages;

import com.followthrough.cases.CaseQueries;
import com.followthrough.cases.CaseSummary;
import com.followthrough.cases.CheckInState;
import com.followthrough.cases.CheckIns;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskNotFoundException;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My work: the tasks assigned to me (soonest due first), my teams' unclaimed tasks to claim, and the open cases I own
 * with where each one is, since when, and what falls due next.
 */
@Controller
class MyWorkController {

    /** Rows per list unless all are asked for. */
    static final int LIST_LIMIT = 100;

    /** Soonest due first; tasks without a due time after them, oldest first. */
    private static final Comparator<WorkTask> BY_DUE = Comparator
            .comparing(WorkTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkTask::createdAt, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * A task with its case, so the list needs no second look.
     *
     * @param times what people said about its time: the customer's window, the colleague's promise, a snooze
     */
    record TaskLine(WorkTask task, CaseSummary kase, List<String> times) {
    }

    /**
     * A case the owner follows: with whom it is, its status in one line, and what falls due next.
     *
     * @param nextFollowUp what happens at {@code kase.followUpDue()}; null when nothing is due
     * @param times        what people said about its times (window, promise, snooze)
     */
    record FollowingLine(CaseSummary kase, String with, String status, String nextFollowUp, List<String> times) {
    }

    private final TaskList tasks;
    private final CaseQueries queries;
    private final CheckIns checkIns;
    private final ReaderTime readerTime;
    private final Clock clock;

    MyWorkController(TaskList tasks, CaseQueries queries, CheckIns checkIns, ReaderTime readerTime, Clock clock) {
        this.tasks = tasks;
        this.queries = queries;
        this.checkIns = checkIns;
        this.readerTime = readerTime;
        this.clock = clock;
    }

    @GetMapping({"/", "/my-work"})
    String myWork(@RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal Caller me, Model model) {
        List<WorkTask> allMine = tasks.assignedTo(me.id());
        List<WorkTask> allOffered = tasks.offeredTo(me.groups());
        List<CaseSummary> allFollowing = queries.openOwnedBy(me.id());
        model.addAttribute("all", all);
        model.addAttribute("myTasksTotal", allMine.size());
        model.addAttribute("teamTasksTotal", allOffered.size());
        model.addAttribute("followingTotal", allFollowing.size());
        model.addAttribute("shown", LIST_LIMIT);
        // Each list shows what falls due first; the rest on request, so a long list stays quick to load and read.
        long limit = all ? Long.MAX_VALUE : LIST_LIMIT;
        List<WorkTask> mine = allMine.stream().sorted(BY_DUE).limit(limit).toList();
        List<WorkTask> offered = allOffered.stream().sorted(BY_DUE).limit(limit).toList();
        List<CaseSummary> following = allFollowing.stream().limit(limit).toList();
        Set<String> numbers = new HashSet<>();
        mine.forEach(task -> numbers.add(task.caseNumber()));
        offered.forEach(task -> numbers.add(task.caseNumber()));
        Map<String, CaseSummary> cases = queries.summaries(numbers);
        following.forEach(kase -> numbers.add(kase.number()));
        Times times = new Times(checkIns.current(numbers), new ReaderClock(readerTime, me.id(), clock.instant()),
                readerTime.zoneOf(me.id()), clock.instant());
        model.addAttribute("myTasks", mine.stream().map(task -> new TaskLine(task, cases.get(task.caseNumber()),
                times.of(task.step(), cases.get(task.caseNumber())))).toList());
        model.addAttribute("teamTasks", offered.stream().map(task -> new TaskLine(task, cases.get(task.caseNumber()),
                List.of())).toList());
        model.addAttribute("following", following.stream()
                .map(kase -> followingLine(kase, times.of(null, kase))).toList());
        return "pages/my-work";
    }

    /** Takes a task offered to one of my teams (same rule as the API's claim). */
    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @RequestParam(defaultValue = "my-work") String back,
            @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        WorkTask task = tasks.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        if (!task.isOfferedToAnyOf(me.groups())) {
            throw new AccessDeniedException("The task is not offered to any of your teams");
        }
        try {
            tasks.claim(id, me.id());
            flash.addFlashAttribute("message", "You have claimed “" + task.name() + "” of case " + task.caseNumber()
                    + ". It is in your tasks now.");
        } catch (TaskConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        // Back where the claim was made: the case page, or My work (never a URL from the request).
        return back.equals("case") ? "redirect:/cases/" + task.caseNumber() : "redirect:/my-work";
    }

    /** The times people gave, in words on the reader's clock: for a task of a step, or (step null) for a case. */
    private record Times(Map<String, CheckInState> checkIns, ReaderClock clock, ZoneId reader, Instant now) {

        List<String> of(TaskStep step, CaseSummary kase) {
            List<String> said = new ArrayList<>();
            if (kase == null) {
                return said;
            }
            boolean all = step == null;
            if (kase.callbackWindow() != null && (all || step == TaskStep.CALL_CUSTOMER_BACK)) {
                said.add("Customer's window: " + kase.callbackWindow().describe(now, reader));
            }
            CheckInState state = checkIns.get(kase.number());
            if (state != null && (all || step == TaskStep.CHECK_IN)) {
                String who = kase.handedOffTo() == null ? "Your colleague" : kase.handedOffTo();
                if (state.promise() != null) {
                    said.add((state.promise().isBroken() ? "Promise broken: " : "") + who + " promised by "
                            + clock.at(state.promise().dueAt()) + ": " + state.promise().promise());
                }
                if (state.snooze() != null) {
                    said.add("Snoozed until " + clock.at(state.snooze().until()) + ": " + state.snooze().reason());
                }
            }
            return said;
        }
    }

    static FollowingLine followingLine(CaseSummary kase, List<String> times) {
        String with = kase.handedOffTo() == null ? "your colleague" : kase.handedOffTo();
        String status = switch (kase.status()) {
            case AWAITING_AGENT -> "Waiting for an agent with capacity";
            case TO_CONTACT -> "Outreach: contact the customer before they call";
            case WITH_OWNER -> "With you: hand it off, or resolve it with the customer";
            case HANDED_OFF -> "With " + with + ", working on it";
            case QUESTION_FOR_OWNER -> with + " asked you a question";
            case AWAITING_VERIFICATION -> "Resolved: verify the fix with your colleague";
            case AWAITING_CALLBACK -> "Fixed: call the customer back";
            case CALLBACK_RETRY_PENDING -> "Customer did not answer: the next callback attempt is scheduled";
            case CLOSED -> "Closed";
        };
        String next = switch (kase.status()) {
            case WITH_OWNER -> "first action due";
            case HANDED_OFF -> "escalates to a supervisor";
            case QUESTION_FOR_OWNER -> "answer due";
            case AWAITING_VERIFICATION -> "verification due";
            case AWAITING_CALLBACK -> "callback due";
            default -> "follow-up due";
        };
        String holder = kase.handedOffTo() != null ? kase.handedOffTo() : "you";
        return new FollowingLine(kase, holder, status, kase.followUpDue() == null ? null : next, times);
    }
}
