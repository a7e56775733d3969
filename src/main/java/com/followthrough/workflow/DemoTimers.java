package com.followthrough.workflow;

/**
 * The demo data's shortcut through waiting times (profile {@code demo} only; no bean elsewhere): fires a case's waiting
 * timer now instead of when it falls due. The timers are named here, not by their BPMN ids, which stay in workflow.
 */
public interface DemoTimers {

    /** The timers the demo data fires. */
    enum Timer {
        /** The owner's check-in on a hand-off falls due. */
        CHECK_IN_DUE,
        /** A hand-off stalled: the escalation to supervisors. */
        HAND_OFF_STALLED,
        /** The next callback attempt after "no answer". */
        RETRY_AFTER
    }

    /** Fires {@code timer} of the case's process, if it is waiting there; does nothing otherwise. */
    void fireNow(String caseNumber, Timer timer);
}
