package com.followthrough.workflow;

import com.followthrough.cases.OutreachCases;
import com.followthrough.cases.SharedHandOffs;
import com.followthrough.outreach.Capacity;
import com.followthrough.outreach.OutreachLaunch;
import com.followthrough.outreach.OutreachProperties;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code processes/outreach.bpmn}, and the outreach steps of the case model, by the bean names the models
 * use. Each batch step reads and writes its cursor as a process variable, so a retried job repeats only its own batch.
 */
@Configuration(proxyBeanMethods = false)
class OutreachModelSteps {

    @Bean
    JavaDelegate startOutreachBatch(OutreachLaunch launch) {
        return execution -> execution.setVariable(OutreachProcess.Variables.ALL_STARTED,
                launch.startBatch(execution.getProcessBusinessKey()));
    }

    @Bean
    JavaDelegate withdrawOutreachBatch(OutreachLaunch launch) {
        return batches(launch::withdrawBatch, OutreachProcess.Variables.WITHDRAW_CURSOR,
                OutreachProcess.Variables.WITHDRAW_DONE);
    }

    @Bean
    JavaDelegate releaseSharedHandOffBatch(OutreachLaunch launch) {
        return batches(launch::releaseBatch, OutreachProcess.Variables.RELEASE_CURSOR,
                OutreachProcess.Variables.RELEASE_DONE);
    }

    /** A step that does one batch after its cursor, keeping the cursor and whether it was the last one. */
    private static JavaDelegate batches(java.util.function.BiFunction<String, Long, OutreachLaunch.Batch> step,
            String cursorVariable, String doneVariable) {
        return execution -> {
            OutreachLaunch.Batch batch = step.apply(execution.getProcessBusinessKey(),
                    cursor(execution, cursorVariable));
            execution.setVariable(cursorVariable, batch.cursor());
            execution.setVariable(doneVariable, batch.done());
        };
    }

    @Bean
    JavaDelegate outreachProgressCheck(OutreachLaunch launch) {
        return execution -> execution.setVariable(OutreachProcess.Variables.ALL_CLOSED,
                launch.allClosed(execution.getProcessBusinessKey()));
    }

    /** The case model: a case waiting for an agent tries to get one (the gateway after it reads the owner). */
    @Bean
    JavaDelegate assignAgent(Capacity capacity) {
        return execution -> capacity.assign(execution.getProcessBusinessKey());
    }

    /** The case model: the outreach's shared hand-off is resolved; the case's own hand-off ends with it. */
    @Bean
    JavaDelegate resolveSharedHandOff(OutreachCases cases, SharedHandOffs shared) {
        return execution -> {
            String number = execution.getProcessBusinessKey();
            cases.sharedHandOffResolved(number, shared.of(number).filter(SharedHandOffs.Shared::isResolved)
                    .orElseThrow(() -> new IllegalStateException("The shared hand-off of " + number
                            + " is not resolved")));
        };
    }

    /** For the outreach model's gateway: whether the outreach is paused. */
    @Bean("outreachFacts")
    OutreachFacts outreachFacts(OutreachLaunch launch) {
        return new OutreachFacts(launch);
    }

    /** The outreach model's timers, from {@code followthrough.outreach}. */
    @Bean("outreachClock")
    OutreachClock outreachClock(OutreachProperties properties) {
        return new OutreachClock(properties);
    }

    /** The case model's timer of a case waiting for an agent: when the next day's places open. */
    @Bean("outreachCapacity")
    OutreachCapacity outreachCapacity(Capacity capacity) {
        return new OutreachCapacity(capacity);
    }

    private static long cursor(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? 0L : ((Number) value).longValue();
    }

    public record OutreachFacts(OutreachLaunch launch) {
        public boolean paused(DelegateExecution execution) {
            return launch.paused(execution.getProcessBusinessKey());
        }
    }

    public record OutreachClock(OutreachProperties properties) {
        public String lookAgainAfter() {
            return properties.lookAgainAfter().toString();
        }

        public String progressCheckAfter() {
            return properties.progressCheckAfter().toString();
        }
    }

    public record OutreachCapacity(Capacity capacity) {
        public Date nextTry(DelegateExecution execution) {
            return Date.from(capacity.nextTry());
        }
    }
}
