package com.followthrough.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a CSV downloaded from a page speaks to the person who downloads it (README "CSV downloads"): header cells in
 * their language (messages.properties' block {@code csv.*}), codes as the pages' words ({@link EnumWords}), times on
 * their clock as {@code 2026-12-01 11:00} (sorts as text and as a spreadsheet's date; the zone is named in the header),
 * and a byte order mark so that Excel reads UTF-8 (umlauts, "→"). The API's CSV keeps its machine headers and codes.
 */
@Component
public class CsvWords {

    /** Excel reads a CSV without it in the Windows code page: "PrioritÃ¤t". */
    public static final String BOM = "\uFEFF";

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final MessageSource messages;
    private final ReaderTime readerTime;

    public CsvWords(MessageSource messages, ReaderTime readerTime) {
        this.messages = messages;
        this.readerTime = readerTime;
    }

    /** For the person signed in: the request's language (their profile's or their browser's), their time zone. */
    public Reader reader(String userId) {
        return new Reader(messages, LocaleContextHolder.getLocale(), readerTime.zoneOf(userId));
    }

    /** One reader's words: a language and a time zone. */
    public static final class Reader {

        private final MessageSource messages;
        private final Locale locale;
        private final ZoneId zone;

        public Reader(MessageSource messages, Locale locale, ZoneId zone) {
            this.messages = messages;
            this.locale = locale;
            this.zone = zone;
        }

        /** The header cells, one per key; {@code {0}} in a time column's is the zone: "Opened (Europe/Berlin)". */
        public List<String> header(String... keys) {
            return Arrays.stream(keys).map(key -> messages.getMessage(key, new Object[] {zone.getId()}, locale))
                    .toList();
        }

        public String say(String key) {
            return messages.getMessage(key, null, locale);
        }

        public String words(Enum<?> value) {
            return EnumWords.of(messages, value, locale);
        }

        /** {@code 2026-12-01 11:00} on the reader's clock; null for none. */
        public String time(Instant instant) {
            return instant == null ? null : SORTABLE.format(instant.atZone(zone));
        }
    }
}
