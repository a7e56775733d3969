package com.followthrough.notifications;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.followthrough.EngineTime;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.cases.Priority;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo run as a person gets it (profile {@code demo}, no {@code spring.mail.host}): mail goes to the in-process
 * mailbox on the scheduled sender's own timing, and {@code GET /demo/mailbox} shows the reminder a few minutes (of
 * engine time) after a hand-off. Its own context: the demo profile, the demo users, the real schedule.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-${random.uuid};DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.webapp.enabled=false",
        "followthrough.notifications.sender.interval=PT0.5S"})
@ActiveProfiles("demo")
@AutoConfigureMockMvc
@Import(EngineTime.class)
class DemoMailboxIntegrationTests {

    @DynamicPropertySource
    static void mailboxPort(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            registry.add("followthrough.demo-mailbox.port", () -> port);
        }
    }

    @Autowired
    CaseService cases;
    @Autowired
    EngineTime time;
    @Autowired
    MockMvc web;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void theMailboxNeedsASignedInUser() throws Exception {
        web.perform(get("/demo/mailbox")).andExpect(status().isUnauthorized());
    }

    @Test
    void aCaseLeftWithItsOwnerInTheDemo_remindsThemWithinTheDemoInterval() {
        String n = cases.open(new OpenCase(new Customer("Jane Doe", "jane@customer.test", null, ContactChannel.EMAIL),
                Priority.NORMAL, "Parcel lost", null, null), "alice").number();
        time.advance(Duration.ofMinutes(2).plusSeconds(1)); // demo NORMAL: first action within PT2M

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                web.perform(get("/demo/mailbox").param("to", "alice@followthrough.test").with(httpBasic("alice", "alice")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$[*].subject", hasItem("Waiting for you: " + n
                                + " — Jane Doe — with you for 2 minutes, hand it off or resolve it"))));
    }

    @Test
    void aHandOffInTheDemo_showsTheCheckInReminderInTheMailbox_withinMinutes() {
        String n = cases.open(new OpenCase(new Customer("Jane Doe", "jane@customer.test", null, ContactChannel.EMAIL),
                Priority.NORMAL, "Refund not received", null, null), "alice").number();
        cases.handOff(n, "alice", HandOffTarget.colleague("paul"), "Refund never booked");
        time.advance(Duration.ofMinutes(2).plusSeconds(1)); // demo NORMAL: check in after PT2M

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                web.perform(get("/demo/mailbox").param("to", "alice@followthrough.test").with(httpBasic("alice", "alice")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$[*].subject",
                                hasItem("Check in with Paul (accounting) on " + n + " — handed off 2 minutes ago")))
                        .andExpect(jsonPath("$[0].text", startsWith("Hi Alice"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.perform(get("/demo/mailbox").with(httpBasic("sam", "sam")))
                .andExpect(jsonPath("$[*].subject", hasItem("Alice needs your help with " + n + ": Refund not received")))
                .andExpect(jsonPath("$[*].subject", hasItem("We have your request: " + n + " — Refund not received"))));
    }
}
