package com.followthrough.workflow;

import com.followthrough.cases.CaseStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Which case status each activity of a deployed case model stands for, read from the model itself: an activity whose
 * start listener is {@code ${caseStages.enter(execution, 'STATUS')}} stands for that status, one that calls {@code
 * caseStages.startCallbackAttempt} for {@code AWAITING_CALLBACK} (see {@link CaseStages}), and an activity inside
 * one of those (the callback task in the attempt sub-process, a check-in inside the hand-off) for its nearest
 * enclosing one's. Other activities (reminders, escalations) say nothing about the status. Read from the model rather
 * than a table kept by hand, so new steps and statuses in {@code processes/} are audited as they are deployed.
 */
final class ModelStages {

    private static final Pattern ENTER =
            Pattern.compile("caseStages\\.enter\\(\\s*execution\\s*,\\s*'([A-Za-z_]+)'\\s*\\)");
    private static final Pattern CALLBACK_ATTEMPT = Pattern.compile("caseStages\\.startCallbackAttempt\\(");
    /** What {@link CaseStages#startCallbackAttempt} enters. */
    static final String CALLBACK_ATTEMPT_STATUS = CaseStatus.AWAITING_CALLBACK.name();

    private final Map<String, String> statusByActivity;

    private ModelStages(Map<String, String> statusByActivity) {
        this.statusByActivity = Map.copyOf(statusByActivity);
    }

    static ModelStages of(BpmnModelInstance model) {
        Map<String, String> own = new HashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            entered(node).ifPresent(status -> own.put(node.getId(), status));
        }
        Map<String, String> implied = new HashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            for (ModelElementInstance scope = node; scope instanceof FlowNode flowNode;
                    scope = scope.getParentElement()) {
                String status = own.get(flowNode.getId());
                if (status != null) {
                    implied.put(node.getId(), status);
                    break;
                }
            }
        }
        return new ModelStages(implied);
    }

    /** The status an execution at {@code activityId} stands for, or empty when the activity says nothing. */
    Optional<String> statusAt(String activityId) {
        return Optional.ofNullable(statusByActivity.get(activityId));
    }

    Map<String, String> asMap() {
        return statusByActivity;
    }

    private static Optional<String> entered(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return Optional.empty();
        }
        for (CamundaExecutionListener listener : element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaExecutionListener.class).list()) {
            String expression = listener.getCamundaExpression();
            if (!"start".equals(listener.getCamundaEvent()) || expression == null) {
                continue;
            }
            Matcher enter = ENTER.matcher(expression);
            if (enter.find()) {
                return Optional.of(enter.group(1));
            }
            if (CALLBACK_ATTEMPT.matcher(expression).find()) {
                return Optional.of(CALLBACK_ATTEMPT_STATUS);
            }
        }
        return Optional.empty();
    }
}
