package com.followthrough.workflow;

import com.followthrough.cases.CaseProgress;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The hand-off's check-in timer ({@code ${checkInClock.nextDue(execution)}}): it is set to the time our records say the
 * next check-in reminder falls due, on the policy's rhythm or at a promised or snoozed time. When that time moves, the
 * flow has the engine re-read this expression ({@link CamundaCaseFlow#checkInRescheduled}).
 */
@Component("checkInClock")
public class CheckInClock {

    private final CaseProgress progress;

    CheckInClock(CaseProgress progress) {
        this.progress = progress;
    }

    public Date nextDue(DelegateExecution execution) {
        return Date.from(progress.nextCheckInDue(execution.getProcessBusinessKey()));
    }
}
