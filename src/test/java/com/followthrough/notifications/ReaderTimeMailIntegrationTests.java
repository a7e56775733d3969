package com.followthrough.notifications;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.policy.Priority;
import com.followthrough.security.UserLanguages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each reader's mail is written for them. Times are in their own zone (the profile's {@code timeZone}), else the
 * business calendar's (Europe/Berlin in tests), always naming the zone in words; intervals and ages say whether they
 * count business or calendar time (NORMAL: business, URGENT: calendar); the priority and the customer's preferred
 * channel are words, in the language the reader chose in their profile (else English; customers always English). Real
 * engine, outbox, sender and GreenMail; time moved on the engine clock.
 */
@CaseIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReaderTimeMailIntegrationTests {

    private static final Duration SECOND = Duration.ofSeconds(1);
    /** Friday 6 March 2026, 16:00 in Berlin, 10:00 in New York. */
    private static final Instant FRIDAY_4PM_BERLIN = Instant.parse("2026-03-06T15:00:00Z");

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

    Deliveries deliveries;

    @BeforeEach
    void setUp() {
        time.freezeAt(FRIDAY_4PM_BERLIN);
        deliveries = new Deliveries(sender, mailbox, jdbc);
        deliveries.reset();
    }

    @AfterEach
    void resetClockAndEndCases() {
        languages.choose(PAUL, Optional.empty());
        time.reset();
        runtime.createProcessInstanceQuery().list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    @Test
    void oneHandOffToATeam_eachMemberReadsTheDueTimeOnTheirOwnClock_orTheCalendarsWithoutAZone() {
        String team = "zones" + suffix();
        identity.saveGroup(identity.newGroup(team));
        String newYorker = person("ny", "America/New_York");
        String noZone = person("nozone", null);
        identity.createMembership(newYorker, team);
        identity.createMembership(noZone, team);

        String n = cases.open(intake(Priority.NORMAL), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.team(team), "Please check the refund");
        List<Received> mails = deliveries.deliver();

        // Three business days after Friday 16:00 in Berlin: Wednesday 16:00 there, 15:00 UTC, 11:00 in New York (EDT
        // since Sunday 8 March).
        Received toNewYorker = to(mails, newYorker);
        assertThat(toNewYorker.text())
                .contains("Please resolve it by Wed 11 Mar 2026, 11:00 Eastern Time (New York) (3 business days after the hand-off)")
                .contains("Opened:    Fri 6 Mar 2026, 10:00 Eastern Time (New York)");
        assertThat(toNewYorker.html()).contains("Wed 11 Mar 2026, 11:00 Eastern Time (New York)", "3 business days")
                .doesNotContain("Central European");
        Received toNoZone = to(mails, noZone);
        assertThat(toNoZone.text())
                .contains("Please resolve it by Wed 11 Mar 2026, 16:00 Central European Time (Berlin) (3 business days after the hand-off)")
                .contains("Opened:    Fri 6 Mar 2026, 16:00 Central European Time (Berlin)");
        assertThat(toNoZone.html()).contains("Wed 11 Mar 2026, 16:00 Central European Time (Berlin)").doesNotContain("Eastern Time");
    }

    @Test
    void aNormalCase_countsBusinessTime_andSaysSo_fridayAfternoonIsCheckedOnMonday() {
        String owner = person("owner", "America/New_York");
        String colleague = person("colleague", null);
        String n = cases.open(intake(Priority.NORMAL), owner).number();
        cases.handOff(n, owner, HandOffTarget.colleague(colleague), null);
        deliveries.deliver();

        time.advance(Duration.ofDays(2));
        assertThat(deliveries.deliver()).as("nothing over the weekend").isEmpty();

        time.advanceTo(Instant.parse("2026-03-09T15:00:00Z").plus(SECOND)); // Monday 16:00 in Berlin
        List<Received> checkIn = deliveries.deliver();
        assertThat(checkIn).extracting(Received::to, Received::subject).containsExactly(tuple(address(owner),
                "Check in with " + name(colleague) + " on " + n + " — handed off 1 business day ago"));
        assertThat(checkIn.get(0).text())
                .contains("a reminder comes every 1 business day while the hand-off is open")
                .contains("You handed it off 1 business day ago (Fri 6 Mar 2026, 10:00 Eastern Time (New York))");

        time.advanceTo(Instant.parse("2026-03-11T15:00:00Z").plus(SECOND)); // Wednesday 16:00: three business days
        List<Received> escalated = deliveries.deliver();
        Received escalation = escalated.stream().filter(mail -> mail.subject().startsWith("Escalation")).findFirst()
                .orElseThrow();
        assertThat(escalation.subject()).isEqualTo("Escalation: hand-off on " + n
                + " stalled for 3 business days — owner " + name(owner));
        assertThat(escalation.text()).contains("3 business days ago (Fri 6 Mar 2026, 16:00 Central European Time (Berlin))",
                "policy escalates after 3 business days");
    }

    @Test
    void anUrgentCase_countsCalendarTime_aroundTheClock_andSaysHoursNotBusinessHours() {
        String owner = person("owner", null);
        String colleague = person("colleague", "America/New_York");
        String n = cases.open(intake(Priority.URGENT), owner).number();
        cases.handOff(n, owner, HandOffTarget.colleague(colleague), null);
        Received handOff = deliveries.deliver().stream().filter(mail -> mail.to().equals(address(colleague)))
                .findFirst().orElseThrow();
        // Four hours, not four working hours: 19:00 UTC on Friday evening, 14:00 in New York.
        assertThat(handOff.text()).contains("Please resolve it by Fri 6 Mar 2026, 14:00 Eastern Time (New York) (4 hours after the hand-off)");

        time.advance(Duration.ofHours(1).plus(SECOND));
        List<Received> checkIn = deliveries.deliver();
        assertThat(checkIn).extracting(Received::subject).containsExactly(
                "Check in with " + name(colleague) + " on " + n + " — handed off 1 hour ago");
        assertThat(checkIn.get(0).text()).contains("a reminder comes every 1 hour while", "(Fri 6 Mar 2026, 16:00 Central European Time (Berlin))")
                .doesNotContain("business", "working");

        time.advance(Duration.ofHours(3));
        Received escalation = deliveries.deliver().stream().filter(mail -> mail.subject().startsWith("Escalation"))
                .findFirst().orElseThrow();
        assertThat(escalation.subject()).isEqualTo("Escalation: hand-off on " + n + " stalled for 4 hours — owner "
                + name(owner));
        assertThat(escalation.text()).contains("policy escalates after 4 hours").doesNotContain("business", "working");
    }

    @Test
    void anInvalidZoneInAProfile_fallsBackToTheCalendarZone_andIsLoggedOnce(CapturedOutput output) {
        String misconfigured = person("mars", "Mars/Olympus_Mons");
        String first = cases.open(intake(Priority.NORMAL), ALICE).number();
        cases.handOff(first, ALICE, HandOffTarget.colleague(misconfigured), null);
        assertThat(to(deliveries.deliver(), misconfigured).text()).contains("Opened:    Fri 6 Mar 2026, 16:00 Central European Time (Berlin)");

        // Two days later the profile is read again (nothing is cached that long): still the fallback, no new warning.
        time.advance(Duration.ofDays(2));
        String second = cases.open(intake(Priority.NORMAL), ALICE).number();
        cases.handOff(second, ALICE, HandOffTarget.colleague(misconfigured), null);
        assertThat(to(deliveries.deliver(), misconfigured).text()).contains("Opened:    Sun 8 Mar 2026, 16:00 Central European Time (Berlin)");

        assertThat(output.getOut().split("User '" + misconfigured + "' has time zone 'Mars/Olympus_Mons'", -1))
                .as("one warning").hasSize(2);
    }

    // ---

    @Test
    void theHandOff_namesThePriorityTheChannelAndTheZoneInWords() {
        String n = cases.open(intake(Priority.HIGH), ALICE).number();
        deliveries.deliver();

        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Refund of 120 EUR was never booked");
        Received mail = to(deliveries.deliver(), PAUL);

        assertThat(mail.text())
                .contains("Case:      " + n + " — Refund not received (high priority)")
                .contains("Customer:  Jane Doe, phone +44 20 7946 0000, email jane.doe@customer.test "
                        + "(prefers a phone call)")
                .contains("Opened:    Fri 6 Mar 2026, 16:00 Central European Time (Berlin)")
                .doesNotContain("HIGH", "PHONE", "CET", "GMT");
        assertThat(mail.html()).contains("high priority", "(prefers a phone call)", "Central European Time (Berlin)")
                .doesNotContain("HIGH", "PHONE", "CET");
    }

    @Test
    void aReaderWhoChoseGerman_getsTheHandOffInGerman_timesAndSpansIncluded_theCustomerStillEnglish() {
        languages.choose(PAUL, Optional.of(Locale.GERMAN));
        String n = cases.open(intake(Priority.NORMAL), ALICE).number();
        assertThat(deliveries.deliver()).extracting(Received::subject).as("customers read English")
                .containsExactly("We have your request: " + n + " — Refund not received");

        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Die Gutschrift über 120 EUR fehlt");
        Received mail = to(deliveries.deliver(), PAUL);

        assertThat(mail.subject()).isEqualTo("Alice braucht Ihre Hilfe bei " + n + ": Refund not received");
        assertThat(mail.text()).startsWith("Hallo Paul,")
                .contains("Alice braucht Ihre Hilfe bei " + n + ": Refund not received.")
                .contains("Alice schreibt:", "  Die Gutschrift über 120 EUR fehlt")
                .contains("Bitte lösen Sie ihn bis Mi., 11. März 2026, 16:00 Mitteleuropäische Zeit (Berlin) "
                        + "(3 Werktage nach der Übergabe)")
                .contains("Fall:      " + n + " — Refund not received (normale Priorität)")
                .contains("(möchte angerufen werden)")
                .contains("Eröffnet:  Fr., 6. März 2026, 16:00 Mitteleuropäische Zeit (Berlin)")
                .doesNotContain("NORMAL", "PHONE", "needs your help", "business day");
        assertThat(mail.html()).contains("Hallo Paul,", "normale Priorität", "Mitteleuropäische Zeit (Berlin)",
                n + " öffnen").doesNotContain("Open " + n);
    }

    @Test
    void aReaderWhoChoseNoLanguage_getsEnglish() {
        String n = cases.open(intake(Priority.NORMAL), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), null);

        assertThat(to(deliveries.deliver(), PAUL).subject())
                .isEqualTo("Alice needs your help with " + n + ": Refund not received");
    }

    private String person(String prefix, String timeZone) {
        String id = prefix + suffix();
        var user = identity.newUser(id);
        user.setFirstName(Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + id.substring(prefix.length()));
        user.setEmail(id + "@followthrough.test");
        identity.saveUser(user);
        identity.createMembership(id, "agents"); // only agents own cases (some of these people own one)
        if (timeZone != null) {
            identity.setUserInfo(id, "timeZone", timeZone); // what PUT /api/users/{id}/time-zone stores
        }
        return id;
    }

    private String name(String userId) {
        return identity.createUserQuery().userId(userId).singleResult().getFirstName();
    }

    private static String address(String userId) {
        return userId + "@followthrough.test";
    }

    private static Received to(List<Received> mails, String userId) {
        return mails.stream().filter(mail -> mail.to().equals(address(userId))).findFirst()
                .orElseThrow(() -> new AssertionError("No mail to " + userId + " in " + mails));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static OpenCase intake(Priority priority) {
        return anOpenCase().forCustomer(aCustomer().named("Jane Doe").withEmail("jane.doe@customer.test")
                .withPhone("+44 20 7946 0000")).withPriority(priority).withSummary("Refund not received").build();
    }
}
