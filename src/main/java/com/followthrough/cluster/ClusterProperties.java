package com.followthrough.cluster;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How nodes tell each other they live ({@code followthrough.cluster.*}).
 *
 * @param heartbeatInterval how often a node writes its heartbeat
 * @param deadAfter         a node whose heartbeat is older than this is dead: another node takes over its claims on the
 *                          mail outbox. Several heartbeats long, so a busy node (a long GC pause, a slow database) is
 *                          not taken for dead; a node taken for dead that still lives could send the one mail it was
 *                          sending again
 */
@Validated
@ConfigurationProperties("followthrough.cluster")
public record ClusterProperties(
        @DefaultValue("PT2S") @NotNull Duration heartbeatInterval,
        @DefaultValue("PT10S") @NotNull Duration deadAfter) {

    @AssertTrue(message = "dead-after must be at least three heartbeat intervals")
    boolean isDeadAfterSeveralHeartbeats() {
        return heartbeatInterval == null || deadAfter == null
                || deadAfter.compareTo(heartbeatInterval.multipliedBy(3)) >= 0;
    }
}
