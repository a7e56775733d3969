package com.followthrough.dashboard;

import com.followthrough.policy.TimeBasis;
import java.time.Duration;

/** Durations as people read them, saying their basis: "3 d 4 h" (calendar) or "12 h 30 min working time". */
final class Wording {

    /** The row of hand-offs to named colleagues (not a team) in the figures per team. */
    static final String COLLEAGUES = "(colleagues)";

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
