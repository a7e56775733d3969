package com.followthrough.cases;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;

/** Someone else changed the case at the same moment; nothing of this action was saved. Reload and retry. */
public class ConcurrentCaseUpdateException extends RuntimeException implements MessageSourceResolvable {

    private final String caseNumber;

    public ConcurrentCaseUpdateException(String caseNumber, Throwable cause) {
        super("Case " + caseNumber + " was changed by someone else at the same time; reload it and try again", cause);
        this.caseNumber = caseNumber;
    }

    /** The page's words ({@code problem.case.concurrent}); the API says {@link #getMessage()}. */
    @Override
    public String[] getCodes() {
        return new String[] {"problem.case.concurrent"};
    }

    @Override
    public Object[] getArguments() {
        return new Object[] {caseNumber};
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }

    /** Has the engine take a step of the case's process, turning the engine's concurrency failure into ours. */
    static void onConflict(String caseNumber, Runnable step) {
        try {
            step.run();
        } catch (ConcurrencyFailureException e) {
            throw new ConcurrentCaseUpdateException(caseNumber, e);
        }
    }
}
