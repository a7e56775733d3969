package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The small pieces of wording and timing the mails depend on. */
class MailWordingTests {

    @Test
    void remindersAreCountedInWords() {
        assertThat(ReaderWords.ordinal(1, Locale.ENGLISH)).isEqualTo("1st");
        assertThat(ReaderWords.ordinal(2, Locale.ENGLISH)).isEqualTo("2nd");
        assertThat(ReaderWords.ordinal(3, Locale.ENGLISH)).isEqualTo("3rd");
        assertThat(ReaderWords.ordinal(4, Locale.ENGLISH)).isEqualTo("4th");
        assertThat(ReaderWords.ordinal(11, Locale.ENGLISH)).isEqualTo("11th");
        assertThat(ReaderWords.ordinal(12, Locale.ENGLISH)).isEqualTo("12th");
        assertThat(ReaderWords.ordinal(22, Locale.ENGLISH)).isEqualTo("22nd");
        assertThat(ReaderWords.ordinal(2, Locale.GERMAN)).isEqualTo("2.");
        assertThat(ReaderWords.ordinal(1000, Locale.GERMAN)).as("no grouping").isEqualTo("1000.");
    }

    @Test
    void timesNameTheirZoneInWords_neverAnOffset() {
        Instant monday = Instant.parse("2026-03-02T09:00:00Z");
        assertThat(Words.time(monday, ZoneId.of("Europe/Berlin"), Locale.ENGLISH))
                .isEqualTo("Mon 2 Mar 2026, 10:00 Central European Time (Berlin)");
        assertThat(Words.time(monday, ZoneId.of("America/New_York"), Locale.ENGLISH))
                .isEqualTo("Mon 2 Mar 2026, 04:00 Eastern Time (New York)");
        // The old format said "COT", "EST", or an offset ("GMT-05:00") where the JDK knew no abbreviation.
        assertThat(Words.time(monday, ZoneId.of("America/Bogota"), Locale.ENGLISH))
                .isEqualTo("Mon 2 Mar 2026, 04:00 Colombia Time (Bogota)");
        assertThat(Words.time(monday, ZoneId.of("UTC"), Locale.ENGLISH))
                .isEqualTo("Mon 2 Mar 2026, 09:00 Coordinated Universal Time");
        assertThat(Words.time(monday, ZoneId.of("Europe/Berlin"), Locale.GERMAN))
                .isEqualTo("Mo., 2. März 2026, 10:00 Mitteleuropäische Zeit (Berlin)");
    }

    @Test
    void prioritiesAndChannels_areWords() {
        assertThat(Words.priority("HIGH", Locale.ENGLISH)).isEqualTo("high priority");
        assertThat(Words.priority("URGENT", Locale.GERMAN)).isEqualTo("dringend");
        assertThat(Words.prefers("PHONE", Locale.ENGLISH)).isEqualTo("prefers a phone call");
        assertThat(Words.prefers("SMS", Locale.GERMAN)).isEqualTo("möchte eine SMS");
    }

