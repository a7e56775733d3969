package com.followthrough.casework;

import com.followthrough.security.NotAllowedException;
import com.followthrough.cases.CaseNotFoundException;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOff;
import com.followthrough.security.Caller;
import com.followthrough.tasks.CaseVisibility;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskList;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a case. Owners act on their cases; the colleague or team a case is handed off to works the
 * hand-off (resolve, send back, pass on); supervisors read every case, reassign owners and review escalations.
 * <p>A case the caller may not see does not exist for them: every question about it is answered as for an unknown
 * number ({@link CaseNotFoundException}, 404, the same words), so neither the answer nor its details tell whether the
 * case exists, who owns it or who holds its tasks. Someone who may see the case but not take the action is refused
 * with {@link AccessDeniedException} (403). Whether the case's state allows an action is the lifecycle's business
 * (409): a person who may act but comes at the wrong moment learns that, not that they are not allowed.
 * <p>Public for the pages, which ask the same questions ({@code may…}) to show only the actions a person may take.
 */
@Component
public class CaseAccess implements CaseVisibility {

    private final CaseService cases;
    private final TaskList tasks;

    CaseAccess(CaseService cases, TaskList tasks) {
        this.cases = cases;
        this.tasks = tasks;
    }

    public boolean mayOpenCases(Caller caller) {
        return caller.isAgent() || caller.isSupervisor();
    }

    public void requireIntake(Caller caller) {
        if (!mayOpenCases(caller)) {
            throw new NotAllowedException("Only agents and supervisors open cases", "problem.forbidden.intake");
        }
    }

    /** Reads the case; 404 when it does not exist or the caller may not see it. */
    public CaseRecord readable(String number, Caller caller) {
        CaseRecord record = cases.get(number);
        if (!maySee(record, caller)) {
            throw new CaseNotFoundException(number);
        }
        return record;
    }

    @Override
    public boolean maySee(String caseNumber, Caller caller) {
        try {
            return maySee(cases.get(caseNumber), caller);
        } catch (CaseNotFoundException e) {
            return false;
        }
    }

    public CaseRecord ownerAction(String number, Caller caller, String action) {
        CaseRecord record = readable(number, caller);
        if (!record.isOwnedBy(caller.id())) {
            throw new NotAllowedException("Only the case's owner (" + record.owner() + ") may " + action,
                    "problem.forbidden.owner", record.owner());
        }
        return record;
    }

    /**
     * Resolve, send back, pass on: the colleague or a member of the team the case was last handed off to (and, for
     * {@code ownerMayToo}, the owner). A hand-off task a team member has claimed is theirs alone.
     */
    public CaseRecord handOffAction(String number, Caller caller, String action, boolean ownerMayToo) {
        CaseRecord record = cases.get(number);
        List<HandOff> handOffs = cases.handOffs(number);
        if (!maySee(record, caller, handOffs)) {
            throw new CaseNotFoundException(number);
        }
        boolean owner = ownerMayToo && record.isOwnedBy(caller.id());
        HandOff last = handOffs.isEmpty() ? null : handOffs.get(handOffs.size() - 1);
        boolean target = last != null && targets(last, caller);
        if (!owner && !target) {
            throw new NotAllowedException("Only " + (last == null ? "the colleague or team it is handed off to"
                    : last.target().describe()) + (ownerMayToo ? " or the owner" : "") + " may " + action,
                    "problem.forbidden.handOff");
        }
        if (!owner) {
            claimedByAnother(number, caller).ifPresent(holder -> {
                throw new TaskConflictException("The hand-off task is claimed by " + holder
                        + "; they may " + action + ", or unclaim it first").words("problem.task.claimedBy", holder);
            });
        }
        return record;
    }

    /** Whether the caller is the colleague, or a member of the team, the case was last handed off to. */
    public boolean isHandOffTarget(String number, Caller caller) {
        HandOff last = lastHandOff(number);
        return last != null && targets(last, caller);
    }

    /** Who holds the case's hand-off task, when someone other than the caller has claimed it. */
    public Optional<String> claimedByAnother(String number, Caller caller) {
        return tasks.ofCase(number).stream()
                .filter(task -> task.step() == TaskStep.WORK_HAND_OFF && task.assignee() != null
                        && !task.assignee().equals(caller.id()))
                .map(WorkTask::assignee)
                .findFirst();
    }

    public boolean maySupervise(Caller caller) {
        return caller.isSupervisor();
    }

    public CaseRecord supervisorAction(String number, Caller caller, String action) {
        CaseRecord record = readable(number, caller);
        if (!maySupervise(caller)) {
            throw new NotAllowedException("Only supervisors may " + action, "problem.forbidden.supervisors");
        }
        return record;
    }

    /** Supervisors see every case; others the cases they own or that were ever handed off to them or their teams. */
    private boolean maySee(CaseRecord record, Caller caller) {
        return caller.isSupervisor() || record.isOwnedBy(caller.id())
                || maySee(record, caller, cases.handOffs(record.number()));
    }

    private static boolean maySee(CaseRecord record, Caller caller, List<HandOff> handOffs) {
        return caller.isSupervisor() || record.isOwnedBy(caller.id())
                || handOffs.stream().anyMatch(handOff -> targets(handOff, caller));
    }

    private HandOff lastHandOff(String number) {
        List<HandOff> handOffs = cases.handOffs(number);
        return handOffs.isEmpty() ? null : handOffs.get(handOffs.size() - 1);
    }

    private static boolean targets(HandOff handOff, Caller caller) {
        return caller.id().equals(handOff.target().colleague()) || caller.isMemberOf(handOff.target().team());
    }
}
