package com.followthrough.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rule that no step can stall unseen, checked on a model: every user task has a due date, and every step a person
 * waits on (a user task, a receive task, a message, signal or conditional catch event) is watched by a timer: a timer
 * boundary event on the step or on a sub-process around it, a timer-started event sub-process in a sub-process (or
 * the process) around it, or a timer catch event racing it behind the same event-based gateway. The event sub-process a
 * step sits in does not watch it: its timer has already fired.
 */
final class ModelClocks {

    private ModelClocks() {
    }

    /** One step that breaks the rule, named so the build says which. */
    record Violation(String stepId, String stepName, String problem) {

        @Override
        public String toString() {
            return stepId + (stepName == null ? "" : " (\"" + stepName + "\")") + ": " + problem;
        }
    }

    static List<Violation> check(BpmnModelInstance model) {
        List<Violation> violations = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
                violations.add(new Violation(task.getId(), task.getName(), "user task without a due date"));
            }
        }
        for (FlowNode step : waitedOn(model)) {
            if (!watched(step)) {
                violations.add(new Violation(step.getId(), step.getName(),
                        "a person waits on it, but no timer watches it (boundary timer, or a timer event "
                                + "sub-process in a sub-process around it)"));
            }
        }
        return violations;
    }

    /** The steps where the process waits for a person (or for someone outside) to act. */
    static List<FlowNode> waitedOn(BpmnModelInstance model) {
        List<FlowNode> steps = new ArrayList<>(model.getModelElementsByType(UserTask.class));
        steps.addAll(model.getModelElementsByType(ReceiveTask.class));
        for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
            if (event.getEventDefinitions().stream().anyMatch(definition -> definition instanceof MessageEventDefinition
                    || definition instanceof SignalEventDefinition
                    || definition instanceof ConditionalEventDefinition)) {
                steps.add(event);
            }
        }
        return steps;
    }

    private static boolean watched(FlowNode step) {
        if (step instanceof Activity activity && hasTimerBoundary(activity)) {
            return true;
        }
        if (raceAgainstATimer(step)) {
            return true;
        }
        ModelElementInstance inner = step;
        for (ModelElementInstance scope = step.getParentElement(); scope != null; scope = scope.getParentElement()) {
            if (scope instanceof SubProcess subProcess && !subProcess.triggeredByEvent() && hasTimerBoundary(subProcess)) {
                return true;
            }
            if (hasTimerEventSubProcess(scope, inner)) {
                return true;
            }
            inner = scope;
        }
        return false;
    }

    /** A catch event behind an event-based gateway that also waits for a timer: the timer ends the wait. */
    private static boolean raceAgainstATimer(FlowNode step) {
        return step.getPreviousNodes().list().stream().filter(EventBasedGateway.class::isInstance)
                .anyMatch(gateway -> gateway.getSucceedingNodes().list().stream()
                        .anyMatch(next -> next instanceof IntermediateCatchEvent event && hasTimer(event)));
    }

    private static boolean hasTimerBoundary(Activity activity) {
        return activity.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
                .anyMatch(boundary -> boundary.getAttachedTo() == activity && hasTimer(boundary));
    }

    /** A timer-started event sub-process directly in {@code scope}, other than the one the step sits in. */
    private static boolean hasTimerEventSubProcess(ModelElementInstance scope, ModelElementInstance stepsBranch) {
        Collection<SubProcess> children = scope.getChildElementsByType(SubProcess.class);
        return children.stream().filter(SubProcess::triggeredByEvent).filter(child -> child != stepsBranch)
                .anyMatch(eventSubProcess -> eventSubProcess.getChildElementsByType(StartEvent.class).stream()
                        .anyMatch(ModelClocks::hasTimer));
    }

    private static boolean hasTimer(CatchEvent event) {
        return event.getEventDefinitions().stream().anyMatch(definition -> definition instanceof TimerEventDefinition);
    }
}
