package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.Directory;
import com.followthrough.policy.CasePolicy;
import com.followthrough.policy.Priority;
import com.followthrough.policy.ReaderTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
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
    private final MailOutbox outbox = mock(MailOutbox.class);

    @Test
    void customerMailOff_theCustomerGetsNoEmail() {
        mails(false).on(new CaseEvents.Opened(KASE, "alice"));

        verify(outbox, never()).enqueue(any(), any());
    }

    @Test
    void customerMailOn_theCustomerIsAcknowledgedWithTheCaseNumber() {
        mails(true).on(new CaseEvents.Opened(KASE, "alice"));

        ArgumentCaptor<Mail> mail = ArgumentCaptor.forClass(Mail.class);
        verify(outbox).enqueue(mail.capture(), any());
        assertThat(mail.getValue().to()).isEqualTo("jane@customer.test");
        assertThat(mail.getValue().recipientId()).isNull();
        assertThat(mail.getValue().subject()).isEqualTo("We have your request: FT-2026-000123 — Refund not received");
        assertThat(mail.getValue().text()).contains("Your case number is FT-2026-000123", "Alice is looking after it");
    }

    private CaseMails mails(boolean customerMail) {
        when(directory.person("alice"))
                .thenReturn(Optional.of(new Directory.Person("alice", "Alice", "alice@followthrough.test", List.of())));
        NotificationProperties properties = new NotificationProperties("Followthrough <ft@localhost>",
                new NotificationProperties.CustomerMail(customerMail), null);
        Recipients recipients = new Recipients(directory, new SimpleMeterRegistry());
        MailWriter writer = new MailWriter(recipients, new MailTemplates(), outbox, new Links("http://localhost:8080"),
                properties, new ReaderTime(ZoneId.of("UTC"), user -> Optional.empty()));
        return new CaseMails(mock(CasePolicy.class), recipients, writer, outbox, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
