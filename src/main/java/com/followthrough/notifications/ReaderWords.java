package com.followthrough.notifications;

import com.followthrough.cases.CallbackWindow;
import com.followthrough.policy.TimeBasis;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts a step kept as codes and amounts, worded for one reader in their language when the message is rendered:
 * whom a hand-off went to ("team accounting", "Team accounting"), the reminder's ordinal ("2nd", "2."), the customer's
 * callback window on their clock and the reader's, and the weekly digest's week, labels, rates, medians and scores.
 * Rows written before a fact was kept this way carry it already worded (in English): those are left as they are.
 */
final class ReaderWords {

    private ReaderWords() {
    }

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> model, ZoneId reader, Locale locale) {
        if (model.containsKey("colleague") && !(model.get("colleague") instanceof String)) {
            model.put("colleague", colleague((Map<String, Object>) model.get("colleague"), locale));
        }
        if (model.get("reminder") instanceof Number reminder) {
            model.put("reminderOrdinal", ordinal(reminder.intValue(), locale));
        }
        if (model.get("window") instanceof Map<?, ?> window) {
            model.put("window", window((Map<String, Object>) window, reader, locale));
        }
        if (model.get("weekOf") instanceof String weekOf) {
            model.put("week", DateTimeFormatter.ofPattern(MailMessages.get("mail.weeklyDigest.day", locale), locale)
                    .format(LocalDate.parse(weekOf)));
        }
        if (model.get("numbers") instanceof List<?> numbers) {
            // The digest names it as its settings do: "business" or "calendar".
            TimeBasis basis = model.get("timeBasis") instanceof String name
                    ? TimeBasis.valueOf(name.toUpperCase(Locale.ROOT)) : TimeBasis.CALENDAR;
            model.put("numbers", numbers.stream()
                    .map(n -> weekInNumbers((Map<String, Object>) n, basis, locale)).toList());
        }
    }

    /** "team accounting", "Paul (accounting)"; "a colleague" when the step did not know whom. */
    static String colleague(Map<String, Object> colleague, Locale locale) {
        if (colleague != null && colleague.get("team") != null) {
            return MailMessages.get("mail.colleague.team", locale, colleague.get("team"));
        }
        if (colleague != null && colleague.get("person") != null) {
            return (String) colleague.get("person");
        }
        return MailMessages.get("mail.colleague.unknown", locale);
    }

    /** 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st; in German 1., 2., 3. */
    static String ordinal(int n, Locale locale) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return MailMessages.get("mail.ordinal", locale, n, suffix);
    }

    private static String window(Map<String, Object> window, ZoneId reader, Locale locale) {
        var occurrence = new CallbackWindow.Occurrence(Instant.parse((String) window.get("start")),
                Instant.parse((String) window.get("end")));
        return CallbackWindow.describe(occurrence, ZoneId.of((String) window.get("zone")), reader,
                MailMessages.source(), locale);
    }

    /** Rows written with the numbers already worded (a {@code label}, no {@code team} key) are kept as they are. */
    private static Map<String, Object> weekInNumbers(Map<String, Object> stored, TimeBasis basis, Locale locale) {
        if (stored.containsKey("label")) {
            return stored;
        }
        Map<String, Object> n = new HashMap<>(stored);
        n.put("label", stored.get("team") == null ? MailMessages.get("mail.weeklyDigest.allCases", locale)
                : MailMessages.get("mail.weeklyDigest.team", locale, stored.get("team")));
        n.put("confirmationRate", stored.get("rate") instanceof Number rate
                ? NumberFormat.getPercentInstance(locale).format(rate.doubleValue()) : null);
        n.put("median", stored.get("medianSeconds") instanceof Number seconds
                ? median(seconds.longValue(), basis, locale) : null);
        if (stored.get("satisfaction") instanceof Number score) {
            NumberFormat oneDecimal = NumberFormat.getNumberInstance(locale);
            oneDecimal.setMaximumFractionDigits(1);
            n.put("satisfaction", oneDecimal.format(score.doubleValue()));
        }
        return n;
    }

    /** As the dashboard says a duration ("4 h 0 min working time", "2 d 3 h"): its words, in the reader's language. */
    private static String median(long seconds, TimeBasis basis, Locale locale) {
        Duration duration = Duration.ofSeconds(seconds);
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        String hoursAndMinutes = hours > 0 ? MailMessages.get("mail.duration.hours", locale, hours, minutes)
                : MailMessages.get("mail.duration.minutes", locale, minutes);
        if (basis == TimeBasis.BUSINESS) {
            return MailMessages.get("mail.duration.working", locale, hoursAndMinutes);
        }
        return duration.toDays() > 0
                ? MailMessages.get("mail.duration.days", locale, duration.toDays(), duration.toHoursPart())
                : hoursAndMinutes;
    }
}
