package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import com.followthrough.cases.Directory;
import com.followthrough.policy.ReaderTime;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A reader's language comes from {@link ReaderLanguages} when there is one; customers' is unknown (English). */
class ReaderLanguageTests {

    private final Directory directory = mock(Directory.class);
    private final ReaderTime readerTime = new ReaderTime(ZoneId.of("Europe/Berlin"), user -> Optional.empty());
    private final NotificationProperties properties = new NotificationProperties("ft@localhost",
            new NotificationProperties.CustomerMail(true), null, Duration.ofSeconds(30));

    @Test
    void theReadersLanguage_isTheOneTheDirectoryKnows_elseUnknown() {
        when(directory.person("paul")).thenReturn(Optional.of(new Directory.Person("paul", "Paul",
                "paul@followthrough.test", List.of())));
        when(directory.person("alice")).thenReturn(Optional.of(new Directory.Person("alice", "Alice",
                "alice@followthrough.test", List.of())));
        ReaderLanguages languages = user -> user.equals("paul") ? Optional.of(Locale.GERMANY) : Optional.empty();
        Recipients recipients = new Recipients(directory, readerTime, Optional.of(languages), properties);

        assertThat(recipients.user("paul").language()).isEqualTo("de-DE");
        assertThat(recipients.user("alice").language()).isNull();
        assertThat(recipients.customer(new Customer("Jane", "jane@customer.test", null, ContactChannel.EMAIL))
                .language()).isNull();
    }

    @Test
    void withoutASourceOfLanguages_everyReadersLanguageIsUnknown() {
        when(directory.person("paul")).thenReturn(Optional.of(new Directory.Person("paul", "Paul",
                "paul@followthrough.test", List.of())));
        Recipients recipients = new Recipients(directory, readerTime, Optional.empty(), properties);

        assertThat(recipients.user("paul").language()).isNull();
    }
}
