package com.followthrough.dashboard;

import com.followthrough.policy.TimeBasis;
import java.time.Duration;

/** Durations as people read them, saying their basis: "3 d 4 h" (calendar) or "12 h 30 min working time". */
final class Wording {

    /** The row of escalations of hand-offs to named colleagues (not a team). */
    static final String COLLEAGUES = "(colleagues)";
    /** The row of late-callback escalations (the owner's, not a team's). */
    static final String LATE_CALLBACKS = "(late callbacks)";
    /** The row of escalations of cases left with their owner (neither handed off nor resolved). */
    static final String CASES_NOT_WORKED = "(cases not worked)";
    /** The row of escalations of fixes the owner did not verify. */
    static final String FIXES_NOT_VERIFIED = "(fixes not verified)";

    /** The owner's own escalations, by the row that counts them: the escalation kind each row stands for. */
    static final java.util.Map<String, String> OWNER_ESCALATIONS = java.util.Map.of(
            LATE_CALLBACKS, "CALLBACK_LATE",
            CASES_NOT_WORKED, "FIRST_ACTION_LATE",
            FIXES_NOT_VERIFIED, "VERIFICATION_LATE");

    private Wording() {
    }

    static String duration(Duration duration, TimeBasis basis) {
        if (basis == TimeBasis.BUSINESS) {
            long hours = duration.toHours();
            long minutes = duration.toMinutesPart();
            return (hours > 0 ? hours + " h " + minutes + " min" : minutes + " min") + " working time";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
