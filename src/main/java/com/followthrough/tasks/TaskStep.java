package com.followthrough.tasks;

import java.util.List;

/** The kinds of task the case process creates, with the case actions (API paths) that complete them. */
public enum TaskStep {
    WORK_CASE("hand-off", "resolve-on-first-contact"),
    WORK_HAND_OFF("resolve", "send-back", "pass-on"),
    ANSWER_QUESTION("answer"),
    CHECK_IN("check-in"),
    REVIEW_STALLED_HAND_OFF("review-escalation"),
    VERIFY_FIX("verify"),
    CALL_CUSTOMER_BACK("callback"),
    REVIEW_LATE_CALLBACK("review-escalation");

    private final List<String> actions;

    TaskStep(String... actions) {
        this.actions = List.of(actions);
    }

    /** The actions under {@code /api/cases/{number}/} that complete this task. */
    public List<String> actions() {
        return actions;
    }
}
