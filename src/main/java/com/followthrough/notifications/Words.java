package com.followthrough.notifications;

import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The words a mail says instead of codes, in the reader's language ({@link MailMessages}): priorities ("high
 * priority"), the customer's preferred channel ("prefers a phone call"), spans of time ("1 business day and 2 working
 * hours", "30 seconds", "just now") and times with their zone's name ("Mon 2 Mar 2026, 10:00 Central European Time
 * (Berlin)", never "GMT-05:00").
 */
final class Words {

    private Words() {
    }

    static String priority(Object priority, Locale locale) {
        return priority == null ? null : MailMessages.get("mail.priority." + priority, locale);
    }

    static String prefers(Object channel, Locale locale) {
        return channel == null ? null : MailMessages.get("mail.prefers." + channel, locale);
    }

    /** A time on the reader's clock, with the zone named in words: its long name and, for a region, its city. */
    static String time(Instant instant, ZoneId zone, Locale locale) {
        String clock = DateTimeFormatter.ofPattern(MailMessages.get("mail.time.pattern", locale), locale)
                .format(instant.atZone(zone));
        return clock + " " + zoneName(zone, locale);
    }

    /** "Eastern Time (New York)", "Coordinated Universal Time"; the zone's id where Java knows no name for it. */
    static String zoneName(ZoneId zone, Locale locale) {
        String name = zone.getDisplayName(TextStyle.FULL, locale);
        String id = zone.getId();
        boolean nameless = name.startsWith("GMT") || name.startsWith("UTC") && !id.equals("UTC") || name.equals(id);
        int slash = id.lastIndexOf('/');
        if (nameless || slash < 0 || id.startsWith("Etc/")) {
            return nameless ? id : name;
        }
        return MailMessages.get("mail.time.zone", locale, name, id.substring(slash + 1).replace('_', ' '));
    }

    /**
     * A span as the policy sets it, saying how it counts: whole days and the rest in hours and minutes ("1 business day
     * and 2 working hours", "2 hours 30 minutes"); seconds only when it is under a minute ("every 30 seconds").
     */
    static String interval(Duration amount, TimeBasis basis, Locale locale) {
        Duration span = amount.isNegative() ? Duration.ZERO : amount;
        boolean business = basis == TimeBasis.BUSINESS;
        long days = span.toDays();
        Duration rest = span.minusDays(days);
        if (!business && days > 0 && rest.isZero()) {
            return count("day", days, locale);
        }
        if (!business) {
            return hoursAndMinutes(span, false, locale);
        }
        String dayText = days > 0 ? count("businessDay", days, locale) : "";
        String restText = rest.isZero() ? "" : hoursAndMinutes(rest, true, locale);
        return dayText.isEmpty() ? (restText.isEmpty() ? count("second", 0, locale) : restText)
                : restText.isEmpty() ? dayText : MailMessages.get("mail.span.and", locale, dayText, restText);
    }

    /**
     * How long something took or has waited, in its largest unit rounded to the nearest (89 s is "1 minute", 90 s "2
     * minutes", 23 h 40 min "1 day"); under a minute in seconds.
     */
    static String elapsed(Duration amount, TimeBasis basis, Locale locale) {
        return largestUnit("mail.span.", amount, basis, locale);
    }

    /** When something happened: "2 business days ago", "1 minute ago"; "just now" under a minute. */
    static String ago(Duration amount, TimeBasis basis, Locale locale) {
        return amount.getSeconds() < 60 ? MailMessages.get("mail.ago.justNow", locale)
                : largestUnit("mail.ago.", amount, basis, locale);
    }

    private static String largestUnit(String prefix, Duration amount, TimeBasis basis, Locale locale) {
        long seconds = Math.max(0, amount.getSeconds());
        boolean business = basis == TimeBasis.BUSINESS;
        if (seconds < 60) {
            return MailMessages.get(prefix + "second", locale, seconds);
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return MailMessages.get(prefix + (business ? "workingMinute" : "minute"), locale, minutes);
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours < 24) {
            return MailMessages.get(prefix + (business ? "workingHour" : "hour"), locale, hours);
        }
        return MailMessages.get(prefix + (business ? "businessDay" : "day"), locale, Math.round(seconds / 86400.0));
    }

    private static String hoursAndMinutes(Duration amount, boolean business, Locale locale) {
        if (amount.toMinutes() == 0) {
            return count("second", amount.toSecondsPart(), locale);
        }
        String hours = amount.toHours() > 0 ? count(business ? "workingHour" : "hour", amount.toHours(), locale) : "";
        String minutes = amount.toMinutesPart() == 0 ? ""
                : count(business && hours.isEmpty() ? "workingMinute" : "minute", amount.toMinutesPart(), locale);
        return hours.isEmpty() ? minutes : minutes.isEmpty() ? hours : hours + " " + minutes;
    }

    private static String count(String unit, long n, Locale locale) {
        return MailMessages.get("mail.span." + unit, locale, n);
    }
}
