package com.followthrough.pages;

import com.followthrough.cases.CaseSummary;
import com.followthrough.cases.CheckIns;
import com.followthrough.policy.Priority;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import com.followthrough.tasks.MyWork;
import com.followthrough.tasks.SavedView;
import com.followthrough.tasks.SavedViewConflictException;
import com.followthrough.tasks.SavedViewRequest;
import com.followthrough.tasks.SavedViews;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskNotFoundException;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkItem;
import com.followthrough.tasks.WorkSort;
import com.followthrough.tasks.WorkTask;
import com.followthrough.tasks.WorkView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * My work, an agent's home: my tasks by urgency, the hand-offs waiting on others, my teams' queue to claim from, and all
 * my open cases; filtered and sorted by a view (typed in the filter form, or saved by name); kept up to date live
 * (live module, js/live.js) and worked from the keyboard (js/my-work.js).
 */
@Controller
class MyWorkController {

    /** Rows per list unless all are asked for. */
    static final int LIST_LIMIT = 100;

    /** A case the owner follows: with whom it is, its status in one line, and what falls due next. */
    record FollowingLine(CaseSummary kase, String with, String status, String nextFollowUp, List<String> times) {
    }

    /** A saved view in the page's menu, with how many rows it shows now. */
    record ViewChoice(SavedView saved, long count, boolean current) {
    }

    private final MyWork myWork;
    private final TaskList tasks;
    private final SavedViews views;
    private final CheckIns checkIns;
    private final ReaderTime readerTime;
    private final MessageSource messages;
    private final Validator validator;
    private final Clock clock;

    MyWorkController(MyWork myWork, TaskList tasks, SavedViews views, CheckIns checkIns, ReaderTime readerTime,
            MessageSource messages, Validator validator, Clock clock) {
        this.myWork = myWork;
        this.tasks = tasks;
        this.views = views;
        this.checkIns = checkIns;
        this.readerTime = readerTime;
        this.messages = messages;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping({"/", "/my-work"})
    String myWork(@RequestParam(required = false) String view, @RequestParam(required = false) String step,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String team,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal Caller me, Model model) {
        SavedView saved = view == null || view.isBlank() ? null : views.find(me.id(), id(view));
        WorkView chosen = saved != null ? saved.view() : new WorkView(parse(TaskStep.class, "step", step),
                parse(Priority.class, "priority", priority), text("team", team, 64), text("customer", customer, 100),
                parse(WorkSort.class, "sort", sort));
        fill(model, me, chosen, saved, all);
        return "pages/my-work";
    }

    /** Saves the filters shown as a view under a name, and shows it. */
    @PostMapping("/my-work/views")
    String saveView(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) String step,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String team,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String sort,
            @AuthenticationPrincipal Caller me, Model model, HttpServletResponse response) {
        WorkView typed = new WorkView(parse(TaskStep.class, "step", step), parse(Priority.class, "priority", priority),
                text("team", team, 64), text("customer", customer, 100), parse(WorkSort.class, "sort", sort));
        SavedViewRequest request = new SavedViewRequest(name, typed.step(), typed.priority(), typed.team(),
                typed.customer(), typed.sort());
        Set<ConstraintViolation<SavedViewRequest>> violations = validator.validate(request);
        String problem = violations.isEmpty() ? null : "Name: " + violations.iterator().next().getMessage();
        if (problem == null) {
            try {
                return "redirect:/my-work?view=" + views.save(me.id(), request).id();
            } catch (SavedViewConflictException e) {
                problem = e.getMessage();
            }
        }
        // Shown again with what was typed, and why it was not saved.
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("viewProblem", problem);
        model.addAttribute("typedName", name);
        fill(model, me, typed, null, false);
        return "pages/my-work";
    }

