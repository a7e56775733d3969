package com.followthrough.notifications;

/**
 * Every kind of notification Followthrough sends. Who gets each is decided in {@link WhoIsTold}; what it says is its
 * template set per channel ({@code templates/mail/<template>.subject.txt}, {@code .txt} and {@code .html} for email).
 */
enum NotificationKind {
    /** To the colleague or team: a new hand-off (also passed on, or back after a fix that did not hold). */
    HAND_OFF("hand-off"),
    /** To the owner: time to check in with the colleague (1st, 2nd, ... reminder of the hand-off). */
    CHECK_IN_DUE("check-in-due"),
    /** To the owner: the colleague sent the case back with a question. */
    QUESTION("question"),
    /** To the owner: the colleague resolved the hand-off; time to verify. */
    HAND_OFF_RESOLVED("hand-off-resolved"),
    /** To the owner: the callback is due. */
    CALLBACK_DUE("callback-due"),
    /** To the owner: the callback is late (supervisors were alerted). */
    CALLBACK_OVERDUE("callback-overdue"),
    /** To supervisors: a stalled hand-off, a late callback, a case not worked, a fix not verified. */
    ESCALATION("escalation"),
    /** To the owner: a case has waited with them for its first action (hand it off or resolve it). */
    FIRST_ACTION_DUE("first-action-due"),
    /** To the owner: a resolved fix waits for their verification. */
    VERIFICATION_DUE("verification-due"),
    /** To supervisors: an escalation is still unreviewed (repeats every review interval). */
    ESCALATION_UNREVIEWED("escalation-unreviewed"),
    /** To the customer: we have your request, here is its number. */
    CUSTOMER_ACKNOWLEDGEMENT("customer-acknowledgement"),
    /** To the customer: we could not reach you by phone. */
    CUSTOMER_WRITTEN_FOLLOW_UP("customer-written-follow-up"),
    /**
     * To the customer an outreach affects: what happened and what we do (the outreach's message), with their answer
     * links; written by the launch when the outreach sends notices, and paced ({@code notices-per-minute}).
     */
    CUSTOMER_OUTREACH_NOTICE("customer-outreach-notice"),
    /** To the customer: thank you, the case is closed. */
    CUSTOMER_THANK_YOU("customer-thank-you"),
    /** To administrators: the follow-through auditor found something stuck (one mail per new finding). */
    AUDIT_FINDING("audit-finding"),
    /** To a colleague: someone who worked on a case with them thanked them, with their note. */
    THANKS("thanks"),
    /** To everyone who works cases: last week in numbers, the featured stories, the thanks, their own week. */
    WEEKLY_DIGEST("weekly-digest");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
