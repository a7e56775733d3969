package com.followthrough.notifications;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.TestMail.Mailbox;
import com.followthrough.TestMail.Received;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.CheckIns;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.cases.OpenCase;
import com.followthrough.cluster.Node;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Messages are rendered when they are sent, from the facts the step captured: a template that fails is a failed
 * delivery attempt (retried with backoff, counted, FAILED after the last attempt, listed in health), never a step
 * rolled back; the message says what was true at the step; and rows written before rendering moved to delivery go out
 * as they were rendered. The broken template set ({@code src/test/resources/templates/broken-mail}) is the hand-off's
 * subject reading a fact that hand-off notifications do not carry, as a template changed to need a new fact would for
 * rows written before it.
 */
@CaseIntegrationTest
class RenderAtDeliveryIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    CheckIns checkIns;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EngineTime time;
    @Autowired
    OutboxSender sender;
    @Autowired
    Wording wording;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    NotificationProperties properties;
    @Autowired
    Outbox outbox;
    @Autowired
    Node node;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MailOutboxHealth health;
    @Autowired
    Mailbox mailbox;
    @Autowired
    JdbcClient jdbc;

    Deliveries deliveries;
    /** This application with a broken template set: the same outbox, mail server and node. */
    OutboxSender brokenTemplates;

    @BeforeEach
    void setUp() {
        time.freezeAt(Instant.parse("2026-03-02T09:00:00Z"));
        deliveries = new Deliveries(sender, mailbox, jdbc);
        deliveries.reset();
        brokenTemplates = new OutboxSender(outbox, List.of(new EmailChannel(mailSender,
                new MailTemplates("templates/broken-mail/"), wording, properties.from())), properties, node, meters,
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        time.reset();
        runtime.createProcessInstanceQuery().list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    @Test
    void aTemplateThatFails_failsTheDeliveryVisiblyAndIsRetried_theHandOffStands_andTheMailGoesOutOnceItIsFixed() {
        String n = cases.open(intake(), ALICE).number();
        deliveries.deliver();
        double failedAttempts = meters.get("followthrough.mail.attempts.failed").counter().count();

        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), "Refund missing");
        assertThat(brokenTemplates.deliverDue()).isZero();

        assertThat(cases.get(n).status()).as("the hand-off committed").isEqualTo(CaseStatus.HANDED_OFF);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(n).taskAssignee(PAUL).count()).isEqualTo(1);
        Map<String, Object> row = handOffRow(n);
        assertThat(row.get("state")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).startsWith("CannotRender: cannot render HAND_OFF for EMAIL")
                .contains("hand-off.subject.txt", "handOff.note", "cannot be found on null");
        assertThat(instant(row.get("next_attempt_at"))).as("retried after the backoff").isAfter(Instant.now());
        assertThat(meters.get("followthrough.mail.attempts.failed").counter().count()).isEqualTo(failedAttempts + 1);
        assertThat(health.health().getDetails()).containsEntry("pending", 1L);
        assertThat(mailbox.received()).as("only the acknowledgement").hasSize(1);

        // The templates are fixed (this application's own): the same row goes out once its backoff has passed.
        List<Received> arrived = deliveries.deliver();
        assertThat(arrived).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("paul@followthrough.test");
            assertThat(mail.subject()).isEqualTo("Alice needs your help with " + n + ": Refund not received");
            assertThat(mail.text()).contains("Refund missing");
            assertThat(mail.messageId()).isEqualTo(row.get("message_id"));
        });
        assertThat(handOffRow(n)).containsEntry("state", "SENT").containsEntry("attempts", 2)
                .containsEntry("subject", "Alice needs your help with " + n + ": Refund not received");
    }

    @Test
    void aTemplateThatStaysBroken_endsFailedAfterTheLastAttempt_listedInHealth_theHandOffStands() {
        String n = cases.open(intake(), ALICE).number();
        deliveries.deliver();
        double gaveUp = meters.get("followthrough.mail.failed").counter().count();

        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), null);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
            brokenTemplates.deliverDue();
            return deliveries.count("FAILED") == 1;
        });

        assertThat(handOffRow(n).get("attempts")).isEqualTo(properties.sender().maxAttempts());
        assertThat(meters.get("followthrough.mail.failed").counter().count()).isEqualTo(gaveUp + 1);
        Health status = health.health();
        assertThat(status.getDetails()).containsEntry("failed", 1L);
        assertThat(status.getDetails().get("failedMails")).asString()
                .contains("paul@followthrough.test", "HAND_OFF", "CannotRender", "hand-off.subject.txt");
        assertThat(cases.get(n).status()).isEqualTo(CaseStatus.HANDED_OFF);
        assertThat(mailbox.received()).as("only the acknowledgement").hasSize(1);
    }

    @Test
    void theMailSaysWhatWasTrueAtItsStep_notWhatIsTrueWhenItGoesOut() {
        String n = cases.open(intake(), ALICE).number();
        cases.handOff(n, ALICE, HandOffTarget.colleague(PAUL), null);
        deliveries.deliver();
        time.advance(Duration.ofDays(1).plusSeconds(1)); // the 1st check-in reminder is written now
        checkIns.record(n, ALICE, "Called Paul", "Refund goes out on Wednesday", time.now().plus(Duration.ofDays(2)));

        List<Received> reminder = deliveries.deliver();

        assertThat(cases.handOffs(n).get(0).checkInsDone()).as("the case moved on before the mail went out").isOne();
        assertThat(reminder).singleElement().satisfies(mail -> assertThat(mail.text())
                .contains("This is your 1st check-in reminder for this hand-off (you have checked in 0 times so far"));
    }

    /** Rows written by the release before this one carry their rendered message and no facts (V20 kept them). */
    @Test
    void aRowWrittenBeforeRenderingMovedToDelivery_goesOutAsItWasRendered() {
        jdbc.sql("""
                        insert into ft_mail_outbox (message_id, kind, case_number, recipient_id, to_address, subject,
                            body_text, body_html, state, attempts, next_attempt_at, created_at)
                        values ('<before-v20@localhost>', 'CHECK_IN_DUE', 'FT-2026-000042', 'alice',
                            'alice@followthrough.test', 'Check in with Paul on FT-2026-000042', 'Rendered at its step.',
                            '<p>Rendered at its step.</p>', 'PENDING', 0, ?, ?)
                        """)
                .params(Instant.now().atOffset(ZoneOffset.UTC), Instant.now().atOffset(ZoneOffset.UTC)).update();

        assertThat(deliveries.deliver()).singleElement().satisfies(mail -> {
            assertThat(mail.messageId()).isEqualTo("<before-v20@localhost>");
            assertThat(mail.subject()).isEqualTo("Check in with Paul on FT-2026-000042");
            assertThat(mail.text()).isEqualToIgnoringNewLines("Rendered at its step.");
            assertThat(mail.html()).contains("<p>Rendered at its step.</p>");
        });
    }

    private Map<String, Object> handOffRow(String number) {
        Map<String, Object> row = jdbc.sql("select * from ft_mail_outbox where case_number = ? and kind = 'HAND_OFF'")
                .param(number).query().singleRow();
        return row.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(),
                e -> e.getValue() == null ? "" : e.getValue()));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private static OpenCase intake() {
        return anOpenCase().forCustomer(aCustomer().named("Jane Doe").withEmail("jane.doe@customer.test")
                .withPhone("+44 20 7946 0000")).withSummary("Refund not received").build();
    }
}
