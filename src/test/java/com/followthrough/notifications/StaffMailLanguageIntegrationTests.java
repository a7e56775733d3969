package com.followthrough.notifications;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.audit.FindingKind;
import com.followthrough.audit.FindingReported;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.security.UserLanguages;
import com.followthrough.stories.DigestDue;
import com.followthrough.stories.ThanksGiven;
import com.followthrough.stories.WeeklyDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every kind of mail sent to a person goes out in the language their profile names: the same story told twice, once
 * with Alice (owner), Paul (colleague), Sam (supervisor) and Ada (administrator) reading German, once with nobody
 * having chosen (English). Real engine, outbox, sender and GreenMail; time moved on the engine clock. Thanks, the
 * weekly digest and an auditor's finding are told by publishing their modules' events, as those modules do, in a
 * transaction.
 */
@CaseIntegrationTest
class StaffMailLanguageIntegrationTests {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String ADA = "ada";
    private static final List<String> READERS = List.of(ALICE, PAUL, SAM, ADA);

    @Autowired
    CaseService cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    EngineTime time;
    @Autowired
    OutboxSender sender;
    @Autowired
    Mailbox mailbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserLanguages languages;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    Deliveries deliveries;

    @BeforeEach
    void setUp() {
        administrator();
        time.freezeAt(Instant.parse("2026-03-02T09:00:00Z")); // Monday 10:00 in Berlin
        deliveries = new Deliveries(sender, mailbox, jdbc);
        deliveries.reset();
    }

