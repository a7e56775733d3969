package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.followthrough.audit.AuditProperties;
import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.Directory;
import com.followthrough.notifications.Outbox.Entry;
import com.followthrough.notifications.Outbox.Notification;
import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.Priority;
import com.followthrough.policy.ReaderTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Customer email is a per-deployment choice: off, the customer gets nothing; on, the acknowledgement with the number. */
class CustomerMailSwitchTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final CaseRecord KASE = new CaseRecord(1, "FT-2026-000123",
            new Customer("Jane Doe", "jane@customer.test", null, ContactChannel.EMAIL), Priority.NORMAL,
            "Refund not received", null, "alice", CaseStatus.WITH_OWNER, null, "alice", NOW, NOW, NOW, null, 0, 0, null,
            0);

    private final Directory directory = mock(Directory.class);
    private final Outbox outbox = mock(Outbox.class);
    private final Links links = new Links("http://localhost:8080");

    @Test
    void customerMailOff_theCustomerGetsNoEmail() {
        whoIsTold(false).on(new CaseEvents.Opened(KASE, "alice"));

        verify(outbox, never()).enqueue(any(), any());
    }

    @Test
    void customerMailOn_theCustomerIsAcknowledgedWithTheCaseNumber() {
        whoIsTold(true).on(new CaseEvents.Opened(KASE, "alice"));

        ArgumentCaptor<Notification> written = ArgumentCaptor.forClass(Notification.class);
        verify(outbox).enqueue(written.capture(), any());
        Notification notification = written.getValue();
        assertThat(notification.channel()).isEqualTo(EmailChannel.NAME);
        assertThat(notification.address()).isEqualTo("jane@customer.test");
        assertThat(notification.recipientId()).isNull();
        assertThat(notification.zone()).as("customers read the calendar's zone").isEqualTo(ZoneId.of("UTC"));

        MailTemplates.Parts mail = new MailTemplates(MailTemplates.LOCATION).render(notification.kind(),
                new Wording(links).model(new Entry(1, "<id@test>", notification.kind(), notification.channel(),
                        notification.caseNumber(), notification.recipientName(), notification.address(),
                        notification.zone(), notification.facts(), null, null, null, 0, "test")));
        assertThat(mail.subject()).isEqualTo("We have your request: FT-2026-000123 — Refund not received");
        assertThat(mail.text()).contains("Your case number is FT-2026-000123", "Alice is looking after it");
    }

    private WhoIsTold whoIsTold(boolean customerMail) {
        when(directory.person("alice"))
                .thenReturn(Optional.of(new Directory.Person("alice", "Alice", "alice@followthrough.test", List.of())));
        NotificationProperties properties = new NotificationProperties("Followthrough <ft@localhost>",
                new NotificationProperties.CustomerMail(customerMail), null, Duration.ofSeconds(30));
        Recipients recipients = new Recipients(directory, new ReaderTime(ZoneId.of("UTC"), user -> Optional.empty()),
                properties);
        StepFacts facts = new StepFacts(mock(CasePolicy.class), recipients, Clock.fixed(NOW, ZoneOffset.UTC));
        EmailChannel email = new EmailChannel(null, new MailTemplates(MailTemplates.LOCATION), new Wording(links),
                properties.from());
        return new WhoIsTold(facts, new FollowUpFacts(facts, mock(CasePolicy.class), recipients, Clock.systemUTC()),
                new Audiences(recipients, properties, new AuditProperties(false, Duration.ofMinutes(5),
                        Duration.ofMinutes(15), Duration.ofHours(1), List.of("admins"))),
                new Notifier(List.of(email), outbox, new SimpleMeterRegistry()), outbox, new StoryFacts());
    }
}
