package com.followthrough.tasks;

import com.followthrough.policy.PolicyProperties.Interval;
import java.util.List;

/** The kinds of task the case process creates, with the case actions (API paths) that complete them. */
public enum TaskStep {
    WORK_CASE(Interval.FIRST_ACTION_WITHIN, "hand-off", "resolve-on-first-contact"),
    WORK_HAND_OFF(Interval.ESCALATE_AFTER, "resolve", "send-back", "pass-on"),
    ANSWER_QUESTION(Interval.ANSWER_WITHIN, "answer"),
    /** Due when the check-in fell due (or the time it was snoozed to): counted on the check-in rhythm. */
    CHECK_IN(Interval.CHECK_IN_AFTER, "check-in", "snooze-check-in"),
    REVIEW_STALLED_HAND_OFF(Interval.REVIEW_WITHIN, "review-escalation"),
    VERIFY_FIX(Interval.VERIFY_WITHIN, "verify"),
    CALL_CUSTOMER_BACK(Interval.CALLBACK_WITHIN, "callback"),
    REVIEW_LATE_CALLBACK(Interval.REVIEW_WITHIN, "review-escalation"),
    REVIEW_UNWORKED_CASE(Interval.REVIEW_WITHIN, "review-escalation"),
    REVIEW_UNVERIFIED_FIX(Interval.REVIEW_WITHIN, "review-escalation"),
    /** An outreach's case: the owner contacts the customer proactively (nobody called). */
    CONTACT_CUSTOMER(Interval.FIRST_ACTION_WITHIN, "contact"),
    REVIEW_UNCONTACTED_CASE(Interval.REVIEW_WITHIN, "review-escalation");

    private final Interval dueInterval;
    private final List<String> actions;

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
