package com.followthrough.pages;

import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStatus;
import com.followthrough.casework.CaseAccess;
import com.followthrough.casework.CaseActions;
import com.followthrough.security.Caller;
import com.followthrough.tasks.WorkTask;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Which actions of the case page a person may take now, in the page's order, and their part in the case. */
@Component
class AllowedActions {

    /** Actions only the owner takes (the API's owner endpoints). */
    private static final Set<String> OWNER_ACTIONS = Arrays.stream(CaseActions.Action.values())
            .filter(CaseActions.Action::isOwners).map(CaseActions.Action::path).collect(Collectors.toSet());

    /** The order the page shows the forms in: the owner's, the colleague's, the owner's later ones, supervisors'. */
    private static final List<String> PAGE_ORDER = List.of("contact", "hand-off", "resolve-on-first-contact", "resolve",
            "send-back", "pass-on", "answer", "verify", "callback", "check-in", "snooze-check-in", "callback-window",
            "review-escalation", "reassign");

    private final CaseAccess access;

    AllowedActions(CaseAccess access) {
        this.access = access;
    }

    /**
     * What the signed-in person may do now: what the case's open tasks (and, for check-ins, the callback window and
     * reassignment, its status) allow, kept to what {@link CaseAccess} lets this person do.
     */
    Set<String> now(CaseRecord kase, List<WorkTask> open, Caller me) {
        Set<String> now = new LinkedHashSet<>();
        open.stream().filter(task -> task.step() != null).forEach(task -> now.addAll(task.step().actions()));
        if (kase.status() == CaseStatus.HANDED_OFF || kase.status() == CaseStatus.QUESTION_FOR_OWNER) {
            now.add("check-in"); // an unprompted check-in is always welcome while a hand-off is open
        }
        if (kase.status().isOpen()) {
            now.add("callback-window");
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
        Set<String> inPageOrder = new LinkedHashSet<>(PAGE_ORDER);
        inPageOrder.retainAll(now);
        return inPageOrder;
    }

    NextStep.Role role(CaseRecord kase, Caller me) {
        return kase.isOwnedBy(me.id()) ? NextStep.Role.OWNER
                : access.isHandOffTarget(kase.number(), me) ? NextStep.Role.COLLEAGUE
                : access.maySupervise(me) ? NextStep.Role.SUPERVISOR : NextStep.Role.READER;
    }
}
