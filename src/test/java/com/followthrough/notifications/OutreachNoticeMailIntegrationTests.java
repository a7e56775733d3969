package com.followthrough.notifications;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static com.followthrough.testing.Cases.aCallback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseEvent;
import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.outreach.NewOutreach;
import com.followthrough.outreach.OutreachProperties;
import com.followthrough.outreach.OutreachService;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import com.followthrough.testing.CaseFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The customer's mails with their answer links, through the real outbox and sender to GreenMail: an outreach's launch
 * notice (once per affected customer with an address, paced at {@code notices-per-minute}, cancelled for a case
 * withdrawn before it left) and the written follow-up after a customer could not be reached; each link followed from
 * the received mail to the answer page (the application's own filters and pages, through MockMvc) and answered.
 */
@CaseIntegrationTest
class OutreachNoticeMailIntegrationTests {

    private static final Caller SUPERVISOR = new Caller(SAM, Set.of("supervisors", "agents"));
    private static final Pattern ANSWER_LINK = Pattern.compile("http://localhost:8080(/answer/[A-Za-z0-9_.-]+)");
    private static final String MESSAGE = "The eclipse glasses you bought from us are not certified. Please do not use"
            + " them: we refund you in full and you may keep them.";

    @Autowired
    OutreachService outreaches;
    @Autowired
    OutreachProperties outreachSettings;
    @Autowired
    CaseService cases;
    @Autowired
    EngineTime time;
    @Autowired
    OutboxSender sender;
    @Autowired
    Mailbox mailbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    WebApplicationContext web;

    Deliveries deliveries;
    MockMvc customer;

    @BeforeEach
    void setUp() {
        time.freezeAt(Instant.parse("2026-09-07T07:00:00Z")); // a Monday: the daily cap of other tests is elsewhere
        deliveries = new Deliveries(sender, mailbox, jdbc);
        deliveries.reset();
        customer = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void resetClockAndEndProcesses() {
        time.reset();
        runtime.createProcessInstanceQuery().list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    @Test
    void eachAffectedCustomerGetsTheNoticeOnce_pacedAtTheRate_andItsLinksAnswerTheirCase() throws Exception {
        String key = launchWithNotice("""
                name,email,phone,preferred_channel,time_zone,order
                Ann Able,ann@notice.test,,EMAIL,,A-1
                Ben Bold,ben@notice.test,+44 20 7946 0001,PHONE,,A-2
                Cy Clear,,+44 20 7946 0002,PHONE,,A-3
                Di Dot,di@notice.test,,EMAIL,,A-4
                Ed Eve,ed@notice.test,,EMAIL,,A-5
                """);
        time.runDueJobs(); // two batches of three (test profile)

        // One notice per customer with an address, in the launch's order, spaced at the rate across both batches.
        List<OffsetDateTime> due = jdbc.sql("""
                        select next_attempt_at from ft_mail_outbox where kind = 'CUSTOMER_OUTREACH_NOTICE'
                        order by next_attempt_at""").query(OffsetDateTime.class).list();
        assertThat(due).hasSize(4);
        for (int i = 1; i < due.size(); i++) {
            assertThat(Duration.between(due.get(i - 1), due.get(i))).isEqualTo(outreachSettings.noticeSpacing());
        }

        List<Received> notices = deliveries.deliver().stream().filter(mail -> mail.to().endsWith("@notice.test"))
                .toList();
        assertThat(notices).extracting(Received::to).containsExactlyInAnyOrder("ann@notice.test", "ben@notice.test",
                "di@notice.test", "ed@notice.test");
        assertThat(notices).allSatisfy(mail -> {
            assertThat(mail.subject()).startsWith("Uncertified eclipse glasses — about your FT-");
            assertThat(mail.text()).contains("Dear ", MESSAGE, "Resolved for me:", "Still a problem:",
                    "Please call me (you choose when):");
            assertThat(links(mail.text())).hasSize(3).doesNotHaveDuplicates();
            links(mail.text()).forEach(link -> assertThat(mail.html()).contains("href=\"http://localhost:8080" + link));
        });
        time.runDueJobs();
        assertThat(deliveries.deliver()).as("nothing sent twice").isEmpty();
        assertThat(deliveries.count("SENT")).isEqualTo(4);

        // Ann follows "resolved for me": the page asks, her answer closes her case as confirmed by her.
        Received ann = mailTo(notices, "ann@notice.test");
        String number = caseNumber(ann);
        String resolved = links(ann.text()).get(0);
        MockHttpServletResponse page = customer.perform(get(resolved)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains(number, "Yes, it is resolved for me");
        assertThat(cases.get(number).status()).as("opening the link records nothing").isNotEqualTo(CaseStatus.CLOSED);
        MockHttpServletResponse answered = customer.perform(post(resolved).with(csrf())
                .param("words", "Refund arrived, glasses in the bin").param("satisfaction", "5")).andReturn()
                .getResponse();
        assertThat(answered.getStatus()).isEqualTo(200);
        assertThat(answered.getContentAsString()).contains("Thank you");
        assertThat(cases.get(number).closedAs()).isEqualTo(ClosedAs.CONFIRMED_BY_CUSTOMER);
        assertThat(customer.perform(post(resolved).with(csrf())).andReturn().getResponse().getStatus())
                .as("used once").isEqualTo(409);

        // Ben follows "please call me" and gives his window: noted on his case.
        Received ben = mailTo(notices, "ben@notice.test");
        String callMe = links(ben.text()).get(2);
        assertThat(customer.perform(get(callMe)).andReturn().getResponse().getContentAsString())
                .contains("When may we call you?");
        MockHttpServletResponse window = customer.perform(post(callMe).with(csrf()).param("date", "2026-09-09")
                .param("from", "10:00").param("to", "12:00")).andReturn().getResponse();
        assertThat(window.getStatus()).isEqualTo(200);
        assertThat(cases.timeline(caseNumber(ben))).extracting(CaseEvent::type)
                .contains(CaseEventType.CUSTOMER_ANSWERED);

        // A link changed by a character: a plain page saying so, in the customer's language, naming no case.
        String forged = callMe.substring(0, callMe.length() - 1) + (callMe.endsWith("A") ? "B" : "A");
        MockHttpServletResponse german = customer.perform(get(forged).header("Accept-Language", "de")).andReturn()
                .getResponse();
        assertThat(german.getStatus()).isEqualTo(404);
        assertThat(german.getContentAsString(StandardCharsets.UTF_8)).contains("Dieser Link ist nicht gültig")
                .doesNotContain(caseNumber(ben));
    }

    @Test
    void aNoticeNotYetSent_isCancelledWhenTheOutreachIsWithdrawn() {
        String key = launchWithNotice("""
                name,email
                Flo Fine,flo@notice.test
                Gus Good,gus@notice.test
                """);
        time.runDueJobs();
        assertThat(deliveries.count("PENDING")).isEqualTo(2);

        outreaches.withdraw(key, "The vendor's certificate turned up after all", SUPERVISOR);
        time.runDueJobs();

        assertThat(deliveries.deliver()).isEmpty();
        assertThat(deliveries.count("CANCELLED")).isEqualTo(2);
    }

    @Test
    void theWrittenFollowUpAfterNoAnswer_carriesTheLinks_stillAProblemOpensALinkedCase() throws Exception {
        // Not CaseFixture.awaitingCallback: its engine assertion finds no engine once a PostgreSQL context closed.
        var opened = cases.open(CaseFixture.doubleCharge(Priority.NORMAL).build(), ALICE);
        String n = opened.number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Refund the double charge");
        cases.resolveHandOff(n, PAUL, "Refunded");
        cases.verify(n, ALICE, true, null);
        deliveries.deliver();
        for (int attempt = 1; attempt <= 3; attempt++) {
            cases.recordCallback(n, ALICE, aCallback(CallbackOutcome.NO_ANSWER).build());
            time.advance(Duration.ofDays(1));
        }
        Received followUp = mailTo(deliveries.deliver(), opened.customer().email());
        assertThat(followUp.subject()).isEqualTo("We tried to reach you about " + n + " — " + opened.summary());
        assertThat(cases.get(n).closedAs()).isEqualTo(ClosedAs.UNREACHABLE);
        List<String> links = links(followUp.text());
        assertThat(links).hasSize(3);

        MockHttpServletResponse answered = customer.perform(post(links.get(1)).with(csrf())
                .param("words", "Still charged twice")).andReturn().getResponse();

        assertThat(answered.getStatus()).isEqualTo(200);
        assertThat(cases.linkedCases(n)).singleElement()
                .satisfies(linked -> assertThat(cases.get(linked).owner()).isEqualTo(ALICE));
    }

    private String launchWithNotice(String csv) {
        String key = outreaches.create(new NewOutreach("Uncertified eclipse glasses",
                "A vendor's eclipse glasses were not certified", "We refund every buyer; they keep the glasses",
                MESSAGE, "agents", Priority.NORMAL, true, null), SUPERVISOR).key();
        outreaches.attachCsv(key, csv.getBytes(StandardCharsets.UTF_8), SUPERVISOR);
        outreaches.launch(key, SUPERVISOR);
        return key;
    }

    /** The answer links' paths in a mail's text, in order: resolved, still a problem, call me. */
    private static List<String> links(String text) {
        Matcher links = ANSWER_LINK.matcher(text);
        return links.results().map(found -> found.group(1)).toList();
    }

    private static Received mailTo(List<Received> mails, String address) {
        return mails.stream().filter(mail -> mail.to().equals(address)).findFirst().orElseThrow();
    }

    private static String caseNumber(Received mail) {
        Matcher number = Pattern.compile("FT-\\d{4}-\\d{6}").matcher(mail.subject());
        assertThat(number.find()).isTrue();
        return number.group();
    }
}
