package com.followthrough.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The model deploys on a bare engine that enforces history time-to-live, and keeps the conventions that make it
 * readable in Cockpit and Modeler: readable ids, a diagram shape for every element, timers from the policy.
 */
class CustomerCaseModelTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @Test
    @Deployment(resources = "processes/customer-case.bpmn")
    void deploysOnABareEngine_withHistoryTimeToLive() {
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseProcess.KEY).singleResult();

        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
        assertThat(definition.isStartableInTasklist()).isFalse();
    }

    @Test
    @Deployment(resources = "processes/customer-case.bpmn")
    void idsAreReadable_andEveryElementHasADiagramShape() {
        BpmnModelInstance model = model(engine.getProcessEngine());
        Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);

        assertThat(elements).extracting(BaseElement::getId).allMatch(id -> id.matches(
                "(Task|Gateway|StartEvent|EndEvent|SubProcess|EventSubProcess|TimerEvent|MessageEvent|BoundaryEvent|Flow)"
                        + "_[A-Z][A-Za-z]+"));
        List<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).toList();
        List<String> drawnFlows = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).toList();
        assertThat(drawn).containsAll(model.getModelElementsByType(FlowNode.class).stream()
                .map(BaseElement::getId).toList());
        assertThat(drawnFlows).containsAll(model.getModelElementsByType(SequenceFlow.class).stream()
                .map(BaseElement::getId).toList());
    }

    @Test
    @Deployment(resources = "processes/customer-case.bpmn")
    void everyTaskIsNamed_assigned_andEveryTimerComesFromThePolicyOrTheTimesPeopleGave() {
        BpmnModelInstance model = model(engine.getProcessEngine());

        assertThat(model.getModelElementsByType(UserTask.class)).hasSize(12).allSatisfy(task -> {
            assertThat(task.getName()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaAssignee() != null || task.getCamundaCandidateGroups() != null
                    || task.getId().equals(CaseProcess.Tasks.WORK_HAND_OFF)).as(task.getId() + " is routed").isTrue();
        });
        assertThat(model.getModelElementsByType(ServiceTask.class)).allSatisfy(task ->
                assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-zA-Z]+}"));
        // The policy's intervals, or times people gave: a promise or snooze (checkInClock), a callback window; or when
        // an agent of an outreach's team has capacity again (outreachCapacity).
        assertThat(model.getModelElementsByType(TimerEventDefinition.class)).hasSize(18).allSatisfy(timer -> {
            String expression = timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent()
                    : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
                    : timer.getTimeDate().getTextContent();
            assertThat(expression).matches("\\$\\{(casePolicy|checkInClock|callbackTimes|outreachCapacity)\\..*");
        });
        assertThat(model.getModelElementsByType(Process.class)).singleElement()
                .satisfies(process -> assertThat(process.isExecutable()).isTrue());
    }

    /**
     * No case can stall unseen: in every model of {@code processes/}, every user task is due and every step a person
     * waits on is watched by a timer ({@link ModelClocks}). The next step anyone adds without a clock fails here,
     * named.
     */
    @Test
    void everyStepOfEveryModelIsDue_andWatchedByATimer() throws java.io.IOException {
        var models = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:processes/*.bpmn");
        assertThat(models).isNotEmpty();
        for (var resource : models) {
            try (var in = resource.getInputStream()) {
                BpmnModelInstance model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(in);
                assertThat(ModelClocks.check(model)).as(resource.getFilename()).isEmpty();
                assertThat(ModelClocks.waitedOn(model)).as(resource.getFilename() + " has steps to watch").isNotEmpty();
            }
        }
    }

    private static BpmnModelInstance model(ProcessEngine processEngine) {
        String id = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseProcess.KEY).singleResult().getId();
        return processEngine.getRepositoryService().getBpmnModelInstance(id);
    }
}
