package com.followthrough.cases;

import com.followthrough.policy.WordedException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The case is not in a state that allows the action; nothing was changed. */
public class CaseStateException extends WordedException {

    private final String caseNumber;
    private final String action;
    private final CaseStatus status;

    public CaseStateException(String caseNumber, String action, CaseStatus status, String reason) {
        super("Cannot " + action + " case " + caseNumber + " while it is " + status + ": " + reason);
        this.caseNumber = caseNumber;
        this.action = action;
        this.status = status;
        // A page's words, whatever the action: "Case FT-… is closed, so nothing more can be done on it."
        words("problem.case.refused." + status.name(), caseNumber,
                new DefaultMessageSourceResolvable(new String[] {"case.state." + status.name()}, status.name()));
    }

    /** Tries the status's own sentence ({@code problem.case.refused.CLOSED}) first, then the general one. */
    @Override
    public String[] getCodes() {
        return new String[] {super.getCodes()[0], "problem.case.refused"};
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String action() {
        return action;
    }

    public CaseStatus status() {
        return status;
    }
}
