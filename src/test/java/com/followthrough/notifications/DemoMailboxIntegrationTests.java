package com.followthrough.notifications;

import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.followthrough.EngineTime;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * The demo run as a person gets it (profile {@code demo}, no {@code spring.mail.host}): mail goes to the in-process
 * mailbox on the scheduled sender's own timing, and {@code GET /demo/mailbox} shows the reminder a few minutes (of
 * engine time) after a hand-off; each person sees their own mail (supervisors and administrators everyone's); the
 * SMTP sink listens on the loopback address only and lists only this application's mail; health details are for
 * administrators. Its own context: the demo profile, the demo users, the real schedule.
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
    @Autowired
    GreenMail mailServer;

    static final ObjectMapper JSON = new ObjectMapper();

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
        String n = cases.open(anOpenCase()
                .forCustomer(aCustomer().named("Jane Doe").reachedByEmail("jane@customer.test"))
                .withSummary("Parcel lost").build(), "alice").number();
        time.advance(Duration.ofMinutes(2).plusSeconds(1)); // demo NORMAL: first action within PT2M

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(subjects("alice")).contains("Waiting for you: " + n
                        + " — Jane Doe — with you for 2 minutes, hand it off or resolve it"));
    }

    @Test
    void eachPersonSeesTheirOwnMail_supervisorsAndAdministratorsEveryones() throws Exception {
        String n = cases.open(anOpenCase()
                .forCustomer(aCustomer().named("Kim Keeper").reachedByEmail("kim@customer.test"))
                .withSummary("Parcel lost").build(), "bob").number();
        cases.handOff(n, "bob", HandOffTarget.colleague("paul"), "Please trace it");
        String toPaul = "Bob needs your help with " + n + ": Parcel lost";
        String toKim = "We have your request: " + n + " — Parcel lost";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjects("sam")).contains(toPaul, toKim));

        assertThat(subjects("admin")).contains(toPaul, toKim);
        assertThat(subjects("paul")).contains(toPaul).doesNotContain(toKim);
        assertThat(subjects("bob")).doesNotContain(toPaul, toKim);
        assertThat(subjects("alice")).doesNotContain(toPaul, toKim);
        assertThat(recipients("paul")).containsOnly("paul@followthrough.test");
        assertThat(recipients("alice")).containsOnly("alice@followthrough.test");
        // The filter only narrows what one may see: alice asking for paul's mail gets none.
        assertThat(json(web.perform(get("/demo/mailbox").param("to", "paul@followthrough.test")
                .with(httpBasic("alice", "alice")))).size()).isZero();
    }

    @Test
    void theSmtpSinkListensOnTheLoopbackAddressOnly() throws Exception {
        assertThat(InetAddress.getByName(mailServer.getSmtp().getBindTo()).isLoopbackAddress()).isTrue();
        int port = mailServer.getSmtp().getPort();
        for (InetAddress address : nonLoopbackAddresses()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 2000))
                        .as("SMTP on " + address.getHostAddress()).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void mailThatAnotherLocalProcessSendsToTheSinkIsNotListed() throws Exception {
        String subject = "Your password expires, click here " + System.nanoTime();
        // Any process on the machine can talk SMTP to the loopback port: this is such a process's mail.
        GreenMailUtil.sendTextEmail("alice@followthrough.test", "it@phish.test", subject, "Sign in at ...",
                mailServer.getSmtp().getServerSetup());
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(mailServer.getReceivedMessages())
                .anyMatch(message -> subjectOf(message).equals(subject)));

        assertThat(subjects("alice")).doesNotContain(subject);
        assertThat(subjects("admin")).doesNotContain(subject);
    }

    @Test
    void healthDetailsAreForAdministratorsOnly_inTheDemoToo() throws Exception {
        JsonNode anonymous = json(web.perform(get("/actuator/health")));
        assertThat(anonymous.fieldNames()).toIterable().containsExactly("status");
        assertThat(json(web.perform(get("/actuator/health").with(httpBasic("sam", "sam")))).has("components")).isFalse();
        JsonNode admin = json(web.perform(get("/actuator/health").with(httpBasic("admin", "admin"))));
        assertThat(admin.get("components").get("diskSpace").get("details").has("path")).isTrue();
    }

    @Test
    void aHandOffInTheDemo_showsTheCheckInReminderInTheMailbox_withinMinutes() {
        String n = cases.open(anOpenCase()
                .forCustomer(aCustomer().named("Jane Doe").reachedByEmail("jane@customer.test"))
                .withSummary("Refund not received").build(), "alice").number();
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

    private List<String> subjects(String user) throws Exception {
        List<String> subjects = new ArrayList<>();
        mailbox(user).forEach(mail -> subjects.add(mail.get("subject").asText()));
        return subjects;
    }

    private List<String> recipients(String user) throws Exception {
        List<String> recipients = new ArrayList<>();
        mailbox(user).forEach(mail -> mail.get("to").forEach(to -> recipients.add(to.asText())));
        return recipients;
    }

    private JsonNode mailbox(String user) throws Exception {
        return json(web.perform(get("/demo/mailbox").with(httpBasic(user, user))));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .toList();
    }
}
