package com.followthrough.cluster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health component {@code nodes}: every run of a node seen in the last day, whether it lives (its heartbeat is
 * younger than {@code dead-after}), and which one answers. Always UP: a dead node is for the other nodes to cover, not
 * a reason to take this one out of the load balancer.
 */
@Component("nodesHealthIndicator")
class NodesHealth implements HealthIndicator {

    private final Node node;

    NodesHealth(Node node) {
        this.node = node;
    }

    /** Always UP: without details (a load balancer's probe) the runs are not read. */
    @Override
    public Health getHealth(boolean includeDetails) {
        return includeDetails ? health() : Health.up().build();
    }

    @Override
    public Health health() {
        Instant now = node.now();
        return Health.up()
                .withDetail("thisNode", node.name())
                .withDetail("thisRun", node.id())
                .withDetail("runs", node.runs().stream().map(run -> {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("name", run.name());
                    detail.put("run", run.id());
                    detail.put("alive", node.isAlive(run, now));
                    detail.put("startedAt", run.startedAt().toString());
                    detail.put("lastHeartbeat", run.heartbeatAt().toString());
                    return detail;
                }).toList())
                .build();
    }
}
