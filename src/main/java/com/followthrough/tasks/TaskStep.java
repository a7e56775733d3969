package com.followthrough.tasks;

import com.followthrough.policy.PolicyProperties.Interval;
import java.util.List;

/** The kinds of task the case process creates, with the case actions (API paths) that complete them. */
public enum TaskStep {
    WORK_CASE("hand-off", "resolve-on-first-contact"),
    WORK_HAND_OFF(Interval.ESCALATE_AFTER, "resolve", "send-back", "pass-on"),
    ANSWER_QUESTION("answer"),
    CHECK_IN("check-in"),
    REVIEW_STALLED_HAND_OFF("review-escalation"),
    VERIFY_FIX("verify"),
    CALL_CUSTOMER_BACK(Interval.CALLBACK_WITHIN, "callback"),
    REVIEW_LATE_CALLBACK("review-escalation");

    private final Interval dueInterval;
    private final List<String> actions;

    TaskStep(String... actions) {
        this(null, actions);
    }

    TaskStep(Interval dueInterval, String... actions) {
        this.dueInterval = dueInterval;
        this.actions = List.of(actions);
    }

    /** The policy interval the process sets this task's due date with (see the BPMN); null: no due date. */
    public Interval dueInterval() {
        return dueInterval;
    }

    /** The actions under {@code /api/cases/{number}/} that complete this task. */
    public List<String> actions() {
        return actions;
    }
}
