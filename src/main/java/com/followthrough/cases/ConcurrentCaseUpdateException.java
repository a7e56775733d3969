package com.followthrough.cases;

import com.followthrough.policy.WordedException;
import org.springframework.dao.ConcurrencyFailureException;

/** Someone else changed the case at the same moment; nothing of this action was saved. Reload and retry. */
public class ConcurrentCaseUpdateException extends WordedException {

    public ConcurrentCaseUpdateException(String caseNumber, Throwable cause) {
        super("Case " + caseNumber + " was changed by someone else at the same time; reload it and try again", cause);
        words("problem.case.concurrent", caseNumber);
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
