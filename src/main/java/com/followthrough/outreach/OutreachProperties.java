package com.followthrough.outreach;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of outreaches ({@code followthrough.outreach}).
 *
 * @param casesPerAgentPerDay the most new outreach cases an agent gets in one day (the business calendar's day); the
 *                            rest wait for an agent with capacity
 * @param batchSize           cases started (withdrawn, resolved) per engine job: one transaction each
 * @param maxCustomers        the most affected customers of one outreach (and of one upload)
 * @param maxUploadSize       the largest CSV (or JSON) upload
 * @param noticesPerMinute    the rate at which the launch's notices leave the outbox
 * @param lookAgainAfter      how long a paused outreach's process waits before reading the paused flag again (should
 *                            the resumption's message have come just before it waited)
 * @param progressCheckAfter  how often a launched outreach's process checks whether every case is closed (it ends then)
 */
@ConfigurationProperties("followthrough.outreach")
@Validated
public record OutreachProperties(
        @DefaultValue("25") @Min(1) int casesPerAgentPerDay,
        @DefaultValue("200") @Min(1) @Max(5_000) int batchSize,
        @DefaultValue("100000") @Min(1) int maxCustomers,
        @DefaultValue("10MB") DataSize maxUploadSize,
        @DefaultValue("600") @Min(1) int noticesPerMinute,
        @DefaultValue("PT1H") Duration lookAgainAfter,
        @DefaultValue("PT6H") Duration progressCheckAfter) {

    /** How far apart the notices of one launch leave. */
    public Duration noticeSpacing() {
        return Duration.ofMillis(60_000L / noticesPerMinute);
    }
}
