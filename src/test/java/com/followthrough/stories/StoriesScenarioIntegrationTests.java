package com.followthrough.stories;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.notifications.OutboxSender;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One seeded week (Mon 7 to Sun 13 Sep 2026, Berlin; NORMAL policy, business time) and what stories, the weekly digest
 * and recognition make of it, against figures computed by hand:
 *
 * <pre>
 * P  bob    Fri 4 Sep, first contact                                           the week before: left out
 * A  alice  Mon 10:00 → paul, resolved 12:00, verified 13:00, confirmed 14:00 (5), consent   4 h working time
 * B  bob    Mon 14:00 → accounting; paul resolved Tue 10:00, not effective 11:00; resolved again 12:00,
 *           verified 13:00; confirmed Wed 10:00 (2), NO consent                                12 h working time
 * C  alice  Thu 10:00 first contact
 * U  alice  Thu 10:00 → billing, resolved by alice; no answer Thu 11:00, 15:00, Fri 11:00: unreachable
 * D  bob    Fri 12:00 → paul, resolved 13:00, verified 13:30; more help needed 14:00 (4), consent  2 h working time
 * N  alice  Mon 14 Sep 09:30, first contact                                   the week after: left out
 * thanks: alice → paul on A (Tue), bob → paul on B (Wed), paul → bob on D (Fri); sam features A (Wed), D (Mon 14)
 * </pre>
 * All cases: confirmed A, B, D = 3 of 4 closed after a callback (A, B, U, D): 75 %; median call → confirmation of 4 h,
 * 12 h, 2 h = 4 h; satisfaction (5 + 2 + 4) / 3 = 3.7 of 3 scores. Team accounting (to accounting or to paul): A, B, D:
 * 3 of 3. Team billing: U, 0 of 1.
 */
@CaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoriesScenarioIntegrationTests {

    static final LocalDate WEEK = LocalDate.parse("2026-09-07");
    static final Instant DIGESTS_DUE = Instant.parse("2026-09-14T20:00:00Z");
    static final Caller SAM_CALLER = new Caller(SAM, Set.of("supervisors", "agents"));
    static final Caller ALICE_CALLER = new Caller(ALICE, Set.of("agents"));
    static final Caller BOB_CALLER = new Caller(BOB, Set.of("agents"));
    static final Caller PAUL_CALLER = new Caller(PAUL, Set.of("accounting"));
    static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    CaseService cases;
    @Autowired
    Stories stories;
    @Autowired
    Thanks thanks;
    @Autowired
    DigestWriter writer;
    @Autowired
    DigestContent content;
    @Autowired
    Digests digests;
    @Autowired
    Recognition recognition;
    @Autowired
    EngineTime time;
    @Autowired
    OutboxSender sender;
    @Autowired
    Mailbox mailbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    String a, b, c, u, d, n;
    List<Received> thanksMails;

    @BeforeAll
    void aSeededWeek() {
        for (String table : List.of("ft_story", "ft_story_person", "ft_story_hand_off", "ft_story_closed", "ft_thanks",
                "ft_digest", "ft_digest_opt_out", "ft_mail_outbox")) {
            jdbc.sql("delete from " + table).update();
        }
        mailbox.start();
        mailbox.purge();
        // One Spring context serves many test classes: no timers of theirs fire while this week is played.
        runtime.createProcessInstanceQuery().list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "another test's case", true));

        time.freezeAt(Instant.parse("2026-09-04T08:00:00Z"));
        String p = open(BOB);
        cases.resolveOnFirstContact(p, BOB, "Explained", "Thanks");

        at("2026-09-07T08:00:00Z");
        a = open(ALICE);
        cases.handOff(a, ALICE, HandOffTarget.colleague(PAUL), "Please refund");
        at("2026-09-07T10:00:00Z");
        cases.resolveHandOff(a, PAUL, "Refunded");
        at("2026-09-07T11:00:00Z");
        cases.verify(a, ALICE, true, null);
        at("2026-09-07T12:00:00Z");
        cases.recordCallback(a, ALICE, new CallbackReport(CallbackOutcome.CONFIRMED, "Paul sorted it " + SCRIPT, 5,
                null).shared("Charged twice " + SCRIPT, "Refunded in a day"));
        b = open(BOB);
        cases.handOff(b, BOB, HandOffTarget.team("accounting"), null);

        at("2026-09-08T08:00:00Z");
        cases.resolveHandOff(b, PAUL, "Refunded");
        at("2026-09-08T09:00:00Z");
        cases.verify(b, BOB, false, "Still charged");
        at("2026-09-08T10:00:00Z");
        cases.resolveHandOff(b, PAUL, "Refunded, really");
        at("2026-09-08T11:00:00Z");
        cases.verify(b, BOB, true, null);
        at("2026-09-08T12:00:00Z");
        thanks.give(a, ALICE_CALLER, PAUL, "Thanks " + SCRIPT + " Paul!");

        at("2026-09-09T08:00:00Z");
        cases.recordCallback(b, BOB, new CallbackReport(CallbackOutcome.CONFIRMED, "secret words of B", 2, null));
        at("2026-09-09T09:00:00Z");
        thanks.give(b, BOB_CALLER, PAUL, "Thanks for doing it twice");
        at("2026-09-09T10:00:00Z");
        stories.feature(a, SAM_CALLER);

        at("2026-09-10T08:00:00Z");
        c = open(ALICE);
        cases.resolveOnFirstContact(c, ALICE, "Explained", "first-contact words");
        u = open(ALICE);
        cases.handOff(u, ALICE, HandOffTarget.team("billing"), null);
        cases.resolveHandOff(u, ALICE, "Did it myself");
        cases.verify(u, ALICE, true, null);
        at("2026-09-10T09:00:00Z");
        cases.recordCallback(u, ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        at("2026-09-10T13:00:00Z"); // the retry: 4 working hours after Thu 11:00 Berlin
        cases.recordCallback(u, ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));
        at("2026-09-11T09:00:00Z"); // 2 working hours on Thursday, 2 on Friday
        cases.recordCallback(u, ALICE, CallbackReport.of(CallbackOutcome.NO_ANSWER));

        at("2026-09-11T10:00:00Z");
        d = open(BOB);
        cases.handOff(d, BOB, HandOffTarget.colleague(PAUL), null);
        at("2026-09-11T11:00:00Z");
        cases.resolveHandOff(d, PAUL, "Fixed");
        at("2026-09-11T11:30:00Z");
        cases.verify(d, BOB, true, null);
        at("2026-09-11T12:00:00Z");
        cases.recordCallback(d, BOB, new CallbackReport(CallbackOutcome.MORE_HELP_NEEDED, "Happy, and one more thing",
                4, "Change of address").shared(null, null));
        at("2026-09-11T13:00:00Z");
        thanks.give(d, PAUL_CALLER, BOB, "Thanks for checking with me");

        at("2026-09-14T07:30:00Z");
        n = open(ALICE);
        cases.resolveOnFirstContact(n, ALICE, "Explained", null);
        at("2026-09-14T07:35:00Z");
        stories.feature(d, SAM_CALLER);
        thanksMails = deliver();
    }

    @AfterEach
    void freezeAgain() {
        time.freezeAt(DIGESTS_DUE);
    }

    @AfterAll
    void resetClock() {
        time.reset();
    }

    @Test
    @Order(1)
    void theScenarioClosedAsTheTableSays() {
        assertThat(List.of(a, b, c, u, d, n).stream().map(number -> cases.get(number).closedAs().name()))
                .containsExactly("CONFIRMED_BY_CALLBACK", "CONFIRMED_BY_CALLBACK", "CONFIRMED_ON_FIRST_CONTACT",
                        "UNREACHABLE", "CONFIRMED_WITH_LINKED_CASE", "CONFIRMED_ON_FIRST_CONTACT");
    }

    @Test
    @Order(2)
    void onlyConsentedConfirmedCasesAreStories_withTheirPeopleAndNumbers() {
        StoryPage all = stories.list(SAM_CALLER, null, null, null, 0, 100);
        assertThat(all.items()).extracting(Story::caseNumber).containsExactly(d, a); // both featured, latest first
        Story storyA = stories.get(a, ALICE_CALLER);
        assertThat(storyA.customerWords()).isEqualTo("Paul sorted it " + SCRIPT);
        assertThat(storyA.before()).isEqualTo("Charged twice " + SCRIPT);
        assertThat(storyA.after()).isEqualTo("Refunded in a day");
        assertThat(storyA.people()).extracting(Story.Person::id, Story.Person::role)
                .containsExactly(tuple(ALICE, "owner"), tuple(PAUL, "colleague"));
        assertThat(storyA.numbers()).isEqualTo(new Story.Numbers(4 * 3600, "4 h 0 min working time", 1, 0, 1));
        assertThat(storyA.thanks()).extracting(ThanksNote::from, ThanksNote::to).containsExactly(tuple(ALICE, PAUL));
        assertThat(stories.get(d, BOB_CALLER).before()).isNull();

        for (String notAStory : List.of(b, c, u, n)) {
            assertThatThrownBy(() -> stories.get(notAStory, SAM_CALLER)).isInstanceOf(StoryNotFoundException.class);
        }
        assertThat(stories.list(SAM_CALLER, "secret", null, null, 0, 100).totalItems()).isZero();
        assertThat(stories.list(SAM_CALLER, b, null, null, 0, 100).totalItems()).isZero();
        assertThat(stories.csv(SAM_CALLER, null, null, null)).contains(a, d).doesNotContain(b, "secret words of B",
                "first-contact words");
        assertThat(stories.list(ALICE_CALLER, "sorted", null, null, 0, 100).items()).extracting(Story::caseNumber)
                .containsExactly(a);
        assertThat(stories.list(ALICE_CALLER, null, "billing", null, 0, 100).totalItems()).isZero();
        assertThat(stories.list(ALICE_CALLER, null, "accounting", null, 0, 100).items()).hasSize(2);
    }

    @Test
    @Order(3)
    void thanksMailedOnceToTheColleague_scriptShownAsText() {
        assertThat(thanksMails).extracting(Received::to, Received::subject).containsExactlyInAnyOrder(
                tuple("paul@followthrough.test", "Alice thanked you for your part in " + a),
                tuple("paul@followthrough.test", "Bob thanked you for your part in " + b),
                tuple("bob@followthrough.test", "Paul (accounting) thanked you for your part in " + d));
        assertThat(thanksMails.stream().map(Received::messageId).distinct()).hasSize(3);
        Received toPaul = thanksMails.stream().filter(mail -> mail.subject().contains(a)).findFirst().orElseThrow();
        assertThat(toPaul.text()).contains("Thanks " + SCRIPT + " Paul!", "/stories/" + a);
        assertThat(toPaul.html()).contains("Thanks &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Paul!")
                .doesNotContain(SCRIPT);
        assertThat(deliver()).as("nothing more").isEmpty();
        assertThatThrownBy(() -> thanks.give(a, ALICE_CALLER, PAUL, "Again"))
                .isInstanceOf(StoryConflictException.class);
    }

    @Test
    @Order(4)
    void theDigestEqualsTheFiguresComputedByHand() {
        WeeklyDigest forSam = content.of(SAM, true, WEEK, DIGESTS_DUE);
        assertThat(forSam.from()).isEqualTo(Instant.parse("2026-09-06T22:00:00Z"));
        assertThat(forSam.to()).isEqualTo(Instant.parse("2026-09-13T22:00:00Z"));
        Map<String, WeeklyDigest.WeekInNumbers> rows = forSam.numbers().stream()
                .collect(Collectors.toMap(WeeklyDigest.WeekInNumbers::label, row -> row));
        assertThat(rows.get("All cases")).isEqualTo(new WeeklyDigest.WeekInNumbers(null, "All cases", 3, 4, 0.75,
                4 * 3600L, "4 h 0 min working time", 3.7, 3));
        assertThat(rows.get("Team accounting")).isEqualTo(new WeeklyDigest.WeekInNumbers("accounting",
                "Team accounting", 3, 3, 1.0, 4 * 3600L, "4 h 0 min working time", 3.7, 3));
        assertThat(rows.get("Team billing")).isEqualTo(new WeeklyDigest.WeekInNumbers("billing", "Team billing", 0, 1,
                0.0, null, null, null, 0));
        assertThat(forSam.featured()).extracting(Story::caseNumber).containsExactly(a);
        assertThat(forSam.thanks()).extracting(ThanksNote::caseNumber).containsExactly(a, b, d);

        WeeklyDigest forPaul = content.of(PAUL, false, WEEK, DIGESTS_DUE);
        assertThat(forPaul.numbers()).extracting(WeeklyDigest.WeekInNumbers::label)
                .containsExactly("All cases", "Team accounting");
        assertThat(forPaul.own().casesClosed()).isZero();
        assertThat(forPaul.own().handOffsResolved()).isEqualTo(4); // A, B twice, D
        assertThat(forPaul.own().colleaguesHelped()).isEqualTo(2); // alice, bob
        assertThat(forPaul.own().thanksReceived()).extracting(ThanksNote::from).containsExactly(ALICE, BOB);
        WeeklyDigest forAlice = content.of(ALICE, false, WEEK, DIGESTS_DUE);
        assertThat(forAlice.numbers()).extracting(WeeklyDigest.WeekInNumbers::label).containsExactly("All cases");
        assertThat(forAlice.own()).isEqualTo(new WeeklyDigest.OwnWeek(3, 0, 0, List.of())); // A, C, U; U's by herself
        assertThat(content.of(BOB, false, WEEK, DIGESTS_DUE).own().casesClosed()).isEqualTo(2); // B, D
    }

    @Test
    @Order(5)
    void recognitionPerPerson() {
        Instant from = Instant.parse("2026-09-06T22:00:00Z");
        Instant to = Instant.parse("2026-09-13T22:00:00Z");
        assertThat(recognition.between(from, to, null)).containsExactly(
                new Recognition.Person(ALICE, "Alice", 1, 0, 1, 0),
                new Recognition.Person(BOB, "Bob", 2, 1, 0, 0),
                new Recognition.Person(PAUL, "Paul (accounting)", 0, 2, 1, 2)); // A and D first time; B's redo not
        assertThat(recognition.between(from, to, List.of(PAUL))).extracting(Recognition.Person::person)
                .containsExactly(PAUL);
    }

    @Test
    @Order(6)
    void twoWritersAtOnce_eachReaderGetsTheDigestOnce_andNeverAgain() throws Exception {
        time.freezeAt(Instant.parse("2026-09-14T06:59:00Z"));
        assertThat(writer.writeDue(time.now())).as("before Monday's opening in Berlin").isZero();
        time.freezeAt(DIGESTS_DUE);
        var first = CompletableFuture.supplyAsync(() -> writer.writeDue(DIGESTS_DUE));
        var second = CompletableFuture.supplyAsync(() -> writer.writeDue(DIGESTS_DUE));
        int written = first.get() + second.get();
        long keys = jdbc.sql("select count(*) from ft_digest where week_of = ?").param(WEEK).query(Long.class).single();
        assertThat(written).isEqualTo(keys).isGreaterThanOrEqualTo(4);
        assertThat(writer.writeDue(DIGESTS_DUE.plusSeconds(3600))).as("a later look, or a restarted node").isZero();

        List<Received> mails = deliver().stream().filter(mail -> mail.subject().startsWith("Your week of")).toList();
        assertThat(jdbc.sql("select count(*) from ft_mail_outbox where kind = 'WEEKLY_DIGEST' and state = 'SENT'")
                .query(Long.class).single()).as("every digest written was sent, once").isEqualTo(mails.size())
                .isLessThanOrEqualTo(keys); // a reader without an address gets none
        assertThat(mails.stream().collect(Collectors.groupingBy(Received::to, Collectors.counting())))
                .as("one digest per reader").allSatisfy((to, count) -> assertThat(count).isOne())
                .containsKeys("alice@followthrough.test", "bob@followthrough.test", "paul@followthrough.test",
                        "sam@followthrough.test");
        Received paul = mails.stream().filter(mail -> mail.to().equals("paul@followthrough.test")).findFirst()
                .orElseThrow();
        assertThat(paul.subject()).isEqualTo("Your week of 7 Sep 2026: 3 customers confirmed it is solved, 1 story "
                + "featured, 3 thanks");
        assertThat(paul.text()).contains(
                "All cases: 3 followed through to a confirmed callback (75% of 4 closed after a callback), median 4 h "
                        + "0 min working time from the call to the confirmation, satisfaction 3.7 of 5 (3 scores)",
                "Team accounting: 3 followed through", "Paul sorted it " + SCRIPT, "Charged twice " + SCRIPT,
                "Your week: 0 of your cases closed, 4 hand-offs resolved for 2 colleagues, 2 thanks received.");
        assertThat(paul.html()).doesNotContain(SCRIPT).contains("Paul sorted it &lt;script&gt;");
        for (Received mail : mails) {
            assertThat(mail.text() + mail.html()).as("no words of a customer who did not consent")
                    .doesNotContain("secret words of B", "first-contact words", "Happy, and one more thing");
        }
    }

    @Test
    @Order(7)
    void whoSwitchedItOffGetsNone_thePreviewShowsTheWeekSoFar() {
        digests.subscribe(ALICE, false);
        digests.subscribe(ALICE, false);
        assertThat(digests.subscribed(ALICE)).isFalse();
        Instant nextWeek = Instant.parse("2026-09-21T20:00:00Z");
        time.freezeAt(Instant.parse("2026-09-16T10:00:00Z"));
        Digests.Preview preview = digests.preview(ALICE);
        assertThat(preview.subscribed()).isFalse();
        assertThat(preview.digest().weekOf()).isEqualTo(LocalDate.parse("2026-09-14"));
        assertThat(preview.digest().own().casesClosed()).isEqualTo(1); // N
        assertThat(preview.goesOutAt()).isEqualTo(Instant.parse("2026-09-21T07:00:00Z"));
        writer.writeDue(nextWeek);
        assertThat(jdbc.sql("select person_id from ft_digest where week_of = ?").param(LocalDate.parse("2026-09-14"))
                .query(String.class).list()).contains(BOB, PAUL, SAM).doesNotContain(ALICE);
        digests.subscribe(ALICE, true);
        assertThat(digests.subscribed(ALICE)).isTrue();
    }

    @Test
    @Order(8)
    void hideFeatureAndWithdraw() {
        Caller pat = new Caller(PAUL, Set.of("accounting"));
        assertThatThrownBy(() -> stories.hide(a, pat)).isInstanceOf(
                org.springframework.security.access.AccessDeniedException.class);
        stories.hide(a, SAM_CALLER);
        assertThatThrownBy(() -> stories.get(a, ALICE_CALLER)).isInstanceOf(StoryNotFoundException.class);
        assertThat(stories.get(a, SAM_CALLER).isHidden()).isTrue();
        assertThat(stories.list(ALICE_CALLER, null, null, null, 0, 100).items()).extracting(Story::caseNumber)
                .containsExactly(d);
        stories.show(a, SAM_CALLER);
        assertThat(stories.get(a, ALICE_CALLER).isFeatured()).isFalse();
        stories.feature(a, SAM_CALLER);
        stories.unfeature(a, SAM_CALLER);
        assertThat(stories.get(a, ALICE_CALLER).featuredAt()).isNull();

        assertThatThrownBy(() -> stories.withdraw(d, ALICE_CALLER)).as("not her story")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        stories.withdraw(d, BOB_CALLER);
        assertThatThrownBy(() -> stories.get(d, SAM_CALLER)).isInstanceOf(StoryNotFoundException.class);
        assertThat(jdbc.sql("select count(*) from ft_story where case_number = ? and customer_words is not null")
                .param(d).query(Long.class).single()).as("the words are removed").isZero();
        assertThat(cases.callbacks(d)).extracting(com.followthrough.cases.Callback::customerWords)
                .as("they stay on the case").contains("Happy, and one more thing");
        assertThatThrownBy(() -> stories.feature(d, SAM_CALLER)).isInstanceOf(StoryNotFoundException.class);
    }

    // ---

    private String open(String owner) {
        return cases.open(new OpenCase(new Customer("Carla Customer", "carla@example.com", "+49 30 1234567",
                ContactChannel.PHONE), Priority.NORMAL, "Charged twice", null, null), owner).number();
    }

    private void at(String instant) {
        time.advanceTo(Instant.parse(instant));
    }

    /** Delivers what is pending through the real sender; the mail that arrived since the last call. */
    private final Set<String> seen = new java.util.HashSet<>();

    private List<Received> deliver() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(20)).until(() -> {
                    sender.deliverDue();
                    return jdbc.sql("select count(*) from ft_mail_outbox where state = 'PENDING'").query(Long.class)
                            .single() == 0;
                });
        return mailbox.received().stream().filter(mail -> seen.add(mail.messageId()))
                .filter(mail -> mail.subject().startsWith("Your week") || mail.subject().contains("thanked you"))
                .toList();
    }
}
