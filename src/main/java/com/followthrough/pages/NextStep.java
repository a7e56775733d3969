package com.followthrough.pages;

import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.HandOff;
import com.followthrough.security.Caller;
import com.followthrough.tasks.TaskStep;
import com.followthrough.tasks.WorkTask;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the case page leads with: who is waiting on whom, what falls due next and when, and the one action that moves
 * the case forward for the person reading it; and which of the actions they may take are for now (shown) and which
 * are for "more" (folded away). Its words are message keys ({@code case.next.…} in messages.properties).
 *
 * @param waiting     the keys of the sentence saying who waits on whom, for this reader's part and else any reader's;
 *                    its arguments the owner and the hand-off's target
 * @param nextDue     what falls due next (a key of {@code case.next.due.…}) and when; null when nothing is due
 * @param action      the action that moves the case forward for this reader (a form id without {@code action-}); null
 *                    when there is none for them
 * @param now         the actions shown up front, in page order
 * @param more        the other actions this reader may take, behind "more"
 */
record NextStep(String[] waiting, String owner, String target, Due nextDue, String action, List<String> now,
        List<String> more) {

    /** What falls due ({@code case.next.due.<what>}) and when, and whether it already passed. */
    record Due(String what, Instant at, boolean overdue) {
    }

    /** The reader's part in the case. */
    enum Role { OWNER, COLLEAGUE, SUPERVISOR, READER }

    /**
     * @param handOff      the open hand-off, else the last one (whose fix is verified), else null
     * @param allowed      what the reader may take now, in page order
     * @param claimable    the case's task offered to the reader's team and not yet claimed
     * @param followUpDue  when the next callback attempt falls due while a retry waits (no task is due then)
     */
    static NextStep of(CaseRecord kase, HandOff handOff, Instant nextCheckIn, List<WorkTask> open, Caller me,
            Role role, Set<String> allowed, WorkTask claimable, Instant followUpDue, Instant now) {
        CaseStatus status = kase.status();
        String action = action(status, role, allowed, claimable);
        Set<String> upFront = new LinkedHashSet<>();
        if (action != null && allowed.contains(action)) {
            upFront.add(action);
        }
        // What belongs with the one action: the owner's other first move, and the snooze of a due check-in.
        if (action != null && action.equals("hand-off") && allowed.contains("resolve-on-first-contact")) {
            upFront.add("resolve-on-first-contact");
        }
        if (action != null && action.equals("check-in") && allowed.contains("snooze-check-in")) {
            upFront.add("snooze-check-in");
        }
        List<String> shown = allowed.stream().filter(upFront::contains).toList();
        List<String> folded = allowed.stream().filter(taken -> !upFront.contains(taken)).toList();
        String who = status == CaseStatus.CLOSED ? "all" : role.name().toLowerCase(java.util.Locale.ROOT);
        String[] waiting = {"case.next.waiting." + status.name() + "." + who,
            "case.next.waiting." + status.name() + ".reader"};
        return new NextStep(waiting, kase.owner(), handOff == null ? "" : handOff.target().describe(),
                due(status, role, open, me, nextCheckIn, followUpDue, now), action, shown, folded);
    }

    /** The one action: the owner's step in each stage, a supervisor's review, the colleague's claim or resolve. */
    private static String action(CaseStatus status, Role role, Set<String> allowed, WorkTask claimable) {
        if (status == CaseStatus.CLOSED) {
            return "note";
        }
        if (role == Role.OWNER) {
            String step = switch (status) {
                // an outreach's case: no agent with capacity yet, then the owner's proactive contact (over the API)
                case AWAITING_AGENT -> "";
                case TO_CONTACT -> "contact";
                case WITH_OWNER -> "hand-off";
                case HANDED_OFF -> "check-in";
                case QUESTION_FOR_OWNER -> "answer";
                case AWAITING_VERIFICATION -> "verify";
                case AWAITING_CALLBACK -> "callback";
                case CALLBACK_RETRY_PENDING -> "callback-window";
                case CLOSED -> "note";
            };
            return allowed.contains(step) ? step : null;
        }
        // An escalation waits on the supervisors first; a team's hand-off is claimed before it is worked.
        if (allowed.contains("review-escalation")) {
            return "review-escalation";
        }
        if (claimable != null && claimable.step() == TaskStep.WORK_HAND_OFF) {
            return "claim";
        }
        return allowed.contains("resolve") ? "resolve" : null;
    }

    /**
     * What falls due next: the earliest due task that is the reader's (assigned to them or offered to their team),
     * else the earliest of the case; the owner's next check-in reminder while a hand-off is open; the case's
     * follow-up when no task is due (a callback retry).
     */
    private static Due due(CaseStatus status, Role role, List<WorkTask> open, Caller me, Instant nextCheckIn,
            Instant followUpDue, Instant now) {
        Comparator<WorkTask> byDue = Comparator.comparing(WorkTask::due);
        List<WorkTask> due = open.stream().filter(task -> task.due() != null && task.step() != null).toList();
        Optional<WorkTask> mine = due.stream().filter(task -> me.id().equals(task.assignee())
                || task.assignee() == null && task.isOfferedToAnyOf(me.groups())).min(byDue);
        Optional<WorkTask> first = mine.isPresent() ? mine : due.stream().min(byDue);
        Due next = first.map(task -> new Due(task.step().name(), task.due(), task.due().isBefore(now))).orElse(null);
        boolean checkInFirst = nextCheckIn != null && role == Role.OWNER
                && (status == CaseStatus.HANDED_OFF || status == CaseStatus.QUESTION_FOR_OWNER)
                && (next == null || next.what().equals("WORK_HAND_OFF") || nextCheckIn.isBefore(next.at()));
        if (checkInFirst && open.stream().noneMatch(task -> task.step() == TaskStep.CHECK_IN)) {
            return new Due("NEXT_CHECK_IN", nextCheckIn, nextCheckIn.isBefore(now));
        }
        if (next == null && followUpDue != null && status == CaseStatus.CALLBACK_RETRY_PENDING) {
            return new Due("CALLBACK_RETRY", followUpDue, followUpDue.isBefore(now));
        }
        return next;
    }
}
