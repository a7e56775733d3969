package com.followthrough.dashboard;

import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.EscalationKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The owner's own steps that are escalated when late (hand-offs are escalated as
 * {@link EscalationKind#HAND_OFF_STALLED} with their team): each is a row of "escalations per team" under its own
 * name, since it has no team, and an open escalation while the case is still at that step
 * ({@link OpenFigure#OPEN_ESCALATIONS}).
 */
enum OwnerEscalation {
    LATE_CALLBACKS("(late callbacks)", EscalationKind.CALLBACK_LATE, CaseStatus.AWAITING_CALLBACK),
    /** Cases left with their owner, neither handed off nor resolved. */
    CASES_NOT_WORKED("(cases not worked)", EscalationKind.FIRST_ACTION_LATE, CaseStatus.WITH_OWNER),
    /** Fixes the owner did not verify. */
    FIXES_NOT_VERIFIED("(fixes not verified)", EscalationKind.VERIFICATION_LATE, CaseStatus.AWAITING_VERIFICATION);

    /** The row's name in "escalations per team", and the {@code escalatedTeam} of its list. */
    final String row;
    final EscalationKind kind;
    /** The stage the case is in while the escalated step is open. */
    final CaseStatus step;

    OwnerEscalation(String row, EscalationKind kind, CaseStatus step) {
        this.row = row;
        this.kind = kind;
        this.step = step;
    }

    static Optional<OwnerEscalation> byRow(String row) {
        return Arrays.stream(values()).filter(escalation -> escalation.row.equals(row)).findFirst();
    }

    static List<EscalationKind> kinds() {
        return Arrays.stream(values()).map(escalation -> escalation.kind).toList();
    }
}
