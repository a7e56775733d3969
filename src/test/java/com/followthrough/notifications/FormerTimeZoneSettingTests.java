package com.followthrough.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.followthrough.cluster.Node;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The removed {@code followthrough.notifications.time-zone} setting is ignored, and a deployment still setting it hears so. */
@ExtendWith(OutputCaptureExtension.class)
class FormerTimeZoneSettingTests {

    private final NotificationProperties properties = new NotificationProperties("Followthrough <ft@localhost>",
            new NotificationProperties.CustomerMail(false), new NotificationProperties.Sender(true,
                    java.time.Duration.ofSeconds(5), 50, java.time.Duration.ofMinutes(2), 8,
                    java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(1), 1), Duration.ofSeconds(30));

    @Test
    void stillSettingIt_logsThatItIsIgnored_andWhatToSetInstead(CapturedOutput output) {
        start(new MockEnvironment().withProperty("followthrough.notifications.time-zone", "UTC"));
        assertThat(output.getOut()).contains("followthrough.notifications.time-zone is no longer used and is ignored",
                "followthrough.calendar.zone");
    }

    @Test
    void withoutIt_nothingIsSaid(CapturedOutput output) {
        start(new MockEnvironment());
        assertThat(output.getOut()).doesNotContain("followthrough.notifications.time-zone");
    }

    private void start(MockEnvironment environment) {
        new NotificationConfiguration().outboxSender(mock(Outbox.class), List.of(), properties,
                new Node("test-node", null, Clock.systemUTC(), Duration.ofSeconds(10)), new SimpleMeterRegistry(),
                environment);
    }
}
