package com.followthrough.notifications;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.security.UserLanguages;
import com.followthrough.policy.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mails say words, not codes (the priority, the customer's preferred channel, the zone's name), in the reader's
 * language (the one they chose in their profile, else English): real hand-offs through the real outbox and sender to
 * GreenMail.
 */
@CaseIntegrationTest
class MailLanguageIntegrationTests {

    private static final String JANE = "jane.doe@customer.test";
    private static final String PAULS_ADDRESS = "paul@followthrough.test";

    @Autowired
    CaseService cases;
    @Autowired
    RuntimeService runtime;
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
        time.freezeAt(Instant.parse("2026-03-02T09:00:00Z")); // Monday, 10:00 in Berlin (the test calendar's zone)
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
    void theHandOff_namesThePriorityTheChannelAndTheZoneInWords() {
        String n = cases.open(intake(Priority.HIGH), ALICE).number();
        deliveries.deliver();

        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Refund of 120 EUR was never booked");
        Received mail = single(deliveries.deliver());

        assertThat(mail.text())
                .contains("Case:      " + n + " — Refund not received (high priority)")
                .contains("Customer:  Jane Doe, phone +44 20 7946 0000, email " + JANE + " (prefers a phone call)")
                .contains("Opened:    Mon 2 Mar 2026, 10:00 Central European Time (Berlin)")
                .doesNotContain("HIGH", "PHONE", "CET", "GMT");
        assertThat(mail.html()).contains("high priority", "(prefers a phone call)", "Central European Time (Berlin)")
                .doesNotContain("HIGH", "PHONE", "CET");
    }

    @Test
    void aGermanReader_getsTheHandOffInGerman_timesAndSpansIncluded_theCustomerStillEnglish() {
        languages.choose(PAUL, Optional.of(Locale.GERMAN));
        String n = cases.open(intake(Priority.NORMAL), ALICE).number();
        assertThat(single(deliveries.deliver()).subject()).as("customers read English")
                .isEqualTo("We have your request: " + n + " — Refund not received");

        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Die Gutschrift über 120 EUR fehlt");
        Received mail = single(deliveries.deliver());

        assertThat(mail.subject()).isEqualTo("Alice braucht Ihre Hilfe bei " + n + ": Refund not received");
        // NORMAL escalates a hand-off after 3 business days: Thursday, 10:00 in Berlin.
        assertThat(mail.text()).startsWith("Hallo Paul,")
                .contains("Alice braucht Ihre Hilfe bei " + n + ": Refund not received.")
                .contains("Alice schreibt:", "  Die Gutschrift über 120 EUR fehlt")
                .contains("Bitte lösen Sie ihn bis Do., 5. März 2026, 10:00 Mitteleuropäische Zeit (Berlin) "
                        + "(3 Werktage nach der Übergabe)")
                .contains("Fall:      " + n + " — Refund not received (normale Priorität)")
                .contains("(möchte angerufen werden)")
                .contains("Eröffnet:  Mo., 2. März 2026, 10:00 Mitteleuropäische Zeit (Berlin)")
                .doesNotContain("NORMAL", "PHONE", "needs your help", "business day");
        assertThat(mail.html()).contains("Hallo Paul,", "normale Priorität", "Mitteleuropäische Zeit (Berlin)",
                n + " öffnen").doesNotContain("Open " + n);
    }

    @Test
    void aReaderWhoseLanguageIsUnknown_getsEnglish() {
        String n = cases.open(intake(Priority.NORMAL), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), null);

        assertThat(deliveries.deliver()).extracting(Received::to, Received::subject)
                .contains(tuple(PAULS_ADDRESS, "Alice needs your help with " + n + ": Refund not received"));
    }

    private static Received single(List<Received> mails) {
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static OpenCase intake(Priority priority) {
        return new OpenCase(new Customer("Jane Doe", JANE, "+44 20 7946 0000", ContactChannel.PHONE), priority,
                "Refund not received", null, null);
    }
}
