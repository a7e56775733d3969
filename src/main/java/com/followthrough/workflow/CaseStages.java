package com.followthrough.workflow;

import com.followthrough.cases.CaseProgress;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.EscalationKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Called by the model's execution listeners ({@code ${caseStages.enter(execution, 'HANDED_OFF')}}): records on the case
 * where the process now is, in the same transaction. Each call is one transition of the case, through {@link
 * CaseProgress}; none calls the lifecycle's services back.
 */
@Component("caseStages")
public class CaseStages {

    private final CaseProgress progress;

    CaseStages(CaseProgress progress) {
        this.progress = progress;
    }

    public void enter(DelegateExecution execution, String status) {
        progress.enterStage(execution.getProcessBusinessKey(), CaseStatus.valueOf(status));
    }

    public void close(DelegateExecution execution, String closedAs) {
        progress.close(execution.getProcessBusinessKey(), ClosedAs.valueOf(closedAs));
    }

    public void escalate(DelegateExecution execution, String kind) {
        progress.escalate(execution.getProcessBusinessKey(), EscalationKind.valueOf(kind));
    }

    /** A callback attempt starts: the case counts it and awaits the callback. */
    public void startCallbackAttempt(DelegateExecution execution) {
        int attempt = progress.startCallbackAttempt(execution.getProcessBusinessKey());
        if (LegacyVariables.carriesCopies(execution)) {
            execution.setVariable(CaseProcess.Variables.CALLBACK_ATTEMPT, attempt);
        }
    }
}
