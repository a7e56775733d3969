package com.followthrough.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.Test;

/** The model rule itself: it names an unwatched step and a task without a due date, and accepts every way to watch. */
class ModelClocksTests {

    @Test
    void aUserTaskNoTimerWatches_isNamed() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("Unwatched").startEvent()
                .userTask("Task_Forgotten").name("Call the customer some day").camundaDueDate("${now()}")
                .endEvent().done();

        assertThat(ModelClocks.check(model)).singleElement().satisfies(violation -> {
            assertThat(violation.stepId()).isEqualTo("Task_Forgotten");
            assertThat(violation.toString()).contains("Task_Forgotten", "Call the customer some day",
                    "no timer watches it");
        });
    }

    @Test
    void aUserTaskWithoutADueDate_isNamed_evenWhenATimerWatchesIt() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("NoDueDate").startEvent()
                .userTask("Task_Undated").name("Verify").boundaryEvent("BoundaryEvent_Reminder").cancelActivity(false)
                .timerWithDuration("PT1H").endEvent().moveToActivity("Task_Undated").endEvent().done();

        assertThat(ModelClocks.check(model)).extracting(ModelClocks.Violation::toString)
                .containsExactly("Task_Undated (\"Verify\"): user task without a due date");
    }

    @Test
    void aMessageCatchEventWithoutATimer_isNamedToo() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("Waiting").startEvent()
                .intermediateCatchEvent("Event_CustomerAnswers").message("customerAnswered").endEvent().done();

        assertThat(ModelClocks.check(model)).extracting(ModelClocks.Violation::stepId)
                .containsExactly("Event_CustomerAnswers");
    }

    @Test
    void aBoundaryTimerOnTheTask_orOnASubProcessAroundIt_watchesIt() {
        BpmnModelInstance onTheTask = Bpmn.createExecutableProcess("OnTheTask").startEvent()
                .userTask("Task_Watched").camundaDueDate("${now()}").boundaryEvent().cancelActivity(false)
                .timerWithCycle("R/PT1H").endEvent().moveToActivity("Task_Watched").endEvent().done();
        BpmnModelInstance onTheSubProcess = Bpmn.createExecutableProcess("OnTheSubProcess").startEvent()
                .subProcess("SubProcess_Step").embeddedSubProcess().startEvent()
                .userTask("Task_Inside").camundaDueDate("${now()}").endEvent().subProcessDone()
                .endEvent().done();
        onTheSubProcess.<org.camunda.bpm.model.bpmn.instance.SubProcess>getModelElementById("SubProcess_Step")
                .builder().boundaryEvent().timerWithDuration("P1D").endEvent();

        assertThat(ModelClocks.check(onTheTask)).isEmpty();
        assertThat(ModelClocks.check(onTheSubProcess)).isEmpty();
    }

    @Test
    void aTimerEventSubProcessAroundTheTask_watchesIt_butNotTheOneTheTaskSitsIn() {
        ProcessBuilder process = Bpmn.createExecutableProcess("EventSubProcesses");
        BpmnModelInstance model = process.startEvent().subProcess("SubProcess_Step").embeddedSubProcess().startEvent()
                .userTask("Task_Work").camundaDueDate("${now()}").endEvent().subProcessDone().endEvent().done();
        org.camunda.bpm.model.bpmn.instance.SubProcess step = model.getModelElementById("SubProcess_Step");
        step.builder().embeddedSubProcess().eventSubProcess("EventSubProcess_Escalation").startEvent()
                .interrupting(false).timerWithDuration("P3D").userTask("Task_Review").camundaDueDate("${now()}")
                .endEvent();

        // Task_Work is watched by the escalation; the escalation's own review is not (its timer has fired).
        assertThat(ModelClocks.check(model)).extracting(ModelClocks.Violation::stepId).containsExactly("Task_Review");
    }

    @Test
    void aMessageRacingATimerBehindAnEventBasedGateway_isWatched_aMessageRacingAMessageIsNot() {
        BpmnModelInstance racingATimer = Bpmn.createExecutableProcess("RaceTimer").startEvent()
                .eventBasedGateway().id("Gateway_Race")
                .intermediateCatchEvent("Event_Answer").message("answered").endEvent()
                .moveToNode("Gateway_Race").intermediateCatchEvent("TimerEvent_Retry").timerWithDuration("PT1H")
                .endEvent().done();
        BpmnModelInstance racingAMessage = Bpmn.createExecutableProcess("RaceMessage").startEvent()
                .eventBasedGateway().id("Gateway_Race")
                .intermediateCatchEvent("Event_Answer").message("answered").endEvent()
                .moveToNode("Gateway_Race").intermediateCatchEvent("Event_Other").message("other").endEvent().done();

        assertThat(ModelClocks.check(racingATimer)).isEmpty();
        assertThat(ModelClocks.check(racingAMessage)).extracting(ModelClocks.Violation::stepId)
                .containsExactlyInAnyOrder("Event_Answer", "Event_Other");
    }
}
