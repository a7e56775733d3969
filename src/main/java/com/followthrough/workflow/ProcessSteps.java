package com.followthrough.workflow;

import com.followthrough.cases.CaseProgress;
import com.followthrough.cases.EscalationKind;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and task listeners of the model, by the bean names the model uses. Each does one thing. */
@Configuration(proxyBeanMethods = false)
class ProcessSteps {

    /** A check-in fell due: count it, and create a check-in task unless one is still open. */
    @Bean
    JavaDelegate checkInDue(CaseProgress progress, TaskService tasks) {
        return execution -> {
            progress.checkInDue(execution.getProcessBusinessKey());
            boolean open = execution instanceof ExecutionEntity entity ? waitsAt(entity.getProcessInstance(),
                    CaseProcess.Tasks.CHECK_IN)
                    : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                            .taskDefinitionKey(CaseProcess.Tasks.CHECK_IN).count() > 0;
            execution.setVariableLocal(CaseProcess.Variables.CHECK_IN_ALREADY_OPEN, open);
        };
    }

    /**
     * Whether an execution of the instance waits at the activity (an open user task has one there), read from the
     * execution tree the engine holds for the step (fetched once per instance, then in memory) instead of a task query:
     * one query less per check-in reminder, the storm's step (BENCHMARKS.md, "Issue 20 at night").
     */
    static boolean waitsAt(ExecutionEntity execution, String activityId) {
        if (activityId.equals(execution.getActivityId())) {
            return true;
        }
        for (ExecutionEntity child : execution.getExecutions()) {
            if (waitsAt(child, activityId)) {
                return true;
            }
        }
        return false;
    }

    @Bean
    JavaDelegate callbackDue(CaseProgress progress) {
        return execution -> progress.callbackDue(execution.getProcessBusinessKey());
    }

    /** The case has been with its owner for the first-action time: remind them. */
    @Bean
    JavaDelegate firstActionDue(CaseProgress progress) {
        return execution -> progress.firstActionDue(execution.getProcessBusinessKey());
    }

    /** The fix has waited for verification for the verification time: remind the owner. */
    @Bean
    JavaDelegate verificationDue(CaseProgress progress) {
        return execution -> progress.verificationDue(execution.getProcessBusinessKey());
    }

    /** An escalation (the step's input {@code escalation}) is still unreviewed: remind the supervisors again. */
    @Bean
    JavaDelegate escalationUnreviewed(CaseProgress progress) {
        return execution -> progress.escalationUnreviewed(execution.getProcessBusinessKey(),
                EscalationKind.valueOf((String) execution.getVariableLocal(CaseProcess.Variables.ESCALATION)));
    }

    @Bean
    JavaDelegate reopenCase(CaseProgress progress) {
        return execution -> progress.reopen(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate openLinkedCase(CaseProgress progress) {
        return execution -> progress.openLinkedCase(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate writtenFollowUp(CaseProgress progress) {
        return execution -> progress.writtenFollowUp(execution.getProcessBusinessKey());
    }

    /** Routes a hand-off task to the named colleague, or offers it to the team. */
    @Bean
    TaskListener handOffRouting() {
        return task -> {
            String colleague = (String) task.getVariable(CaseProcess.Variables.HAND_OFF_COLLEAGUE);
            String team = (String) task.getVariable(CaseProcess.Variables.HAND_OFF_TEAM);
            if (colleague != null) {
                task.setAssignee(colleague);
            } else {
                task.addCandidateGroup(team);
            }
        };
    }
}
