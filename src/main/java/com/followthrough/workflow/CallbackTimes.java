package com.followthrough.workflow;

import com.followthrough.cases.CallbackWindows;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The callback's times as the model reads them ({@code ${callbackTimes.due(execution)}}): the policy's intervals moved
 * into the customer's callback window, if they named one, so the task, its reminder, its escalation and the retry agree
 * with the due time stored on the case. When the window changes, the flow has the engine re-read them
 * ({@link CamundaCaseFlow#callbackWindowChanged}).
 */
@Component("callbackTimes")
public class CallbackTimes {

    private final CallbackWindows windows;

    CallbackTimes(CallbackWindows windows) {
        this.windows = windows;
    }

    /** The callback task's due date, and when the owner is reminded. */
    public Date due(DelegateExecution execution) {
        return Date.from(windows.callbackDue(execution.getProcessBusinessKey()));
    }

    /** When a callback not made is escalated to supervisors. */
    public Date lateAt(DelegateExecution execution) {
        return Date.from(windows.callbackLate(execution.getProcessBusinessKey()));
    }

    /** When the next attempt after an unanswered one falls due. */
    public Date retryAt(DelegateExecution execution) {
        return Date.from(windows.retryAt(execution.getProcessBusinessKey()));
    }
}
