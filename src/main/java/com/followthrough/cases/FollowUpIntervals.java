package com.followthrough.cases;

import java.time.Duration;

/** When follow-ups fall due, per priority (implemented by the policy), so lists can tell what is overdue. */
public interface FollowUpIntervals {

    /** A hand-off open longer than this is overdue (it is escalated). */
    Duration handOffDueAfter(Priority priority);

    /** A callback waiting longer than this is overdue. */
    Duration callbackDueAfter(Priority priority);
}
