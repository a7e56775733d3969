package com.followthrough.pages;

import static com.followthrough.pages.CaseActionForm.target;
import static com.followthrough.pages.CaseActionForm.trimmed;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStateException;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ConcurrentCaseUpdateException;
import com.followthrough.cases.Directory;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
import com.followthrough.cases.InvalidCaseInputException;
import com.followthrough.cases.api.CaseAccess;
import com.followthrough.security.Caller;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** Actions only the owner takes (the API's owner endpoints). */
    private static final Set<String> OWNER_ACTIONS =
            Set.of("hand-off", "resolve-on-first-contact", "answer", "check-in", "verify", "callback");

    private final CaseService cases;
    private final CaseAccess access;
    private final TaskList tasks;
    private final Directory directory;
    private final Validator validator;
    private final Labels labels;

    CasePageController(CaseService cases, CaseAccess access, TaskList tasks, Directory directory, Validator validator,
            Labels labels) {
        this.labels = labels;
        this.cases = cases;
        this.access = access;
        this.tasks = tasks;
        this.directory = directory;
        this.validator = validator;
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
            cases.recordCheckIn(number, me.id(), form.getCheckInNote().strip());
            return "Check-in logged.";
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
        Violations.check(validator, form.callbackReport(), errors, Map.of());
        return act(number, "callback", errors, me, model, response, flash, () -> {
            cases.recordCallback(number, me.id(), form.callbackReport());
            return switch (form.getOutcome()) {
                case CONFIRMED -> "Callback recorded: the customer confirmed. The case is closed.";
                case NOT_RESOLVED -> "Callback recorded: not resolved. The case is back with you.";
                case NO_ANSWER -> "Callback recorded: no answer. The next attempt is scheduled.";
                case MORE_HELP_NEEDED -> "Callback recorded. A new case is opened for the customer's new request.";
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

    /** A step that changes the case and says, for the next page, what it did. */
    @FunctionalInterface
    private interface Step {
        String run();
    }

    /**
     * Runs a checked action and goes back to the case page (post-redirect-get). Invalid input or a refusal shows the
     * page again at once, the typed text kept and the reason beside the form; nothing of the action was saved.
     */
    private String act(String number, String action, BindingResult errors, Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash, Step step) {
        if (!errors.hasErrors()) {
            try {
                flash.addFlashAttribute("message", step.run());
                return "redirect:/cases/" + number;
            } catch (InvalidCaseInputException e) {
                // An unknown colleague, team or new owner: shown at the field that named them.
                String field = switch (e.field()) {
                    case "team", "colleague" -> action.equals("pass-on") ? "passOnTarget" : "handOffTarget";
                    case "newOwner" -> "newOwner";
                    default -> null;
                };
                if (field == null) {
                    errors.reject("invalid", e.getMessage());
                } else {
                    errors.rejectValue(field, "unknown", e.getMessage().substring(e.getMessage().indexOf(':') + 2));
                }
            } catch (CaseStateException | ConcurrentCaseUpdateException | TaskConflictException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("problem", e.getMessage());
                model.addAttribute("failedAction", action);
                return render(number, me, model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("failedAction", action);
        return render(number, me, model);
    }

    private String render(String number, Caller me, Model model) {
        CaseRecord kase = access.readable(number, me);
        List<HandOff> handOffs = cases.handOffs(number);
        List<WorkTask> open = tasks.ofCase(number);
        Set<String> allowed = allowedActions(kase, open, me);
        model.addAttribute("kase", kase);
        model.addAttribute("outcomes", CallbackOutcome.values());
        // Thymeleaf allows no bean calls in link attributes: the tel: link is made here.
        model.addAttribute("customerTel", labels.tel(kase.customer().phone()));
        model.addAttribute("handOff", handOffs.stream().filter(HandOff::isOpen).reduce((a, b) -> b).orElse(null));
        model.addAttribute("handOffs", handOffs);
        model.addAttribute("timeline", cases.timeline(number));
        model.addAttribute("notes", cases.notes(number));
        model.addAttribute("callbacks", cases.callbacks(number));
        model.addAttribute("linkedCases", cases.linkedCases(number));
        model.addAttribute("openTasks", open);
        model.addAttribute("actions", allowed);
        model.addAttribute("claimable", claimable(open, me).orElse(null));
        model.addAttribute("held", open.stream()
                .filter(task -> me.id().equals(task.assignee()) && !task.candidateGroups().isEmpty())
                .findFirst().orElse(null));
        if (allowed.contains("hand-off") || allowed.contains("pass-on")) {
            model.addAttribute("teams", directory.teams());
            model.addAttribute("colleagues", directory.users().stream().filter(user -> !user.equals(me.id())).toList());
        }
        if (allowed.contains("reassign")) {
            model.addAttribute("agents", directory.membersOf(Caller.AGENTS).stream()
                    .filter(user -> !kase.isOwnedBy(user)).toList());
        }
        if (allowed.contains("review-escalation")) {
            model.addAttribute("escalations", open.stream().map(WorkTask::step)
                    .map(step -> step == TaskStep.REVIEW_STALLED_HAND_OFF ? EscalationKind.HAND_OFF_STALLED
                            : step == TaskStep.REVIEW_LATE_CALLBACK ? EscalationKind.CALLBACK_LATE : null)
                    .filter(java.util.Objects::nonNull).distinct().toList());
        }
        return "pages/case";
    }

    /**
     * What the signed-in person may do now: what the case's open tasks (and, for check-ins and reassignment, its
     * status) allow, kept to what {@link CaseAccess} lets this person do.
     */
    private Set<String> allowedActions(CaseRecord kase, List<WorkTask> open, Caller me) {
        Set<String> now = new LinkedHashSet<>();
        open.stream().filter(task -> task.step() != null).forEach(task -> now.addAll(task.step().actions()));
        if (kase.status() == CaseStatus.HANDED_OFF || kase.status() == CaseStatus.QUESTION_FOR_OWNER) {
            now.add("check-in"); // an unprompted check-in is always welcome while a hand-off is open
        }
        if (kase.status().isOpen()) {
            now.add("reassign");
        }
        boolean owner = kase.isOwnedBy(me.id());
        boolean worksHandOff = kase.status() == CaseStatus.HANDED_OFF && access.isHandOffTarget(kase.number(), me)
                && access.claimedByAnother(kase.number(), me).isEmpty();
        boolean supervisor = access.maySupervise(me);
        now.removeIf(action -> switch (action) {
            case "resolve" -> !owner && !worksHandOff;
            case "send-back", "pass-on" -> !worksHandOff;
            case "reassign", "review-escalation" -> !supervisor;
            default -> OWNER_ACTIONS.contains(action) ? !owner : true;
        });
        return now;
    }

    /** The case's task offered to one of my teams that nobody has claimed yet. */
    private static Optional<WorkTask> claimable(List<WorkTask> open, Caller me) {
        return open.stream().filter(task -> task.assignee() == null && task.isOfferedToAnyOf(me.groups())).findFirst();
    }
}
