package com.followthrough.notifications;

import static com.followthrough.TestPeople.ACCOUNTING;
import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.BOB;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.testing.Cases.aCallback;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static com.followthrough.testing.Cases.callbackWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.testing.CustomerBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who gets which email as a case moves, through the real outbox and sender to GreenMail. Time is moved on the engine
 * clock (production intervals, NORMAL: check in every P1D, escalate after P3D, callback within P1D, late after P2D,
 * retry after PT4H, 3 attempts).
 */
@CaseIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CaseMailIntegrationTests {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String JANE = "jane.doe@customer.test";
    private static final Pattern CASE_LINK = Pattern.compile("http://localhost:8080/cases/(FT-\\d{4}-\\d{6})");

    @Autowired
    CaseService cases;
    @Autowired
    TaskService tasks;
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
    CheckIns checkIns;

    Deliveries deliveries;

    @BeforeEach
    void setUp() {
        time.freezeAt(Instant.parse("2026-03-02T09:00:00Z"));
        deliveries = new Deliveries(sender, mailbox, jdbc);
        deliveries.reset();
    }

    @AfterEach
    void resetClockAndEndCases() {
        time.reset();
        // One Spring context serves all test classes: leave no running timers for the next test to fire.
        runtime.createProcessInstanceQuery().list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    @Test
    void paulInAccounting_theWholeStory_producesExactlyTheExpectedMails_remindersStopWhenTheHandOffEnds() {
        CaseRecord opened = cases.open(intake(), ALICE);
        String n = opened.number();
        assertThat(deliveries.deliver()).extracting(Received::to, Received::subject)
                .containsExactly(tuple(JANE, "We have your request: " + n + " — Refund not received"));

        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Refund of 120 EUR for INV-42 was never booked");
        List<Received> handOff = deliveries.deliver();
        assertThat(handOff).extracting(Received::to, Received::subject)
                .containsExactly(tuple("paul@followthrough.test", "Alice needs your help with " + n
                        + ": Refund not received"));
        assertThat(handOff.get(0).text()).contains("Refund of 120 EUR for INV-42 was never booked", "Jane Doe",
                "+44 20 7946 0000");

        time.advance(Duration.ofHours(23));
        assertThat(deliveries.deliver()).as("no check-in before the interval").isEmpty();

        time.advance(Duration.ofHours(1).plus(SECOND));
        List<Received> first = deliveries.deliver();
        assertThat(first).extracting(Received::to, Received::subject).containsExactly(tuple("alice@followthrough.test",
                "Check in with Paul (accounting) on " + n + " — handed off 1 business day ago"));
        assertThat(first.get(0).text()).contains("This is your 1st check-in reminder",
                "a reminder comes every 1 business day", "You handed it off 1 business day ago (Mon 2 Mar 2026, 10:00 Central European Time (Berlin))");

        time.advance(Duration.ofDays(1));
        List<Received> second = deliveries.deliver();
        assertThat(second).extracting(Received::to, Received::subject).containsExactly(tuple("alice@followthrough.test",
                "2nd reminder: Check in with Paul (accounting) on " + n + " — handed off 2 business days ago"));
        assertThat(second.get(0).text()).contains("This is your 2nd check-in reminder");

        time.advance(Duration.ofDays(1));
        assertThat(deliveries.deliver()).extracting(Received::to, Received::subject).containsExactlyInAnyOrder(
                tuple("alice@followthrough.test",
                        "3rd reminder: Check in with Paul (accounting) on " + n + " — handed off 3 business days ago"),
                tuple("sam@followthrough.test",
                        "Escalation: hand-off on " + n + " stalled for 3 business days — owner Alice"));

        cases.resolveHandOff(n, PAUL, "Refund booked today, it reaches the account in 2 days");
        List<Received> resolved = deliveries.deliver();
        assertThat(resolved).extracting(Received::to, Received::subject).containsExactly(tuple(
                "alice@followthrough.test", "Paul resolved the hand-off on " + n + " — time to verify"));
        assertThat(resolved.get(0).text()).contains("Refund booked today, it reaches the account in 2 days");

        // Verification is due one business day after the fix, escalated after two; no check-in after the hand-off.
        time.advance(Duration.ofDays(1));
        assertThat(deliveries.deliver()).extracting(Received::to, Received::subject).containsExactly(tuple(
                "alice@followthrough.test", "Verify the fix with Paul (accounting) on " + n
                        + " — resolved 1 business day ago; Jane Doe waits for your call"));
        time.advance(Duration.ofDays(3));
        List<Received> unverified = deliveries.deliver();
        assertThat(unverified).extracting(Received::to, Received::subject).containsExactly(tuple(
                "sam@followthrough.test", "Escalation: the fix on " + n
                        + " has waited 2 business days for Alice's verification"));
        assertThat(unverified.get(0).text()).contains("resolved by Paul (accounting) 2 business days ago",
                "Jane Doe is not called back until it is");
        time.advance(Duration.ofDays(30));
        assertThat(deliveries.deliver()).as("no check-in reminder after the hand-off ended, only the supervisors'")
                .singleElement().satisfies(mail -> {
                    assertThat(mail.to()).isEqualTo("sam@followthrough.test");
                    assertThat(mail.subject()).startsWith("Still unreviewed (1st reminder): fix not verified on " + n);
                });

        cases.verify(n, ALICE, true, "Paul showed me the booking");
        cases.recordCallback(n, ALICE, aCallback(CallbackOutcome.CONFIRMED).saying("Money arrived").rated(5).build());
        assertThat(deliveries.deliver()).extracting(Received::to, Received::subject)
                .containsExactly(tuple(JANE, "Thank you — your request " + n + " is resolved"));

        // Every mail to a person links to the case page, in both parts, and the link names this case.
        List<Received> all = mailbox.received();
        assertThat(all).hasSize(11).allSatisfy(mail -> assertThat(mail.subject()).contains(n));
        assertThat(all).filteredOn(mail -> mail.to().endsWith("@followthrough.test")).hasSize(9).allSatisfy(mail -> {
            Matcher link = CASE_LINK.matcher(mail.text());
            assertThat(link.find()).as("link in the text of %s", mail.subject()).isTrue();
            assertThat(cases.get(link.group(1)).number()).isEqualTo(n);
            assertThat(mail.html()).contains("href=\"http://localhost:8080/cases/" + n + "\"");
        });
        assertThat(all).extracting(Received::messageId).doesNotHaveDuplicates();
    }

    @Test
    void callback_dueRemindsTheOwner_lateAlertsOwnerAndSupervisor_unansweredEndsWithAWrittenFollowUp() {
        String n = cases.open(intake(), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), null);
        cases.resolveHandOff(n, PAUL, "Booked");
        cases.verify(n, ALICE, true, null);
        deliveries.deliver();

        time.advance(Duration.ofDays(1).plus(SECOND));
        List<Received> due = deliveries.deliver();
        assertThat(due).extracting(Received::to, Received::subject).containsExactly(tuple("alice@followthrough.test",
                "Callback due: call Jane Doe back on " + n + " (attempt 1 of 3)"));
        assertThat(due.get(0).text()).contains("+44 20 7946 0000", "Jane Doe prefers a phone call.",
                "is due now (by Tue 3 Mar 2026, 10:00 Central European Time (Berlin); the policy allows 1 business day for each attempt)");

        time.advance(Duration.ofDays(1));
        assertThat(deliveries.deliver()).extracting(Received::to, Received::subject).containsExactlyInAnyOrder(
                tuple("alice@followthrough.test", "Callback overdue on " + n + ": call Jane Doe back — 1 business day late"),
                tuple("sam@followthrough.test", "Escalation: callback on " + n + " is 1 business day late — owner Alice"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            cases.recordCallback(n, ALICE, aCallback(CallbackOutcome.NO_ANSWER).build());
            // Past the retry interval (PT4H of business time: it may run into the next working day).
            time.advance(Duration.ofDays(1));
        }
        List<Received> end = deliveries.deliver();
        assertThat(end).extracting(Received::to, Received::subject)
                .containsExactly(tuple(JANE, "We tried to reach you about " + n + " — Refund not received"));
        assertThat(end.get(0).text()).contains("we tried 3 times to reach you");
    }

    @Test
    void aCaseLeftWithItsOwner_remindsThem_thenAlertsTheSupervisors() {
        String n = cases.open(intake(), ALICE).number(); // Monday 10:00 in Berlin; first action within 4 working hours
        deliveries.deliver();

        time.advance(Duration.ofHours(4).plus(SECOND));
        List<Received> reminded = deliveries.deliver();
        assertThat(reminded).extracting(Received::to, Received::subject).containsExactly(tuple(
                "alice@followthrough.test", "Waiting for you: " + n
                        + " — Jane Doe — with you for 4 working hours, hand it off or resolve it"));
        assertThat(reminded.get(0).text()).contains("has been with you for 4 working hours (Mon 2 Mar 2026, 10:00 Central European Time (Berlin))",
                "the policy gives 4 working hours for the first action", "after 8 working hours, a supervisor");

        time.advanceTo(Instant.parse("2026-03-03T09:00:01Z")); // eight working hours: Tuesday 10:00 in Berlin
        List<Received> escalated = deliveries.deliver();
        assertThat(escalated).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("sam@followthrough.test");
            assertThat(mail.subject()).startsWith("Escalation: " + n + " has waited ")
                    .endsWith(" with Alice, not handed off or resolved");
            assertThat(mail.text()).contains("neither handed off nor resolved", "policy escalates after 8 working hours");
        });
    }

    @Test
    void aPromiseThatPassedWithTheHandOffOpen_isNamedInTheReminder_asIsASnooze() {
        String n = cases.open(intake(), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), null);
        Instant wednesdayNoon = Instant.parse("2026-03-04T11:00:00Z"); // 12:00 in Berlin
        checkIns.record(n, ALICE, "Called Paul", "Refund goes out on Wednesday", wednesdayNoon);
        deliveries.deliver();

        time.advanceTo(Instant.parse("2026-03-03T09:00:01Z"));
        assertThat(deliveries.deliver()).as("no reminder on the rhythm: the promise moved it").isEmpty();
        time.advanceTo(wednesdayNoon.plus(SECOND));
        List<Received> broken = deliveries.deliver();
        assertThat(broken).extracting(Received::to, Received::subject).containsExactly(tuple("alice@followthrough.test",
                "Paul (accounting) promised " + n + " by Wed 4 Mar 2026, 12:00 Central European Time (Berlin); it is still open — check in"));
        assertThat(broken.get(0).text()).contains("Paul (accounting) promised by Wed 4 Mar 2026, 12:00 Central European Time (Berlin): "
                + "\"Refund goes out on Wednesday\". It is still open: check in with them today");
        assertThat(broken.get(0).html()).contains("still open");

        checkIns.snooze(n, ALICE, time.now().plus(Duration.ofHours(2)), "Paul is in a meeting");
        time.advance(Duration.ofHours(2).plus(SECOND));
        assertThat(deliveries.deliver()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("2nd reminder: Check in with Paul (accounting) on " + n);
            assertThat(mail.text()).contains("You snoozed this reminder until Wed 4 Mar 2026, 14:00 Central European Time (Berlin): "
                    + "Paul is in a meeting");
        });
    }

    @Test
    void theCallbackReminder_namesTheCustomersWindow_onTheirClockAndOnTheOwners() {
        String n = cases.open(anOpenCase().forCustomer(janeDoe().livingIn("Europe/London"))
                .withSummary("Refund not received").toBeCalledBack(callbackWindow("2026-03-03", "14:00", "16:00"))
                .build(), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), null);
        cases.resolveHandOff(n, PAUL, "Booked");
        cases.verify(n, ALICE, true, null);
        deliveries.deliver();

        time.advanceTo(Instant.parse("2026-03-03T14:00:01Z")); // 14:00 in London is 15:00 in Berlin
        assertThat(deliveries.deliver()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Callback due: call Jane Doe back on " + n + " (attempt 1 of 3)");
            assertThat(mail.text()).contains("by Tue 3 Mar 2026, 15:00 Central European Time (Berlin)",
                    "The customer asked to be called Tue 3 Mar, 14:00–16:00 London time (15:00–17:00 your time).");
        });
    }

    @Test
    void passOn_andAFixThatDidNotHold_tellTheNewColleague_whatTheyNeedToKnow() {
        String n = cases.open(intake(), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.team(ACCOUNTING), "Refund missing");
        assertThat(deliveries.deliver()).extracting(Received::to, Received::subject).contains(
                tuple("paul@followthrough.test", "Alice needs your help with " + n + ": Refund not received"));

        cases.passOn(n, PAUL, HandOffTarget.colleague(BOB), "Bob handles refunds in GBP");
        List<Received> passedOn = deliveries.deliver();
        assertThat(passedOn).extracting(Received::to, Received::subject).containsExactly(tuple("bob@followthrough.test",
                "Passed on to you: Alice needs your help with " + n + ": Refund not received"));
        assertThat(passedOn.get(0).text()).contains("Paul passed this case on to you", "Bob handles refunds in GBP");

        cases.resolveHandOff(n, BOB, "Refund re-sent in GBP");
        assertThat(deliveries.deliver()).extracting(Received::to).containsExactly("alice@followthrough.test");

        cases.verify(n, ALICE, false, "Customer still sees no money");
        List<Received> back = deliveries.deliver();
        assertThat(back).extracting(Received::to, Received::subject).containsExactly(tuple("bob@followthrough.test",
                "The fix did not hold: Alice needs your help again with " + n + ": Refund not received"));
        assertThat(back.get(0).text()).contains("Customer still sees no money", "Refund re-sent in GBP");
    }

    @Test
    void userEnteredText_arrivesAsText_theHtmlPartEscapesIt() {
        String n = cases.open(intake(), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "<b>urgent</b> & <img src=x onerror=alert(1)>");
        cases.sendBack(n, PAUL, "Which invoice? <script>alert('x')</script>");
        List<Received> mails = deliveries.deliver();

        Received question = mails.stream().filter(mail -> mail.subject().contains("back with a question")).findFirst()
                .orElseThrow();
        assertThat(question.subject()).isEqualTo("Paul sent " + n + " back with a question");
        assertThat(question.text()).contains("Which invoice? <script>alert('x')</script>");
        assertThat(question.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");

        Received handOff = mails.stream().filter(mail -> mail.to().startsWith("paul@")).findFirst().orElseThrow();
        assertThat(handOff.html()).doesNotContain("<b>urgent</b>", "<img")
                .contains("&lt;b&gt;urgent&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aPersonWithoutAnAddress_getsTheTaskButNoMail_andThatIsLoggedOnce(CapturedOutput output) {
        String nobody = "nomail" + UUID.randomUUID().toString().substring(0, 8);
        identity.saveUser(identity.newUser(nobody));

        String first = cases.open(intake(), ALICE).number();
        String second = cases.open(intake(), ALICE).number();
        cases.handOff(first, ALICE, HandOffTarget.colleague(nobody), "Please look");
        cases.handOff(second, ALICE, HandOffTarget.colleague(nobody), "And this one");
        time.advance(Duration.ofDays(1).plus(SECOND));
        List<Received> mails = deliveries.deliver();

        assertThat(tasks.createTaskQuery().taskAssignee(nobody).count()).isEqualTo(2);
        assertThat(mails).extracting(Received::to).doesNotContain(nobody).contains("alice@followthrough.test");
        assertThat(deliveries.count("PENDING") + deliveries.count("FAILED")).isZero();
        assertThat(output.getOut().split("User '" + nobody + "' has no email address", -1)).hasSize(2);
    }

    @Test
    void firstContactResolution_acknowledgesAndThanksTheCustomer_noOneElseIsMailed() {
        String n = cases.open(intake(), ALICE).number();
        cases.resolveOnFirstContact(n, ALICE, "Explained the statement", "All clear now");

        assertThat(deliveries.deliver()).extracting(Received::to, Received::subject).containsExactly(
                tuple(JANE, "We have your request: " + n + " — Refund not received"),
                tuple(JANE, "Thank you — your request " + n + " is resolved"));
    }

    private static OpenCase intake() {
        return anOpenCase().forCustomer(janeDoe()).withSummary("Refund not received")
                .withDetails("Returned the order on 20 Feb, no refund yet").build();
    }

    private static CustomerBuilder janeDoe() {
        return aCustomer().named("Jane Doe").withEmail(JANE).withPhone("+44 20 7946 0000");
    }
}
