package com.followthrough.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The pages' one wording of a duration, saying its basis, in English and German (the dashboard, outreach, stories). */
class DurationWordsTests {

    private final DurationWords words = new DurationWords(messages());

    @Test
    void calendarTimeInDaysHoursAndMinutes() {
        assertThat(words.of(Duration.ofMinutes(125), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("2 h 5 min");
        assertThat(words.of(Duration.ofHours(51), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("2 d 3 h");
        assertThat(words.of(Duration.ofSeconds(40), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("0 min");
        assertThat(words.of(Duration.ofMinutes(125), TimeBasis.CALENDAR, Locale.GERMAN)).isEqualTo("2 Std. 5 Min.");
        assertThat(words.of(Duration.ofHours(51), TimeBasis.CALENDAR, Locale.GERMAN)).isEqualTo("2 T. 3 Std.");
    }

    @Test
    void workingTimeSaysSoInHoursAndMinutes() {
        assertThat(words.of(Duration.ofHours(30), TimeBasis.BUSINESS, Locale.ENGLISH))
                .isEqualTo("30 h 0 min working time");
        assertThat(words.of(Duration.ofMinutes(12), TimeBasis.BUSINESS, Locale.GERMAN)).isEqualTo("12 Min. Arbeitszeit");
    }

    @Test
    void secondsForTemplatesAreEmptyWhenThereAreNone() {
        assertThat(words.seconds(null, TimeBasis.CALENDAR)).isEmpty();
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