    @Test
    void intervals_sayHowTheyCount_andSecondsUnderAMinute() {
        assertThat(Words.interval(Duration.ofSeconds(30), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("30 seconds");
        assertThat(Words.interval(Duration.ofSeconds(1), TimeBasis.BUSINESS, Locale.ENGLISH)).isEqualTo("1 second");
        assertThat(Words.interval(Duration.ofMinutes(150), TimeBasis.CALENDAR, Locale.ENGLISH))
                .isEqualTo("2 hours 30 minutes");
        assertThat(Words.interval(Duration.ofDays(2), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("2 days");
        assertThat(Words.interval(Duration.ofDays(1).plusHours(2), TimeBasis.BUSINESS, Locale.ENGLISH))
                .isEqualTo("1 business day and 2 working hours");
        assertThat(Words.interval(Duration.ofMinutes(5), TimeBasis.BUSINESS, Locale.ENGLISH))
                .isEqualTo("5 working minutes");
        assertThat(Words.interval(Duration.ofDays(3), TimeBasis.BUSINESS, Locale.GERMAN)).isEqualTo("3 Werktage");
        assertThat(Words.interval(Duration.ofSeconds(45), TimeBasis.CALENDAR, Locale.GERMAN)).isEqualTo("45 Sekunden");
    }

    @Test
    void ages_areRoundedToTheNearestUnit_andJustNowUnderAMinute() {
        assertThat(Words.ago(Duration.ofSeconds(22), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("just now");
        assertThat(Words.ago(Duration.ofSeconds(59), TimeBasis.BUSINESS, Locale.ENGLISH)).isEqualTo("just now");
        assertThat(Words.ago(Duration.ofSeconds(89), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("1 minute ago");
        assertThat(Words.ago(Duration.ofSeconds(90), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("2 minutes ago");
        assertThat(Words.ago(Duration.ofMinutes(59).plusSeconds(40), TimeBasis.CALENDAR, Locale.ENGLISH))
                .isEqualTo("1 hour ago");
        assertThat(Words.ago(Duration.ofDays(2).minusMinutes(1), TimeBasis.BUSINESS, Locale.ENGLISH))
                .isEqualTo("2 business days ago");
        assertThat(Words.ago(Duration.ofDays(2), TimeBasis.CALENDAR, Locale.GERMAN)).isEqualTo("vor 2 Tagen");
        assertThat(Words.ago(Duration.ofSeconds(22), TimeBasis.CALENDAR, Locale.GERMAN)).isEqualTo("gerade eben");
        assertThat(Words.elapsed(Duration.ofSeconds(22), TimeBasis.CALENDAR, Locale.ENGLISH)).isEqualTo("22 seconds");
        assertThat(Words.elapsed(Duration.ofHours(5), TimeBasis.BUSINESS, Locale.ENGLISH))
                .isEqualTo("5 working hours");
    }

    @Test
    void aPersonGetsTheirLanguage_forEveryKind_aCustomerEnglish() {
        Function<String, Optional<Locale>> known = user -> switch (user) {
            case "hans" -> Optional.of(Locale.GERMANY);
            case "amelie" -> Optional.of(Locale.FRENCH);
            default -> Optional.empty();
        };
        Wording wording = new Wording(new Links("https://ft.example.com/"),
                new MailLanguages(known));

        assertThat(wording.locale(row(NotificationKind.HAND_OFF, "hans"))).isEqualTo(Locale.GERMAN);
        assertThat(wording.locale(row(NotificationKind.HAND_OFF, "sam"))).as("unknown").isEqualTo(Locale.ENGLISH);
        assertThat(wording.locale(row(NotificationKind.HAND_OFF, null))).as("a customer").isEqualTo(Locale.ENGLISH);
        assertThat(wording.locale(row(NotificationKind.HAND_OFF, "amelie"))).as("no French yet")
                .isEqualTo(Locale.ENGLISH);
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(wording.locale(row(kind, "hans"))).as(kind.name())
                    .isEqualTo(Wording.TO_CUSTOMERS.contains(kind) ? Locale.ENGLISH : Locale.GERMAN);
        }
        assertThat(Wording.TO_CUSTOMERS).as("the customers' mails")
                .allSatisfy(kind -> assertThat(kind.name()).startsWith("CUSTOMER_"));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(Wording.TO_CUSTOMERS)))
                .noneSatisfy(kind -> assertThat(kind.name()).startsWith("CUSTOMER_"));
        assertThat(new Wording(new Links("https://ft.example.com/"), MailLanguages.NONE)
                .locale(row(NotificationKind.HAND_OFF, "hans"))).as("nothing knows languages").isEqualTo(Locale.ENGLISH);
    }

    private static Outbox.Entry row(NotificationKind kind, String recipientId) {
        return new Outbox.Entry(1, "<id@test>", kind, EmailChannel.NAME, "FT-2026-000123", recipientId, "Sam",
                "sam@followthrough.test", ZoneId.of("Europe/Berlin"), "{}", null, null, null, 0, "test");
    }

    @Test
    void theFactsOfAStep_areWrittenOutForEachReader_timesOnTheirOwnClock() {
        String facts = Facts.withoutCase("FT-2026-000123")
                .put("what", "stalled hand-off")
                .put("reminder", 2)
                .put("handOff", new Facts.HandOffFacts(null, 1, 2))
                .at("due", Instant.parse("2026-03-02T09:00:00Z"))
                .at("snoozedUntil", null)
                .span("raised", Facts.Span.elapsed(Duration.ofSeconds(22), TimeBasis.BUSINESS))
                .span("reviewWithin", Facts.Span.interval(Duration.ofSeconds(30), TimeBasis.BUSINESS))
                .json();
        Wording wording = new Wording(new Links("https://ft.example.com/"), MailLanguages.NONE);

        Map<String, Object> berlin = wording.model(row(facts, ZoneId.of("Europe/Berlin")));
        assertThat(berlin).containsEntry("due", "Mon 2 Mar 2026, 10:00 Central European Time (Berlin)")
                .containsEntry("raised", "22 seconds").containsEntry("raisedAgo", "just now")
                .containsEntry("reviewWithin", "30 seconds").containsEntry("what", "stalled hand-off")
                .containsEntry("reminder", 2).containsEntry("snoozedUntil", null).containsEntry("recipientName", "Sam")
                .containsEntry("link", "https://ft.example.com/cases/FT-2026-000123");
        assertThat(berlin.get("handOff")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("note", null)
                .containsEntry("checkInsDone", 1).containsEntry("checkInsDue", 2);
        assertThat(wording.model(row(facts, ZoneId.of("America/New_York")))).containsEntry("due",
                "Mon 2 Mar 2026, 04:00 Eastern Time (New York)");
    }

    private static Outbox.Entry row(String facts, ZoneId zone) {
        return new Outbox.Entry(1, "<id@test>", NotificationKind.ESCALATION, EmailChannel.NAME, "FT-2026-000123", "sam",
                "Sam", "sam@followthrough.test", zone, facts, null, null, null, 0, "test");
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        var sender = new NotificationProperties.Sender(true, Duration.ofSeconds(5), 50, Duration.ofMinutes(2), 8,
                Duration.ofSeconds(30), Duration.ofMinutes(5), 1);
        assertThat(sender.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(sender.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(sender.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(sender.backoffAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(sender.backoffAfter(50)).isEqualTo(Duration.ofMinutes(5));
    }
}
