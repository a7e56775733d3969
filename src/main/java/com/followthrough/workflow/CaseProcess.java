package com.followthrough.workflow;

/** Names shared with {@code processes/customer-case.bpmn}: change them together. */
final class CaseProcess {

    static final String KEY = "CustomerCase";

    static final class Tasks {
        static final String WORK_CASE = "Task_WorkCase";
        static final String WORK_HAND_OFF = "Task_WorkHandOff";
        static final String ANSWER_QUESTION = "Task_AnswerQuestion";
        static final String CHECK_IN = "Task_CheckIn";
        static final String REVIEW_STALLED_HAND_OFF = "Task_ReviewStalledHandOff";
        static final String VERIFY_RESOLUTION = "Task_VerifyResolution";
        static final String CALL_CUSTOMER_BACK = "Task_CallCustomerBack";
        static final String REVIEW_LATE_CALLBACK = "Task_ReviewLateCallback";
        static final String REVIEW_UNWORKED_CASE = "Task_ReviewUnworkedCase";
        static final String REVIEW_UNVERIFIED_FIX = "Task_ReviewUnverifiedFix";
        static final String CONTACT_CUSTOMER = "Task_ContactCustomer";
        static final String REVIEW_UNCONTACTED_CASE = "Task_ReviewUncontactedCase";

        /** The tasks that are the owner's, which move with the case on reassignment. */
        static final java.util.Set<String> OWNERS = java.util.Set.of(
                WORK_CASE, ANSWER_QUESTION, CHECK_IN, VERIFY_RESOLUTION, CALL_CUSTOMER_BACK, CONTACT_CUSTOMER);

        private Tasks() {
        }
    }

    /** Timers the application moves when people give times (promises, snoozes, callback windows). */
    static final class Timers {
        static final String CHECK_IN_DUE = "TimerEvent_CheckInDue";
        static final String CALLBACK_DUE = "StartEvent_CallbackDue";
        static final String CALLBACK_LATE = "StartEvent_CallbackLate";
        static final String RETRY_AFTER = "TimerEvent_RetryAfter";

        private Timers() {
        }
    }

    /** The messages of the model: an outreach's case starting, withdrawn, its shared hand-off, the customer's answer. */
    static final class Messages {
        static final String OUTREACH_CUSTOMER = "OutreachCustomer";
        static final String OUTREACH_WITHDRAWN = "OutreachWithdrawn";
        static final String SHARED_HAND_OFF_RESOLVED = "SharedHandOffResolved";
        static final String CUSTOMER_CONFIRMED = "CustomerConfirmed";
        static final String CUSTOMER_NOT_RESOLVED = "CustomerNotResolved";

        private Messages() {
        }
    }

    static final class Variables {
        /** The key of the outreach an outreach's case belongs to (never changes). */
        static final String OUTREACH = "outreach";
        static final String OWNER = "owner";
        static final String PRIORITY = "priority";
        static final String WORK_DECISION = "workDecision";
        static final String HAND_OFF_COLLEAGUE = "handOffColleague";
        static final String HAND_OFF_TEAM = "handOffTeam";
        static final String HAND_OFF_OUTCOME = "handOffOutcome";
        static final String FIX_VERIFIED = "fixVerified";
        static final String CALLBACK_OUTCOME = "callbackOutcome";
        static final String CALLBACK_ATTEMPT = "callbackAttempt";
        static final String CHECK_IN_ALREADY_OPEN = "checkInAlreadyOpen";
        /** Input of the "remind supervisors" steps: which escalation is still unreviewed. */
        static final String ESCALATION = "escalation";

        private Variables() {
        }
    }

    /** Values of {@link Variables#WORK_DECISION} and {@link Variables#HAND_OFF_OUTCOME}. */
    enum Decision {
        RESOLVED_ON_FIRST_CONTACT, HANDED_OFF, RESOLVED, SENT_BACK, PASSED_ON, SHARED_HAND_OFF
    }

    private CaseProcess() {
    }
}
