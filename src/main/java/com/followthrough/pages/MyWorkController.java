package com.followthrough.pages;

import com.followthrough.policy.Priority;
import com.followthrough.policy.WordedException;
import com.followthrough.security.Caller;
import com.followthrough.security.NotAllowedException;
import com.followthrough.tasks.SavedView;
import com.followthrough.tasks.SavedViewConflictException;
import com.followthrough.tasks.SavedViewRequest;
import com.followthrough.tasks.SavedViews;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskNotFoundException;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkSort;
import com.followthrough.tasks.WorkTask;
import com.followthrough.tasks.WorkView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My work, an agent's home: my tasks by urgency, the hand-offs waiting on others, my teams' queue to claim from, and
 * all my open cases; filtered and sorted by a view (typed in the filter form, or saved by name); kept up to date live
 * (live module, js/live.js) and worked from the keyboard (js/my-work.js).
 */
@Controller
class MyWorkController {

    private final MyWorkModel page;
    private final TaskList tasks;
    private final SavedViews views;
    private final MessageSource messages;
    private final Validator validator;

    MyWorkController(MyWorkModel page, TaskList tasks, SavedViews views, MessageSource messages, Validator validator) {
        this.page = page;
        this.tasks = tasks;
        this.views = views;
        this.messages = messages;
        this.validator = validator;
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
        page.fill(model, me, chosen, saved, all);
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
        String problem = violations.isEmpty() ? null : words("mywork.save.invalid",
                violations.iterator().next().getMessage());
        if (problem == null) {
            try {
                return "redirect:/my-work?view=" + views.save(me.id(), request).id();
            } catch (SavedViewConflictException e) {
                problem = messages.getMessage(e, LocaleContextHolder.getLocale());
            }
        }
        // Shown again with what was typed, and why it was not saved.
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("viewProblem", problem);
        model.addAttribute("typedName", name);
        page.fill(model, me, typed, null, false);
        return "pages/my-work";
    }

    @PostMapping("/my-work/views/{id}/delete")
    String deleteView(@PathVariable String id, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        SavedView saved = views.find(me.id(), id(id));
        views.delete(me.id(), saved.id());
        flash.addFlashAttribute("message", words("mywork.flash.deleted", saved.name()));
        return "redirect:/my-work";
    }

    /** Takes a task offered to one of my teams (same rule as the API's claim). */
    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @RequestParam(defaultValue = "my-work") String back,
            @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        WorkTask task = tasks.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        if (!task.isOfferedToAnyOf(me.groups())) {
            throw new NotAllowedException("The task is not offered to any of your teams", "problem.forbidden.claim");
        }
        try {
            tasks.claim(id, me.id());
            String step = task.step() == null ? task.name() : words("mywork.step." + task.step().name());
            flash.addFlashAttribute("message", words("mywork.flash.claimed", step, task.caseNumber()));
        } catch (TaskConflictException e) {
            flash.addFlashAttribute("problem", messages.getMessage(e, LocaleContextHolder.getLocale()));
        }
        // Back where the claim was made: the case page, or My work (never a URL from the request).
        return back.equals("case") ? "redirect:/cases/" + task.caseNumber() : "redirect:/my-work";
    }

    private String words(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static long id(String view) {
        try {
            return Long.parseLong(view.strip());
        } catch (NumberFormatException e) {
            throw new BadViewException("view must be the number of one of your saved views", "problem.badView.view");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "));
            throw new BadViewException(name + " must be one of " + allowed, "problem.badView.oneOf", name, allowed);
        }
    }

    private static String text(String name, String value, int max) {
        if (value != null && (value.codePointCount(0, value.length()) > max || value.indexOf('\0') >= 0)) {
            throw new BadViewException(name + " must be at most " + max + " characters, without the NUL character",
                    "problem.badView.length", name, max);
        }
        return value;
    }

    /** A filter or view in the address that the page cannot read: a 400 page ({@link PageErrors}). */
    static class BadViewException extends WordedException {

        BadViewException(String message, String code, Object... arguments) {
            super(message);
            words(code, arguments);
        }
    }
}
