package com.followthrough.workflow;

import com.followthrough.demo.DemoTimers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo seeder's shortcut through waiting times: runs a case's timer job at once (demo profile only). */
@Component
@Profile("demo")
class CamundaDemoTimers implements DemoTimers {

    private final RuntimeService runtime;
    private final ManagementService management;

    CamundaDemoTimers(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public void fireNow(String caseNumber, String timerId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcess.KEY).singleResult();
        if (instance == null) {
            return;
        }
        management.createJobQuery().processInstanceId(instance.getId()).activityId(timerId).list()
                .forEach(job -> management.executeJob(job.getId()));
    }
}
