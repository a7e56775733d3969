package com.followthrough.pages;

import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseEvent;
import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.EscalationKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;

/**
 * The case's timeline as the page shows it: every event named in words, its detail with the codes and ISO times the
 * history keeps turned into words and the reader's times, and repeated reminders in a row grouped into one line
 * ("Check-in reminder × 10, last …"), also where other reminders came between them. The API's timeline keeps every
 * event as it was written.
 */
final class TimelineRows {

    /** Reminders the process sends again and again while nobody acts: one line per run of them. */
    private static final Set<CaseEventType> REPEATING = EnumSet.of(CaseEventType.CHECK_IN_DUE,
            CaseEventType.FIRST_ACTION_DUE, CaseEventType.VERIFICATION_DUE, CaseEventType.CALLBACK_DUE,
            CaseEventType.ESCALATION_UNREVIEWED);

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)*\\b");
    private static final Set<String> CODES = Stream.of(EscalationKind.values(), ClosedAs.values(),
            CallbackOutcome.values()).flatMap(Stream::of).map(Enum::name).collect(java.util.stream.Collectors.toSet());

    /**
     * One line of the timeline.
     *
     * @param count how many events of the same type in a row it stands for (1: one event)
     * @param first when the first of them happened (for a group; the line's time is the last's)
     */
    record Row(CaseEventType type, String name, String actor, String detail, Instant at, int count, Instant first) {
    }

    private TimelineRows() {
    }

    static List<Row> of(List<CaseEvent> events, ReaderClock times, MessageSource messages, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (CaseEvent event : events) {
            int same = REPEATING.contains(event.type()) ? sameReminder(rows, event.type()) : -1;
            if (same >= 0) {
                Row last = rows.get(same);
                rows.set(same, new Row(last.type(), last.name(), last.actor(),
                        detail(event.detail(), times, messages, locale), event.occurredAt(), last.count() + 1,
                        last.first()));
            } else {
                rows.add(new Row(event.type(), messages.getMessage("case.event." + event.type().name(), null,
                        event.type().name(), locale), event.actor(), detail(event.detail(), times, messages, locale),
                        event.occurredAt(), 1, event.occurredAt()));
            }
        }
        return rows;
    }

    /**
     * The row of the same reminder among the reminders that ended the timeline so far (other reminders may come
     * between, as a check-in reminder and an unreviewed escalation's); -1 when an action or other event came after it.
     */
    private static int sameReminder(List<Row> rows, CaseEventType type) {
        for (int at = rows.size() - 1; at >= 0 && REPEATING.contains(rows.get(at).type()); at--) {
            if (rows.get(at).type() == type) {
                return at;
            }
        }
        return -1;
    }

    /** The detail as written, with the lifecycle's codes in words and ISO times in the reader's zone. */
    static String detail(String detail, ReaderClock times, MessageSource messages, Locale locale) {
        if (detail == null) {
            return null;
        }
        String timed = replace(INSTANT.matcher(detail), match -> {
            try {
                return times.at(Instant.parse(match));
            } catch (DateTimeParseException e) {
                return match;
            }
        });
        return replace(CODE.matcher(timed), match -> CODES.contains(match)
                ? messages.getMessage("case.code." + match, null, match, locale) : match);
    }

    private static String replace(Matcher matcher, java.util.function.UnaryOperator<String> words) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(words.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
