package com.followthrough.pages;

import static com.followthrough.pages.CaseActionForm.target;
import static com.followthrough.pages.CaseActionForm.trimmed;

import com.followthrough.cases.CaseService;
import com.followthrough.cases.CheckIns;
import com.followthrough.casework.CaseAccess;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.WorkTask;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page: customer, owner, where the case is, its timeline and notes, and as forms only the actions the
 * signed-in person may take now. Every action calls the same {@link CaseService} method, after the same
 * {@link CaseAccess} check, as the JSON API; a refused action shows its reason on the page.
 */
@Controller
class CasePageController {

    private final CaseService cases;
    private final CheckIns checkIns;
    private final CaseAccess access;
    private final TaskList tasks;
    private final Validator validator;
    private final ReaderTime readerTime;
    private final CasePage page;

    CasePageController(CaseService cases, CheckIns checkIns, CaseAccess access, TaskList tasks, Validator validator,
            ReaderTime readerTime, CasePage page) {
        this.cases = cases;
        this.checkIns = checkIns;
        this.access = access;
        this.tasks = tasks;
        this.validator = validator;
        this.readerTime = readerTime;
        this.page = page;
    }

    @GetMapping("/cases/{number}")
    String casePage(@PathVariable String number, @AuthenticationPrincipal Caller me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CaseActionForm());
        }
        return render(number, me, model);
    }

    // --- the owner's actions

    @PostMapping("/cases/{number}/hand-off")
    String handOff(@PathVariable String number, @Validated(CaseActionForm.HandOff.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.ownerAction(number, me, "hand it off");
        return act(number, "hand-off", errors, me, model, response, flash, () -> {
            cases.handOff(number, me.id(), target(form.getHandOffTarget()), trimmed(form.getHandOffNote()));
            return "Handed off to " + target(form.getHandOffTarget()).describe() + ". You still own the case.";
        });
    }

    @PostMapping("/cases/{number}/resolve-on-first-contact")
    String resolveOnFirstContact(@PathVariable String number,
            @Validated(CaseActionForm.ResolveOnFirstContact.class) @ModelAttribute("form") CaseActionForm form,
            BindingResult errors, @AuthenticationPrincipal Caller me, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        access.ownerAction(number, me, "resolve it on first contact");
        return act(number, "resolve-on-first-contact", errors, me, model, response, flash, () -> {
            cases.resolveOnFirstContact(number, me.id(), form.getFirstContactResolution().strip(),
                    trimmed(form.getFirstContactWords()));
            return "Resolved on first contact. The case is closed.";
        });
    }

    @PostMapping("/cases/{number}/answer")
    String answer(@PathVariable String number, @Validated(CaseActionForm.Answer.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.ownerAction(number, me, "answer the question");
        return act(number, "answer", errors, me, model, response, flash, () -> {
            cases.answerQuestion(number, me.id(), form.getAnswer().strip());
            return "Answer sent. The hand-off is back with your colleague.";
        });
    }

    @PostMapping("/cases/{number}/check-in")
    String checkIn(@PathVariable String number, @Validated(CaseActionForm.CheckIn.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.ownerAction(number, me, "check in");
        return act(number, "check-in", errors, me, model, response, flash, () -> {
            var promisedBy = FollowUpTimesForm.on(form.getPromisedBy(), readerTime.zoneOf(me.id()));
            checkIns.record(number, me.id(), form.getCheckInNote().strip(), trimmed(form.getPromise()), promisedBy);
            return promisedBy == null ? "Check-in logged."
                    : "Check-in logged. The next reminder comes when the promise falls due.";
        });
    }

    @PostMapping("/cases/{number}/verify")
    String verify(@PathVariable String number, @Validated(CaseActionForm.Verify.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.ownerAction(number, me, "verify the fix");
        return act(number, "verify", errors, me, model, response, flash, () -> {
            cases.verify(number, me.id(), form.getEffective(), trimmed(form.getVerifyNote()));
            return form.getEffective() ? "Fix verified. Next: call the customer back."
                    : "Not fixed: handed back to the same colleague or team.";
        });
    }

    @PostMapping("/cases/{number}/callback")
    String callback(@PathVariable String number, @ModelAttribute("form") CaseActionForm form, BindingResult errors,
            @AuthenticationPrincipal Caller me, Model model, HttpServletResponse response, RedirectAttributes flash) {
        access.ownerAction(number, me, "record a callback");
        if (form.getOutcome() == null && errors.getFieldErrorCount("outcome") == 0) {
            errors.rejectValue("outcome", "required", "choose what the callback found");
        }
        Violations.check(validator, form.callbackReport(), errors, Map.of("nextWindow.date", "nextWindowDate",
                "nextWindow.from", "nextWindowFrom", "nextWindow.to", "nextWindowTo", "nextWindow", "nextWindowDate"));
        return act(number, "callback", errors, me, model, response, flash, () -> {
            cases.recordCallback(number, me.id(), form.callbackReport());
            return switch (form.getOutcome()) {
                case CONFIRMED -> "Callback recorded: the customer confirmed. The case is closed.";
                case NOT_RESOLVED -> "Callback recorded: not resolved. The case is back with you.";
                case NO_ANSWER -> "Callback recorded: no answer. The next attempt is scheduled.";
                case MORE_HELP_NEEDED -> "Callback recorded. A new case is opened for the customer's new request.";
                // refused by CallbackReport's validation before the case is touched: only a withdrawal records it
                case WITHDRAWN -> throw new IllegalStateException("a callback never records WITHDRAWN");
            };
        });
    }

    // --- the colleague's actions

    @PostMapping("/cases/{number}/resolve")
    String resolve(@PathVariable String number, @Validated(CaseActionForm.Resolve.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.handOffAction(number, me, "resolve the hand-off", true);
        return act(number, "resolve", errors, me, model, response, flash, () -> {
            cases.resolveHandOff(number, me.id(), form.getResolution().strip());
            return "Resolved. The owner verifies the fix next.";
        });
    }

    @PostMapping("/cases/{number}/send-back")
    String sendBack(@PathVariable String number, @Validated(CaseActionForm.SendBack.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.handOffAction(number, me, "send it back", false);
        return act(number, "send-back", errors, me, model, response, flash, () -> {
            cases.sendBack(number, me.id(), form.getQuestion().strip());
            return "Sent back to the owner with your question.";
        });
    }

    @PostMapping("/cases/{number}/pass-on")
    String passOn(@PathVariable String number, @Validated(CaseActionForm.PassOn.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.handOffAction(number, me, "pass it on", false);
        return act(number, "pass-on", errors, me, model, response, flash, () -> {
            cases.passOn(number, me.id(), target(form.getPassOnTarget()), trimmed(form.getPassOnNote()));
            return "Passed on to " + target(form.getPassOnTarget()).describe() + ".";
        });
    }

    @PostMapping("/cases/{number}/unclaim")
    String unclaim(@PathVariable String number, @AuthenticationPrincipal Caller me, RedirectAttributes flash) {
        access.readable(number, me);
        WorkTask held = tasks.ofCase(number).stream()
                .filter(task -> me.id().equals(task.assignee()) && !task.candidateGroups().isEmpty())
                .findFirst()
                .orElseThrow(() -> new TaskConflictException("You hold no team task of case " + number));
        tasks.unclaim(held.id());
        flash.addFlashAttribute("message", "Given back to team " + String.join(", ", held.candidateGroups()) + ".");
        return "redirect:/cases/" + number;
    }

    // --- the supervisor's actions

    @PostMapping("/cases/{number}/reassign")
    String reassign(@PathVariable String number, @Validated(CaseActionForm.Reassign.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.supervisorAction(number, me, "reassign cases");
        return act(number, "reassign", errors, me, model, response, flash, () -> {
            cases.reassignOwner(number, me.id(), form.getNewOwner().strip(), trimmed(form.getReason()));
            return "Reassigned: " + form.getNewOwner().strip() + " owns the case now.";
        });
    }

    @PostMapping("/cases/{number}/review-escalation")
    String reviewEscalation(@PathVariable String number,
            @Validated(CaseActionForm.ReviewEscalation.class) @ModelAttribute("form") CaseActionForm form,
            BindingResult errors, @AuthenticationPrincipal Caller me, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        access.supervisorAction(number, me, "review escalations");
        return act(number, "review-escalation", errors, me, model, response, flash, () -> {
            cases.reviewEscalation(number, me.id(), form.getKind(), trimmed(form.getReviewNote()));
            return "Escalation reviewed.";
        });
    }

    // --- everyone who may read the case

    @PostMapping("/cases/{number}/notes")
    String addNote(@PathVariable String number, @Validated(CaseActionForm.AddNote.class) @ModelAttribute("form")
            CaseActionForm form, BindingResult errors, @AuthenticationPrincipal Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        access.readable(number, me);
        return act(number, "note", errors, me, model, response, flash, () -> {
            cases.addNote(number, me.id(), form.getNoteBody().strip());
            return "Note added.";
        });
    }

    // ---

    private String act(String number, String action, BindingResult errors, Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash, CasePage.Step step) {
        return page.act(number, action, errors, me, model, response, flash, step);
    }

    private String render(String number, Caller me, Model model) {
        return page.render(number, me, model);
    }
}
