package com.followthrough.cases;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The case is not in a state that allows the action; nothing was changed. */
public class CaseStateException extends RuntimeException implements MessageSourceResolvable {

    private final String caseNumber;
    private final String action;
    private final CaseStatus status;

    public CaseStateException(String caseNumber, String action, CaseStatus status, String reason) {
        super("Cannot " + action + " case " + caseNumber + " while it is " + status + ": " + reason);
        this.caseNumber = caseNumber;
        this.action = action;
        this.status = status;
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

    /**
     * The page's words, in the reader's language: "Case FT-… is closed, so nothing more can be done on it." ({@code
     * problem.case.refused.<STATUS>}, else {@code problem.case.refused}); the API says {@link #getMessage()}.
     */
    @Override
    public String[] getCodes() {
        return new String[] {"problem.case.refused." + status.name(), "problem.case.refused"};
    }

    @Override
    public Object[] getArguments() {
        return new Object[] {caseNumber,
            new DefaultMessageSourceResolvable(new String[] {"case.state." + status.name()}, status.name())};
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
