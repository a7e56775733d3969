package com.followthrough.stories;

import com.followthrough.policy.TimeBasis;
import java.time.Duration;

/** Durations as people read them, saying their basis: "12 h 30 min working time" or "3 d 4 h" (as the dashboard). */
final class Durations {

    private Durations() {
    }

    static String words(long seconds, TimeBasis basis) {
        Duration duration = Duration.ofSeconds(seconds);
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (basis == TimeBasis.BUSINESS) {
            return (hours > 0 ? hours + " h " + minutes + " min" : minutes + " min") + " working time";
        }
        if (duration.toDays() > 0) {
            return duration.toDays() + " d " + duration.toHoursPart() + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