    @AfterEach
    void tearDown() {
        READERS.forEach(reader -> languages.choose(reader, Optional.empty()));
        time.reset();
        runtime.createProcessInstanceQuery().list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    @Test
    void peopleWhoChoseGerman_getEveryKindInGerman() {
        READERS.forEach(reader -> languages.choose(reader, Optional.of(Locale.GERMAN)));

        Map<String, Received> mails = story();

        assertThat(mails.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        mails.forEach((what, mail) -> {
            Phrases phrases = EXPECTED.get(what);
            assertThat(mail.language()).as(what).isEqualTo("de");
            assertThat(mail.subject()).as(what).contains(phrases.germanSubject()).doesNotContain("??")
                    .doesNotContain(phrases.englishSubject());
            assertThat(mail.text()).as(what).startsWith("Hallo ").contains(phrases.germanBody())
                    .doesNotContain("??", phrases.englishBody(), "Hi ", "business day", "HIGH", "NORMAL");
            assertThat(mail.html()).as(what).contains("Hallo ").doesNotContain("??", "Hi ");
        });
        assertThat(mails.get("check-in-due 2").subject()).as("the ordinal in German").startsWith("2. Erinnerung");
        assertThat(mails.get("escalation stalled").text()).contains("an Paul (accounting) übergeben");
        assertThat(mails.get("weekly-digest").text()).contains("Alle Fälle: 3 bis zum bestätigten Rückruf verfolgt "
                + "(75\u00a0% von 4 nach einem Rückruf abgeschlossen), Median 4 Std. 0 Min. Arbeitszeit");
    }

    @Test
    void peopleWhoChoseNoLanguage_getEveryKindInEnglish_eachMailOnce() {
        Map<String, Received> mails = story();

        assertThat(mails.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        mails.forEach((what, mail) -> {
            Phrases phrases = EXPECTED.get(what);
            assertThat(mail.language()).as(what).isEqualTo("en");
            assertThat(mail.subject()).as(what).contains(phrases.englishSubject()).doesNotContain("??")
                    .doesNotContain(phrases.germanSubject());
            assertThat(mail.text()).as(what).startsWith("Hi ").contains(phrases.englishBody())
                    .doesNotContain("??", phrases.germanBody(), "Hallo ");
        });
        assertThat(mails.get("check-in-due 2").subject()).startsWith("2nd reminder: Check in with Paul (accounting)");
        assertThat(mails.get("weekly-digest").text()).contains("All cases: 3 followed through to a confirmed callback "
                + "(75% of 4 closed after a callback), median 4 h 0 min working time");
        // Exactly once: every row sent, under its own Message-ID, arrived once.
        List<String> sent = jdbc.sql("select message_id from ft_mail_outbox where state = 'SENT'")
                .query(String.class).list();
        assertThat(mailbox.received()).extracting(Received::messageId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(sender.deliverDue()).as("nothing sent twice").isZero();
    }

    /** What each mail of the story says in German and in English (in the subject, and in the body). */
    record Phrases(String germanSubject, String englishSubject, String germanBody, String englishBody) {
    }

    private static final Map<String, Phrases> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("hand-off", new Phrases("braucht Ihre Hilfe", "needs your help", "bleibt zuständig",
                "stays the owner"));
        EXPECTED.put("check-in-due 1", new Phrases("Fragen Sie bei Paul (accounting)", "Check in with Paul",
                "Nachfrage-Erinnerung", "check-in reminder"));
        EXPECTED.put("check-in-due 2", new Phrases("Erinnerung: Fragen Sie", "reminder: Check in",
                "Sie haben ihn vor 2 Werktagen übergeben", "You handed it off 2 business days ago"));
        EXPECTED.put("escalation stalled", new Phrases("Übergabe zu", "hand-off on", "stockt", "has stalled"));
        EXPECTED.put("hand-off-resolved", new Phrases("Zeit zu prüfen", "time to verify", "und schreibt:",
                "and wrote:"));
        EXPECTED.put("verification-due", new Phrases("Prüfen Sie die Lösung", "Verify the fix",
                "noch nicht geprüft", "not verified yet"));
        EXPECTED.put("escalation verification", new Phrases("Prüfung durch Alice", "Alice's verification",
                "von Alice noch nicht geprüft", "still not verified by Alice"));
        EXPECTED.put("escalation-unreviewed", new Phrases("Noch nicht geprüft (1. Erinnerung): nicht geprüfte Lösung",
                "Still unreviewed (1st reminder): fix not verified", "ist noch nicht geprüft", "is still unreviewed"));
        EXPECTED.put("callback-due", new Phrases("Rückruf fällig", "Callback due", "Versuch 1 von 3",
                "attempt 1 of 3"));
        EXPECTED.put("callback-overdue", new Phrases("Rückruf überfällig", "Callback overdue",
                "Eine Führungskraft wurde benachrichtigt", "A supervisor has been alerted"));
        EXPECTED.put("escalation callback", new Phrases("Rückruf zu", "callback on", "zu spät", "late:"));
        EXPECTED.put("first-action-due", new Phrases("Wartet auf Sie", "Waiting for you", "ersten Schritt",
                "first action"));
        EXPECTED.put("escalation first action", new Phrases("weder übergeben noch gelöst",
                "not handed off or resolved", "wurde erinnert", "has been reminded"));
        EXPECTED.put("question", new Phrases("mit einer Frage zurückgeschickt", "back with a question",
                "Beantworten Sie sie", "Answer it"));
        EXPECTED.put("thanks", new Phrases("dankt Ihnen", "thanked you", "Gesendet", "Given"));
        EXPECTED.put("weekly-digest", new Phrases("Ihre Woche ab 7. Sept. 2026: 3 Kunden bestätigen die Lösung",
                "Your week of 7 Sep 2026: 3 customers confirmed it is solved", "Ausgesprochener Dank", "Thanks given"));
        EXPECTED.put("audit-finding", new Phrases("Prozess ohne Fall", "process without a case",
                "Die Prüfung ändert nichts", "The auditor changes nothing"));
    }

    /** Every kind sent to a person, each named by what the story did; customers' mails left aside. */
    private Map<String, Received> story() {
        Map<String, Received> mails = new LinkedHashMap<>();
        String n = cases.open(intake(), ALICE).number();
        deliveries.deliver();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Refund of 120 EUR was never booked");
        mails.put("hand-off", one(PAUL));
        time.advance(Duration.ofDays(1).plus(SECOND));
        mails.put("check-in-due 1", one(ALICE));
        time.advance(Duration.ofDays(1));
        mails.put("check-in-due 2", one(ALICE));
        time.advance(Duration.ofDays(1));
        List<Received> third = staff();
        mails.put("escalation stalled", to(third, SAM));
        cases.resolveHandOff(n, PAUL, "Refund booked today");
        mails.put("hand-off-resolved", one(ALICE));
        time.advance(Duration.ofDays(1));
        mails.put("verification-due", one(ALICE));
        time.advance(Duration.ofDays(3));
        mails.put("escalation verification", one(SAM));
        time.advance(Duration.ofDays(30));
        mails.put("escalation-unreviewed", one(SAM));
        cases.verify(n, ALICE, true, "Paul showed me the booking");
        deliveries.deliver();
        time.advance(Duration.ofDays(1).plus(SECOND));
        mails.put("callback-due", one(ALICE));
        time.advance(Duration.ofDays(1));
        List<Received> late = staff();
        mails.put("callback-overdue", to(late, ALICE));
        mails.put("escalation callback", to(late, SAM));

        String waiting = cases.open(intake(), ALICE).number();
        deliveries.deliver();
        time.advance(Duration.ofHours(4).plus(SECOND));
        mails.put("first-action-due", one(ALICE));
        time.advance(Duration.ofDays(3)); // past eight working hours, over a weekend if there is one
        mails.put("escalation first action", to(staff(), SAM));

        String asked = cases.open(intake(), ALICE).number();
        cases.handOff(asked, ALICE, HandOffTarget.colleague(PAUL), null);
        deliveries.deliver();
        cases.sendBack(asked, PAUL, "Which invoice was it?");
        mails.put("question", one(ALICE));

        Instant now = time.now();
        inATransaction(new ThanksGiven(1, n, PAUL, "Paul", ALICE, "Thanks for following through", now, false));
        mails.put("thanks", one(ALICE));
        inATransaction(new DigestDue(digestFor(ALICE, now)));
        mails.put("weekly-digest", one(ALICE));
        inATransaction(new FindingReported(1, FindingKind.PROCESS_WITHOUT_CASE, "process-42", null,
                "a process with no case", now));
        mails.put("audit-finding", one(ADA));
        assertThat(mails.values()).doesNotContainNull();
        return mails;
    }

    private void inATransaction(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static WeeklyDigest digestFor(String person, Instant now) {
        var all = new WeeklyDigest.WeekInNumbers(null, "All cases", 3, 4, 0.75, 14_400L, "4 h 0 min working time",
                null, 0);
        return new WeeklyDigest(person, "Alice", LocalDate.of(2026, 9, 7), now.minus(Duration.ofDays(7)), now,
                "business", List.of(all), List.of(), List.of(), new WeeklyDigest.OwnWeek(1, 0, 0, List.of()), List.of());
    }

    /** The mail to this person that arrived since the last look: exactly one (supervisors' reminders may come too). */
    private Received one(String userId) {
        List<Received> arrived = staff().stream().filter(mail -> mail.to().equals(address(userId))).toList();
        assertThat(arrived).hasSize(1);
        return arrived.get(0);
    }

    /** The mail to people that arrived since the last look (customers' mails left aside). */
    private List<Received> staff() {
        return new ArrayList<>(deliveries.deliver().stream()
                .filter(mail -> mail.to().endsWith("@followthrough.test")).toList());
    }

    private static Received to(List<Received> mails, String userId) {
        return mails.stream().filter(mail -> mail.to().equals(address(userId))).findFirst().orElse(null);
    }

    private static String address(String userId) {
        return userId + "@followthrough.test";
    }

    private void administrator() {
        if (identity.createUserQuery().userId(ADA).count() == 0) {
            var user = identity.newUser(ADA);
            user.setFirstName("Ada");
            user.setEmail(address(ADA));
            identity.saveUser(user);
            identity.createMembership(ADA, "admins");
        }
    }

    private static OpenCase intake() {
        return anOpenCase().forCustomer(aCustomer().named("Jane Doe").withEmail("jane.doe@customer.test")
                .withPhone("+44 20 7946 0000")).withSummary("Refund not received").build();
    }
}
