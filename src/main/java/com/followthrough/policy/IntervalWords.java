package com.followthrough.policy;

import java.time.Duration;

/**
 * The policy's intervals in English words that say how they count ("1 business day and 2 working hours", "45
 * minutes"), for the texts that quote the policy. Mails word their spans in the reader's language themselves.
 */
final class IntervalWords {

    private IntervalWords() {
    }

    static String describe(Duration amount, TimeBasis basis) {
        if (basis == TimeBasis.CALENDAR) {
            return amount.toDays() > 0 && amount.toHours() % 24 == 0 && amount.toMinutesPart() == 0
                    ? count(amount.toDays(), "day") : hoursAndMinutes(amount, "");
        }
        long days = amount.toDays();
        Duration rest = amount.minusDays(days);
        String dayText = days > 0 ? count(days, "business day") : "";
        String restText = rest.isZero() ? "" : hoursAndMinutes(rest, "working ");
        return dayText.isEmpty() ? restText : restText.isEmpty() ? dayText : dayText + " and " + restText;
    }

    /** "2 business days", "5 working hours", "3 working minutes"; in calendar time "2 days", "5 hours", "3 minutes". */
    static String largestUnit(Duration amount, TimeBasis basis) {
        Duration elapsed = amount.isNegative() ? Duration.ZERO : amount;
        boolean business = basis == TimeBasis.BUSINESS;
        if (elapsed.toDays() >= 1) {
            return count(elapsed.toDays(), business ? "business day" : "day");
        }
        if (elapsed.toHours() >= 1) {
            return count(elapsed.toHours(), business ? "working hour" : "hour");
        }
        return count(Math.max(1, elapsed.toMinutes()), business ? "working minute" : "minute");
    }

    private static String hoursAndMinutes(Duration amount, String kind) {
        String hours = amount.toHours() > 0 ? count(amount.toHours(), kind + "hour") : "";
        String minutes = amount.toMinutesPart() == 0 ? ""
                : count(amount.toMinutesPart(), hours.isEmpty() ? kind + "minute" : "minute");
        // under a minute (the demo's and tests' intervals) in seconds, never "no time"
        String seconds = amount.isZero() ? "no time" : count(Math.max(1, amount.toSecondsPart()), kind + "second");
        return hours.isEmpty() ? (minutes.isEmpty() ? seconds : minutes)
                : minutes.isEmpty() ? hours : hours + " " + minutes;
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
