package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The small pieces of wording and timing the mails depend on. */
class MailWordingTests {

    @Test
    void remindersAreCountedInWords() {
        assertThat(Wording.ordinal(1)).isEqualTo("1st");
        assertThat(Wording.ordinal(2)).isEqualTo("2nd");
        assertThat(Wording.ordinal(3)).isEqualTo("3rd");
        assertThat(Wording.ordinal(4)).isEqualTo("4th");
        assertThat(Wording.ordinal(11)).isEqualTo("11th");
        assertThat(Wording.ordinal(12)).isEqualTo("12th");
        assertThat(Wording.ordinal(22)).isEqualTo("22nd");
    }

    @Test
    void timesNameTheirZone_inEnglishWhateverTheServersLocale() {
        Instant monday = Instant.parse("2026-03-02T09:00:00Z");
        assertThat(Wording.TIME_FORMAT.format(monday.atZone(ZoneId.of("Europe/Berlin"))))
                .isEqualTo("Mon 2 Mar 2026, 10:00 CET");
        assertThat(Wording.TIME_FORMAT.format(monday.atZone(ZoneId.of("America/New_York"))))
                .isEqualTo("Mon 2 Mar 2026, 04:00 EST");
    }

    @Test
    void theFactsOfAStep_areWrittenOutForEachReader_timesOnTheirOwnClock() {
        String facts = Facts.withoutCase("FT-2026-000123")
                .put("what", "stalled hand-off")
                .put("reminder", 2)
                .put("handOff", new Facts.HandOffFacts(null, 1, 2))
                .at("due", Instant.parse("2026-03-02T09:00:00Z"))
                .at("snoozedUntil", null)
                .json();
        Wording wording = new Wording(new Links("https://ft.example.com/"));

        Map<String, Object> berlin = wording.model(row(facts, ZoneId.of("Europe/Berlin")));
        assertThat(berlin).containsEntry("due", "Mon 2 Mar 2026, 10:00 CET").containsEntry("what", "stalled hand-off")
                .containsEntry("reminder", 2).containsEntry("snoozedUntil", null).containsEntry("recipientName", "Sam")
                .containsEntry("link", "https://ft.example.com/cases/FT-2026-000123");
        assertThat(berlin.get("handOff")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("note", null)
                .containsEntry("checkInsDone", 1).containsEntry("checkInsDue", 2);
        assertThat(wording.model(row(facts, ZoneId.of("America/New_York")))).containsEntry("due",
                "Mon 2 Mar 2026, 04:00 EST");
    }

    private static Outbox.Entry row(String facts, ZoneId zone) {
        return new Outbox.Entry(1, "<id@test>", NotificationKind.ESCALATION, EmailChannel.NAME, "FT-2026-000123", "Sam",
                "sam@followthrough.test", zone, facts, null, null, null, 0, "test");
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
