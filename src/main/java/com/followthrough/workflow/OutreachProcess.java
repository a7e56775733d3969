package com.followthrough.workflow;

/** The ids and names of {@code processes/outreach.bpmn} that code uses. */
final class OutreachProcess {

    static final String KEY = "Outreach";

    static final class Messages {
        static final String RESUMED = "OutreachResumed";
        static final String WITHDRAWN = "OutreachWithdrawnAll";
        static final String SHARED_HAND_OFF_RESOLVED = "OutreachRemedyResolved";

        private Messages() {
        }
    }

    static final class Variables {
        static final String ALL_STARTED = "allStarted";
        static final String ALL_CLOSED = "allClosed";
        static final String WITHDRAW_CURSOR = "withdrawCursor";
        static final String WITHDRAW_DONE = "withdrawDone";
        static final String RELEASE_CURSOR = "releaseCursor";
        static final String RELEASE_DONE = "releaseDone";

        private Variables() {
        }
    }

    private OutreachProcess() {
    }
}
