package com.followthrough.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * The statuses the auditor expects come from the model's own listeners: read from {@code processes/customer-case.bpmn}
 * as packaged, and from a model written here with a step the real one does not have.
 */
class ModelStagesTests {

    @Test
    void theCustomerCaseModel_eachWaitingStepStandsForItsStatus_remindersAndEscalationsForNone() throws Exception {
        ModelStages stages;
        try (InputStream model = getClass().getResourceAsStream("/processes/customer-case.bpmn")) {
            stages = ModelStages.of(Bpmn.readModelFromStream(model));
        }

        assertThat(stages.statusAt("Task_WorkCase")).contains("WITH_OWNER");
        assertThat(stages.statusAt("Task_WorkHandOff")).contains("HANDED_OFF");
        assertThat(stages.statusAt("Task_AnswerQuestion")).contains("QUESTION_FOR_OWNER");
        assertThat(stages.statusAt("Task_VerifyResolution")).contains("AWAITING_VERIFICATION");
        // The attempt sub-process enters AWAITING_CALLBACK (startCallbackAttempt); what runs inside it stands for it.
        assertThat(stages.statusAt("SubProcess_CallbackAttempt")).contains("AWAITING_CALLBACK");
        assertThat(stages.statusAt("Task_CallCustomerBack")).contains("AWAITING_CALLBACK");
        assertThat(stages.statusAt("Task_ReviewLateCallback")).contains("AWAITING_CALLBACK");
        // While the retry waits, the engine stands at the event-based gateway (retry time, or the customer's answer).
        assertThat(stages.statusAt("Gateway_RetryOrAnswer")).contains("CALLBACK_RETRY_PENDING");
        // An outreach's case: waiting for an agent with capacity, then the proactive contact; the shared hand-off.
        assertThat(stages.statusAt("TimerEvent_CapacityFrees")).contains("AWAITING_AGENT");
        assertThat(stages.statusAt("Task_ContactCustomer")).contains("TO_CONTACT");
        assertThat(stages.statusAt("Task_WaitSharedHandOff")).contains("HANDED_OFF");
        // The hand-off sub-process itself enters nothing: a check-in or an escalation review says nothing alone.
        assertThat(stages.statusAt("SubProcess_HandOff")).isEmpty();
        assertThat(stages.statusAt("Task_CheckIn")).isEmpty();
        assertThat(stages.statusAt("Task_ReviewStalledHandOff")).isEmpty();
        assertThat(stages.statusAt("No_Such_Activity")).isEmpty();
    }

    @Test
    void aNewStepWithItsOwnStatus_isAuditedAsItIsDeployed_theNearestEnclosingStatusWins() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("CustomerCase")
                .startEvent()
                .subProcess("SubProcess_Waiting")
                .camundaExecutionListenerExpression("start", "${caseStages.enter(execution, 'WAITING_FOR_PARTS')}")
                .embeddedSubProcess()
                .startEvent()
                .userTask("Task_OrderParts")
                .userTask("Task_ChaseSupplier")
                .camundaExecutionListenerExpression("start", "${caseStages.enter( execution , 'CHASING' )}")
                .endEvent()
                .subProcessDone()
                .userTask("Task_Plain")
                .camundaExecutionListenerExpression("end", "${caseStages.enter(execution, 'NOT_ON_START')}")
                .endEvent()
                .done();

        ModelStages stages = ModelStages.of(model);

        assertThat(stages.statusAt("Task_OrderParts")).contains("WAITING_FOR_PARTS");
        assertThat(stages.statusAt("Task_ChaseSupplier")).contains("CHASING");
        assertThat(stages.statusAt("Task_Plain")).isEmpty();
    }
}
