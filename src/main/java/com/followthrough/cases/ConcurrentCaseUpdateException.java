package com.followthrough.cases;

/** Someone else changed the case at the same moment; nothing of this action was saved. Reload and retry. */
public class ConcurrentCaseUpdateException extends RuntimeException {

    public ConcurrentCaseUpdateException(String caseNumber, Throwable cause) {
        super("Case " + caseNumber + " was changed by someone else at the same time; reload it and try again", cause);
    }
}
