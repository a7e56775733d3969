package com.followthrough.workflow;

import com.followthrough.cases.CaseProgress;
import com.followthrough.cases.OutreachCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the model reads about its case, from the case itself ({@code ${caseFacts.owner(execution)}}): the owner its
 * tasks are assigned to and the callback attempt its "attempts left?" gateway compares with the policy. The case keeps
 * them; the process holds no copy, so a reassignment or a counted attempt needs nothing kept in step. Read through the
 * step's own transaction, which has usually loaded the case already.
 */
@Component("caseFacts")
public class CaseFacts {

    private final CaseProgress cases;
    private final OutreachCases outreachCases;

    CaseFacts(CaseProgress cases, OutreachCases outreachCases) {
        this.cases = cases;
        this.outreachCases = outreachCases;
    }

    public String owner(DelegateExecution execution) {
        return cases.current(execution.getProcessBusinessKey()).owner();
    }

    public int callbackAttempt(DelegateExecution execution) {
        return cases.current(execution.getProcessBusinessKey()).callbackAttempts();
    }

    /** Whether the outreach's shared hand-off the case joins (or waits for) has been resolved. */
    public boolean sharedHandOffResolved(DelegateExecution execution) {
        return outreachCases.sharedHandOffResolved(execution.getProcessBusinessKey());
    }
}
