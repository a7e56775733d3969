package com.followthrough.pages;

import com.followthrough.casework.CaseAccess;
import com.followthrough.casework.CaseActions;
import com.followthrough.casework.CaseActions.Action;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.WorkTask;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The case page: customer, owner, where the case is and what happens next, its timeline and notes, and as forms only
 * the actions the signed-in person may take now. Every action is one handler: the same {@link CaseActions} the JSON
 * API calls (who may take it, then the service), from the same request, checked by the same rules; a refused action
 * shows its reason on the page.
 */
@Controller
class CasePageController {

    private final CaseActions actions;
    private final PageActions forms;
    private final CaseAccess access;
    private final TaskList tasks;
    private final Validator validator;
    private final ReaderTime readerTime;
    private final CasePage page;
    private final MessageSource messages;

    CasePageController(CaseActions actions, PageActions forms, CaseAccess access, TaskList tasks, Validator validator,
            ReaderTime readerTime, CasePage page, MessageSource messages) {
        this.actions = actions;
        this.forms = forms;
        this.access = access;
        this.tasks = tasks;
        this.validator = validator;
        this.readerTime = readerTime;
        this.page = page;
        this.messages = messages;
    }

    @GetMapping("/cases/{number}")
    String casePage(@PathVariable String number, @AuthenticationPrincipal Caller me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CaseActionForm());
        }
        return page.render(number, me, model);
    }

    /**
     * Any action of the case page ({@code /cases/{number}/hand-off}, {@code …/notes}, …). Who may take it is checked
     * first (404, 403), then what was typed (400, at its field), then the case's state (409, on the page).
     */
    @PostMapping("/cases/{number}/{action}")
    String act(@PathVariable String number, @PathVariable("action") String path,
            @ModelAttribute("form") CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash)
            throws NoResourceFoundException {
        Action action = Action.byPath(path)
                .orElseThrow(() -> new NoResourceFoundException(HttpMethod.POST, request.getRequestURI()));
        actions.allow(action, number, me);
        return take(forms.of(action), number, path, form, errors, me, model, response, flash);
    }

    private <T> String take(PageActions.PageAction<T> action, String number, String path, CaseActionForm form,
            BindingResult errors, Caller me, Model model, HttpServletResponse response, RedirectAttributes flash) {
        T body = action.request().apply(form, readerTime.zoneOf(me.id()));
        Violations.check(validator, body, errors, action.fields());
        return page.act(number, path, errors, me, model, response, flash,
                () -> action.take().take(number, me, body));
    }

    @PostMapping("/cases/{number}/unclaim")
    String unclaim(@PathVariable String number, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        access.readable(number, me);
        WorkTask held = tasks.ofCase(number).stream()
                .filter(task -> me.id().equals(task.assignee()) && !task.candidateGroups().isEmpty())
                .findFirst()
                .orElseThrow(() -> new TaskConflictException("You hold no team task of case " + number)
                        .words("problem.task.noneHeld", number));
        tasks.unclaim(held.id());
        flash.addFlashAttribute("message", messages.getMessage("case.done.unclaim",
                new Object[] {String.join(", ", held.candidateGroups())}, LocaleContextHolder.getLocale()));
        return "redirect:/cases/" + number;
    }
}
