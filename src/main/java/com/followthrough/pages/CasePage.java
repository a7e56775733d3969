package com.followthrough.pages;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackWindows;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStateException;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.CheckInState;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.ConcurrentCaseUpdateException;
import com.followthrough.cases.Directory;
import com.followthrough.cases.EscalationKind;
import com.followthrough.cases.HandOff;
import com.followthrough.cases.InvalidCaseInputException;
import com.followthrough.casework.CaseAccess;
import com.followthrough.policy.ReaderTime;
import com.followthrough.security.Caller;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page as its controllers show it: customer, owner, where the case is, its reminders and the times people
 * gave, its timeline and notes, and as forms only the actions the signed-in person may take now; and how an action's
 * outcome is shown (post-redirect-get, or the page again with the reason).
 */
@Component
class CasePage {

    /** Where a field the lifecycle refuses is shown, per action: the service's field → the form's. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("newOwner", "newOwner"),
            Map.entry("promisedBy", "promisedBy"),
            Map.entry("until", "snoozeUntil"),
            Map.entry("date", "windowDate"),
            Map.entry("to", "windowTo"),
            Map.entry("nextWindow.date", "nextWindowDate"),
            Map.entry("nextWindow.to", "nextWindowTo"));

    /** Time zones offered for the customer (any zone ID may be typed). */
    static final List<String> COMMON_ZONES = List.of("Europe/Berlin", "Europe/London", "Europe/Paris",
            "Europe/Madrid", "Europe/Rome", "Europe/Warsaw", "Europe/Istanbul", "America/New_York", "America/Chicago",
            "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Dubai", "Asia/Kolkata",
            "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "UTC");

    private final CaseService cases;
    private final CaseAccess access;
    private final TaskList tasks;
    private final Directory directory;
    private final CheckIns checkIns;
    private final CallbackWindows windows;
    private final ReaderTime readerTime;
    private final Labels labels;
    private final Clock clock;
    private final AllowedActions mayDo;
    private final CasePageWords words;

    CasePage(CaseService cases, CaseAccess access, TaskList tasks, Directory directory, CheckIns checkIns,
            CallbackWindows windows, ReaderTime readerTime, Labels labels, Clock clock, AllowedActions mayDo,
            CasePageWords words) {
        this.cases = cases;
        this.access = access;
        this.tasks = tasks;
        this.directory = directory;
        this.checkIns = checkIns;
        this.windows = windows;
        this.readerTime = readerTime;
        this.labels = labels;
        this.clock = clock;
        this.mayDo = mayDo;
        this.words = words;
    }

    /** A step that changes the case and says, for the next page, what it did. */
    @FunctionalInterface
    interface Step {
        String run();
    }

    /**
     * Runs a checked action and goes back to the case page (post-redirect-get). Invalid input or a refusal shows the
     * page again at once, the typed text kept and the reason beside the form; nothing of the action was saved.
     */
    String act(String number, String action, BindingResult errors, Caller me, Model model,
            HttpServletResponse response, RedirectAttributes flash, Step step) {
        if (!errors.hasErrors()) {
            try {
                flash.addFlashAttribute("message", step.run());
                return "redirect:/cases/" + number;
            } catch (InvalidCaseInputException e) {
                // An unknown colleague, team or new owner, or a time that does not fit: shown at its field.
                String field = switch (e.field()) {
                    case "team", "colleague" -> action.equals("pass-on") ? "passOnTarget" : "handOffTarget";
                    default -> FIELDS.get(e.field());
                };
                Violations.reject(errors, field, e);
            } catch (CaseStateException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("problem", words.refusal(action, e));
                model.addAttribute("failedAction", action);
                return render(number, me, model);
            } catch (ConcurrentCaseUpdateException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("problem", words.say(e));
                model.addAttribute("failedAction", action);
                return render(number, me, model);
            } catch (TaskConflictException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("problem", words.say(e));
                model.addAttribute("failedAction", action);
                return render(number, me, model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("failedAction", action);
        return render(number, me, model);
    }

    String render(String number, Caller me, Model model) {
        CaseRecord kase = access.readable(number, me);
        List<HandOff> handOffs = cases.handOffs(number);
        List<WorkTask> open = tasks.ofCase(number);
        Set<String> allowed = mayDo.now(kase, open, me);
        ZoneId reader = readerTime.zoneOf(me.id());
        model.addAttribute("kase", kase);
        model.addAttribute("outcomes", java.util.Arrays.stream(CallbackOutcome.values())
                .filter(outcome -> outcome != CallbackOutcome.WITHDRAWN).toList());
        // Thymeleaf allows no bean calls in link attributes: the tel: link is made here.
        model.addAttribute("customerTel", labels.tel(kase.customer().phone()));
        String customerZone = kase.customer().timeZone() != null ? kase.customer().timeZone()
                : readerTime.calendarZone().getId();
        model.addAttribute("customerZone", customerZone);
        if (model.getAttribute("form") instanceof FollowUpTimesForm form && form.getWindowZone() == null) {
            form.setWindowZone(customerZone);
        }
        model.addAttribute("callbackWindow", windows.of(number)
                .map(window -> labels.window(window, clock.instant(), reader)).orElse(null));
        CheckInState reminders = checkIns.current(number).orElse(null);
        model.addAttribute("checkIns", reminders);
        model.addAttribute("handOff", handOffs.stream().filter(HandOff::isOpen).reduce((a, b) -> b).orElse(null));
        model.addAttribute("handOffs", handOffs);
        ReaderClock times = words.clock(readerTime, me.id(), clock.instant());
        model.addAttribute("timeline", words.timeline(cases.timeline(number), times));
        model.addAttribute("notes", cases.notes(number));
        model.addAttribute("callbacks", cases.callbacks(number));
        model.addAttribute("linkedCases", cases.linkedCases(number));
        model.addAttribute("openTasks", open);
        model.addAttribute("actions", allowed);
        model.addAttribute("zones", COMMON_ZONES);
        WorkTask claimable = claimable(open, me).orElse(null);
        model.addAttribute("claimable", claimable);
        HandOff current = handOffs.isEmpty() ? null : handOffs.get(handOffs.size() - 1);
        NextStep next = NextStep.of(kase, current, reminders == null ? null : reminders.nextDue(),
                open, me, mayDo.role(kase, me), allowed, claimable, kase.status() == CaseStatus.CALLBACK_RETRY_PENDING
                        ? windows.retryAt(number) : null, clock.instant());
        model.addAttribute("next", next);
        model.addAttribute("nextDue", words.due(next));
        model.addAttribute("nextWaiting", words.waiting(next, kase));
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
            model.addAttribute("escalations", open.stream().map(WorkTask::step).map(CasePage::escalation)
                    .filter(java.util.Objects::nonNull).distinct().toList());
        }
        return "pages/case";
    }

    private static EscalationKind escalation(TaskStep step) {
        return step == null ? null : switch (step) {
            case REVIEW_STALLED_HAND_OFF -> EscalationKind.HAND_OFF_STALLED;
            case REVIEW_LATE_CALLBACK -> EscalationKind.CALLBACK_LATE;
            case REVIEW_UNWORKED_CASE -> EscalationKind.FIRST_ACTION_LATE;
            case REVIEW_UNVERIFIED_FIX -> EscalationKind.VERIFICATION_LATE;
            default -> null;
        };
    }

    /** The case's task offered to one of my teams that nobody has claimed yet. */
    private static Optional<WorkTask> claimable(List<WorkTask> open, Caller me) {
        return open.stream().filter(task -> task.assignee() == null && task.isOfferedToAnyOf(me.groups())).findFirst();
    }
}
