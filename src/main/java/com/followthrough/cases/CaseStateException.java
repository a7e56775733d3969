package com.followthrough.cases;

/** The case is not in a state that allows the action; nothing was changed. */
public class CaseStateException extends RuntimeException {

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
}
