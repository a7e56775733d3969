package com.followthrough.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo seeder's shortcut through waiting times: runs a case's timer job at once (demo profile only). */
@Component
@Profile("demo")
class CamundaDemoTimers implements DemoTimers {

    /** The escalation of a stalled hand-off: not in {@link CaseProcess.Timers}, as the application never moves it. */
    private static final String HAND_OFF_STALLED = "StartEvent_HandOffStalled";

    private final RuntimeService runtime;
    private final ManagementService management;

    CamundaDemoTimers(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public void fireNow(String caseNumber, Timer timer) {
        String timerId = switch (timer) {
            case CHECK_IN_DUE -> CaseProcess.Timers.CHECK_IN_DUE;
            case HAND_OFF_STALLED -> HAND_OFF_STALLED;
            case RETRY_AFTER -> CaseProcess.Timers.RETRY_AFTER;
        };
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcess.KEY).singleResult();
        if (instance == null) {
            return;
        }
        management.createJobQuery().processInstanceId(instance.getId()).activityId(timerId).list()
                .forEach(job -> management.executeJob(job.getId()));
    }
}