    @PostMapping("/my-work/views/{id}/delete")
    String deleteView(@PathVariable String id, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        SavedView saved = views.find(me.id(), id(id));
        views.delete(me.id(), saved.id());
        flash.addFlashAttribute("message", "View “" + saved.name() + "” deleted.");
        return "redirect:/my-work";
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

    private void fill(Model model, Caller me, WorkView view, SavedView saved, boolean all) {
        Locale locale = LocaleContextHolder.getLocale();
        Instant now = clock.instant();
        WorkTimes times = new WorkTimes(messages, locale, readerTime.zoneOf(me.id()), now);
        MyWork.Lists lists = myWork.of(me);
        WorkSections sections = WorkSections.of(lists, view, times, all ? Integer.MAX_VALUE : LIST_LIMIT);
        model.addAttribute("view", view);
        model.addAttribute("saved", saved);
        model.addAttribute("sections", sections);
        model.addAttribute("workTimes", times);
        model.addAttribute("all", all);
        model.addAttribute("selfUrl", selfUrl(view, saved, all));
        model.addAttribute("views", views.of(me.id()).stream()
                .map(choice -> new ViewChoice(choice, lists.count(choice.view()),
                        saved != null && saved.id() == choice.id())).toList());
        model.addAttribute("everythingCount", lists.count(WorkView.EVERYTHING));
        model.addAttribute("steps", TaskStep.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("sorts", WorkSort.values());
        model.addAttribute("teams", me.groups().stream().filter(group -> !Set.of(Caller.AGENTS, Caller.SUPERVISORS,
                Caller.ADMINS, Caller.CAMUNDA_ADMINS).contains(group)).sorted().toList());
        Set<String> numbers = new HashSet<>();
        lists.owned().forEach(kase -> numbers.add(kase.number()));
        lists.mine().forEach(item -> numbers.add(item.caseNumber()));
        SaidTimes said = new SaidTimes(checkIns.current(numbers), new ReaderClock(readerTime, me.id(), now),
                readerTime.zoneOf(me.id()), now);
        model.addAttribute("said", said);
        Map<String, FollowingLine> following = sections.following().stream().map(WorkItem::kase)
                .collect(Collectors.toMap(CaseSummary::number, kase -> followingLine(kase, said.of(null, kase)),
                        (a, b) -> a));
        model.addAttribute("following", sections.following().stream()
                .map(item -> following.get(item.caseNumber())).toList());
        model.addAttribute("withWhom", sections.waiting().stream().map(WorkItem::kase)
                .collect(Collectors.toMap(CaseSummary::number, kase -> followingLine(kase, said.of(null, kase)),
                        (a, b) -> a)));
    }

    /** Where the live update fetches the lists again: this view, as the address shows it. */
    private static String selfUrl(WorkView view, SavedView saved, boolean all) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/my-work");
        if (saved != null) {
            url.queryParam("view", saved.id());
        } else {
            url.queryParamIfPresent("step", java.util.Optional.ofNullable(view.step()))
                    .queryParamIfPresent("priority", java.util.Optional.ofNullable(view.priority()))
                    .queryParamIfPresent("team", java.util.Optional.ofNullable(view.team()))
                    .queryParamIfPresent("customer", java.util.Optional.ofNullable(view.customer()));
            if (view.sort() != WorkSort.DUE) {
                url.queryParam("sort", view.sort());
            }
        }
        if (all) {
            url.queryParam("all", true);
        }
        return url.encode().build().toUriString();
    }

    private static long id(String view) {
        try {
            return Long.parseLong(view.strip());
        } catch (NumberFormatException e) {
            throw new BadViewException("view must be the number of one of your saved views");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadViewException(name + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String text(String name, String value, int max) {
        if (value != null && (value.codePointCount(0, value.length()) > max || value.indexOf('\0') >= 0)) {
            throw new BadViewException(name + " must be at most " + max + " characters, without the NUL character");
        }
        return value;
    }

    /** A filter or view in the address that the page cannot read: a 400 page ({@link PageErrors}). */
    static class BadViewException extends RuntimeException {
        BadViewException(String message) {
            super(message);
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
