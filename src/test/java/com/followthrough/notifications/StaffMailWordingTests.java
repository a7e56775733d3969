package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.notifications.Facts.Colleague;
import com.followthrough.notifications.Facts.Span;
import com.followthrough.policy.Priority;
import com.followthrough.policy.TimeBasis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind sent to a person renders in English and in German from the same facts, every branch of its templates
 * included: no text left untranslated ({@code ??key??}), the German phrase there, the English one not. The GreenMail
 * tests ({@code StaffMailLanguageIntegrationTests}) send each kind for real; this covers the branches a story rarely
 * reaches (a broken promise, a snooze, a reopened case, each escalation, an old row's English facts).
 */
class StaffMailWordingTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final CaseRecord KASE = new CaseRecord(1, "FT-2026-000123",
            new Customer("Jane Doe", "jane@customer.test", "+44 20 7946 0000", ContactChannel.PHONE), Priority.HIGH,
            "Refund not received", "Charged twice", "alice", CaseStatus.HANDED_OFF, null, "alice", NOW, NOW, NOW, null,
            0, 0, null, 0);
    private static final MailTemplates TEMPLATES = new MailTemplates(MailTemplates.LOCATION);

    static Stream<Arguments> everyKindAndBranch() {
        Span day = Span.interval(Duration.ofDays(1), TimeBasis.BUSINESS);
        Span twoDays = Span.elapsed(Duration.ofDays(2), TimeBasis.BUSINESS);
        Colleague paul = new Colleague(null, "Paul (accounting)");
        Colleague team = new Colleague("accounting", null);
        return Stream.of(
                arguments(NotificationKind.HAND_OFF, "Ihr Team accounting", "your team",
                        base().at("due", NOW).span("escalateAfter", day).put("reason", "PASSED_ON")
                                .put("from", new Facts.Named("Bob")).put("team", "accounting").put("note", "Urgent")),
                arguments(NotificationKind.FIRST_ACTION_DUE, "Wartet auf Sie", "Waiting for you",
                        base().put("reopened", true).at("since", NOW).span("waiting", twoDays)
                                .span("firstActionWithin", day).span("escalateAfter", day)),
                arguments(NotificationKind.CHECK_IN_DUE, "2. Erinnerung", "2nd reminder",
                        base().put("colleague", team).put("reminder", 2).put("handOff", new Facts.HandOffFacts(
                                "Please book it", 1, 2)).put("snooze", new Facts.Snoozed("on holiday"))
                                .at("snoozedUntil", NOW).span("handedOff", twoDays).at("handedOffAt", NOW)
                                .span("checkInEvery", day)),
                arguments(NotificationKind.CHECK_IN_DUE, "hat bis", "promised by",
                        base().put("colleague", paul).put("reminder", 1).put("brokenPromise",
                                new Facts.Promised("refund goes out")).at("promisedBy", NOW)
                                .put("handOff", new Facts.HandOffFacts(null, 0, 1)).span("handedOff", twoDays)
                                .at("handedOffAt", NOW).span("checkInEvery", day)),
                arguments(NotificationKind.VERIFICATION_DUE, "Prüfen Sie die Lösung", "Verify the fix",
                        base().put("colleague", null).put("resolution", "Booked").at("resolvedAt", NOW)
                                .span("waiting", twoDays).span("verifyWithin", day).span("escalateAfter", day)),
                arguments(NotificationKind.CALLBACK_DUE, "Rückruf fällig", "Callback due",
                        base().put("attempt", 1).put("attempts", 3).at("due", NOW).span("callbackWithin", day)
                                .put("window", new Facts.Window("2026-03-03T14:00:00Z", "2026-03-03T16:00:00Z",
                                        "Europe/London"))),
                arguments(NotificationKind.CALLBACK_OVERDUE, "Rückruf überfällig", "Callback overdue",
                        base().put("attempt", 1).at("due", NOW).span("late", twoDays)),
                escalation("HAND_OFF_STALLED", base().put("handOff", new Facts.HandOffFacts("note", 0, 2))
                        .put("colleague", paul).span("openFor", twoDays).at("handedOffAt", NOW)
                        .span("escalateAfter", day)),
                escalation("CALLBACK_LATE", base().at("due", NOW).span("late", twoDays).put("attempt", 2)),
                escalation("FIRST_ACTION_LATE", base().span("waiting", twoDays).at("since", NOW)
                        .span("escalateAfter", day)),
                escalation("VERIFICATION_LATE", base().span("waiting", twoDays).at("since", NOW)
                        .span("escalateAfter", day).put("colleague", team)),
                arguments(NotificationKind.ESCALATION_UNREVIEWED, "nicht bearbeiteter Fall", "case not worked",
                        base().put("kind", "FIRST_ACTION_LATE").at("escalatedAt", NOW).span("raised", twoDays)
                                .put("reminder", 3).span("reviewWithin", day)),
                arguments(NotificationKind.QUESTION, "mit einer Frage", "with a question",
                        base().put("from", new Facts.Named("Paul")).put("question", "Which account?")),
                arguments(NotificationKind.HAND_OFF_RESOLVED, "Zeit zu prüfen", "time to verify",
                        base().put("from", new Facts.Named("Paul")).put("resolution", "Booked")),
                arguments(NotificationKind.THANKS, "dankt Ihnen", "thanked you",
                        Facts.withoutCase("FT-2026-000123").put("thanks", new StoryFacts.Thanked("Alice", null,
                                "FT-2026-000123", "Thanks!", true)).at("givenAt", NOW)),
                arguments(NotificationKind.AUDIT_FINDING, "Prozess ohne Fall", "process without a case",
                        Facts.withoutCase(null).put("finding", new Facts.Finding("proc-1", "no case", null))
                                .put("kind", "PROCESS_WITHOUT_CASE").at("firstSeen", NOW)),
                arguments(NotificationKind.WEEKLY_DIGEST, "Ihr Wochenrückblick", "your weekly digest",
                        Facts.withoutCase(null).put("weekOf", "2026-09-07").put("timeBasis", "business")
                                .put("numbers", List.of(new StoryFacts.Numbers(null, 3, 4, 0.75, 14_400L, 3.6667, 3),
                                        new StoryFacts.Numbers("accounting", 0, 0, null, null, null, 0)))
                                .put("featured", List.of(new StoryFacts.Featured("FT-1", "Charged twice", "Sorted",
                                        "All good", List.of("Alice", "Paul"))))
                                .put("thanksGiven", List.of(new StoryFacts.Thanked("Alice", "Paul", "FT-1", "Thanks",
                                        false)))
                                .put("own", new StoryFacts.Own(1, 2, 1, 1))
                                .put("outreaches", List.of(new StoryFacts.Outreach("Glasses", 6, 4, 3, 0, 3)))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKindAndBranch")
    void aPersonReadsEveryKindInTheirLanguage(NotificationKind kind, String german, String english, Facts facts) {
        MailTemplates.Parts de = render(kind, facts, "hans");
        MailTemplates.Parts en = render(kind, facts, "sam");
        keepForReview(kind, german, de, en);

        for (String part : List.of(de.subject(), de.text(), de.html())) {
            assertThat(part).doesNotContain("??", "_de").doesNotContainIgnoringCase(english);
        }
        assertThat(de.subject() + de.text()).contains(german);
        assertThat(de.text()).startsWith("Hallo Hans,");
        assertThat(de.html()).contains("Hallo Hans,");
        for (String part : List.of(en.subject(), en.text(), en.html())) {
            assertThat(part).doesNotContain("??", german);
        }
        assertThat((en.subject() + en.text()).toLowerCase(Locale.ENGLISH)).contains(english.toLowerCase(Locale.ENGLISH));
        assertThat(en.text()).startsWith("Hi Sam,");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindAndBranch")
    void germanWordsEveryCodeAndTime(NotificationKind kind, String german, String english, Facts facts) {
        MailTemplates.Parts de = render(kind, facts, "hans");

        assertThat(de.subject() + de.text()).doesNotContain("HIGH", "PHONE", "HAND_OFF_STALLED", "CALLBACK_LATE",
                "FIRST_ACTION_LATE", "VERIFICATION_LATE", "PROCESS_WITHOUT_CASE", "business day", "team accounting",
                " ago", "2nd", "3rd", "London time", "your time", "All cases", "working time");
    }

    static Stream<NotificationKind> staffKinds() {
        return EnumSet.complementOf(EnumSet.copyOf(Wording.TO_CUSTOMERS)).stream();
    }

    @ParameterizedTest
    @MethodSource("staffKinds")
    void everyStaffKindIsCovered(NotificationKind kind) {
        assertThat(everyKindAndBranch().map(arguments -> arguments.get()[0])).contains(kind);
    }

    /** Each sample as a reader sees it, in {@code target/mail-samples}, for a person to read the wording through. */
    private static void keepForReview(NotificationKind kind, String german, MailTemplates.Parts... parts) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "mail-samples"));
            StringBuilder sample = new StringBuilder();
            for (MailTemplates.Parts part : parts) {
                sample.append("Subject: ").append(part.subject()).append("\n\n").append(part.text()).append("\n---\n");
            }
            Files.writeString(dir.resolve(kind.template() + "-" + german.replaceAll("\\W+", "_") + ".txt"), sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MailTemplates.Parts render(NotificationKind kind, Facts facts, String reader) {
        Wording wording = new Wording(new Links("https://ft.example.com/"), new MailLanguages(
                user -> user.equals("hans") ? Optional.of(Locale.GERMANY) : Optional.empty()));
        Outbox.Entry row = new Outbox.Entry(1, "<id@test>", kind, EmailChannel.NAME, facts.caseNumber(), reader,
                reader.equals("hans") ? "Hans" : "Sam", reader + "@followthrough.test", ZoneId.of("Europe/Berlin"),
                facts.json(), null, null, null, 0, "test");
        Map<String, Object> model = wording.model(row);
        return TEMPLATES.render(kind, model, wording.locale(row));
    }

    private static Facts base() {
        return Facts.of(KASE, "Alice");
    }

    private static Arguments escalation(String kind, Facts facts) {
        return arguments(NotificationKind.ESCALATION, "Eskalation", "Escalation", facts.put("kind", kind));
    }

    private static Arguments arguments(NotificationKind kind, String german, String english, Facts facts) {
        return Arguments.of(kind, german, english, facts);
    }
}
