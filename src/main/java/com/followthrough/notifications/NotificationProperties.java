package com.followthrough.notifications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Email settings ({@code followthrough.notifications.*}). Times in mails are shown in each reader's zone
 * ({@code policy.ReaderTime}); the former {@code time-zone} setting is gone (a start-up warning says so if it is set).
 *
 * @param from           the sender address of every email
 * @param customerMail   whether customers get email at all (acknowledgement, written follow-up, thank-you)
 * @param sender         how the outbox is delivered
 * @param directoryCache how long a person's name, address and zone, and a team's members, are kept once read: a change
 *                       in Camunda Admin reaches notifications written after this
 */
@Validated
@ConfigurationProperties("followthrough.notifications")
public record NotificationProperties(
        @DefaultValue("Followthrough <followthrough@localhost>") @NotBlank String from,
        @DefaultValue @Valid CustomerMail customerMail,
        @DefaultValue @Valid Sender sender,
        @DefaultValue("PT30S") @NotNull Duration directoryCache) {

    public record CustomerMail(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param enabled        false: nothing delivers on a schedule (tests drive {@link OutboxSender#deliverDue()})
     * @param interval       pause between two deliveries of due mail
     * @param batchSize      rows claimed (and sent over one SMTP connection, each recorded SENT at once) at a time
     * @param claimTimeout   a claim of a node that lives but hangs expires after this; a dead node's claims pass to
     *                       another node sooner, once its heartbeat is {@code followthrough.cluster.dead-after} old
     * @param maxAttempts    after this many failed attempts a mail is FAILED and left to an operator
     * @param initialBackoff wait after the first failed attempt; doubled after each further one
     * @param maxBackoff     the longest wait between attempts
     * @param threads        senders on this node working the outbox at the same time, each claiming its own batches
     *                       and sending them over its own SMTP connection (one delivered 150–451 mails/s to
     *                       GreenMail in OutboxDeliveryIntegrationTests on the loaded 2-core machine, see README)
     */
    public record Sender(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT5S") @NotNull Duration interval,
            @DefaultValue("50") @Min(1) int batchSize,
            @DefaultValue("PT2M") @NotNull Duration claimTimeout,
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("PT30S") @NotNull Duration initialBackoff,
            @DefaultValue("PT1H") @NotNull Duration maxBackoff,
            @DefaultValue("2") @Min(1) @Max(16) int threads) {

        /** The wait after the {@code attempts}-th failed attempt: initial × 2^(attempts−1), at most the maximum. */
        Duration backoffAfter(int attempts) {
            Duration wait = initialBackoff;
            for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }
}
