package com.followthrough.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The customer's callback window in words: their hours, and the reader's where their clock differs; in English or German. */
class CallbackWindowWordsTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY = Instant.parse("2026-03-30T08:00:00Z");
    private final CallbackWindow window = new CallbackWindow(LocalDate.of(2026, 3, 31), LocalTime.of(14, 0),
            LocalTime.of(16, 0), LONDON);

    @Test
    void inEnglish_forTheApi_asBefore() {
        assertThat(window.describe(MONDAY, LONDON)).isEqualTo("Tue 31 Mar, 14:00–16:00 London time");
        assertThat(window.describe(MONDAY, BERLIN))
                .isEqualTo("Tue 31 Mar, 14:00–16:00 London time (15:00–17:00 your time)");
        assertThat(window.describe(MONDAY, ZoneId.of("Pacific/Auckland")))
                .isEqualTo("Tue 31 Mar, 14:00–16:00 London time (Wed 1 Apr, 02:00–04:00 your time)");
    }

    @Test
    void inTheReadersLanguage_fromTheMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        assertThat(window.describe(MONDAY, BERLIN, messages, Locale.GERMAN))
                .isEqualTo("Di., 31. März, 14:00–16:00 Uhr Ortszeit London (15:00–17:00 Uhr Ihre Zeit)");
        assertThat(window.describe(MONDAY, LONDON, messages, Locale.GERMAN))
                .isEqualTo("Di., 31. März, 14:00–16:00 Uhr Ortszeit London");
        assertThat(window.describe(MONDAY, BERLIN, messages, Locale.ENGLISH))
                .isEqualTo(window.describe(MONDAY, BERLIN));
    }
}
