package com.followthrough.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Writes this node's heartbeat every {@code heartbeat-interval}, on a thread of its own: Spring's scheduler thread also
 * runs the mail outbox's deliveries, and a long delivery must not make the node look dead. The first heartbeat is
 * written before anything that claims work starts (phase {@link #PHASE}); the heartbeat stops with the application,
 * and the run's row then ages into "dead" on its own.
 */
class NodeHeartbeat implements SmartLifecycle {

    /** Early: before the web server, the mail sender's schedule and the job executor start. */
    static final int PHASE = -1000;
    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final Node node;
    private final Duration interval;
    private ScheduledExecutorService beats;
    private volatile boolean failing;

    NodeHeartbeat(Node node, Duration interval) {
        this.node = node;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        node.forgetRunsDeadFor(FORGET_AFTER);
        node.beat();
        log.info("Node {} started as run {}", node.name(), node.id());
        beats = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleAtFixedRate(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            node.beat();
            if (failing) {
                log.info("Node {}: heartbeat written again", node.name());
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Node {}: cannot write the heartbeat (other nodes will take this node for dead and take "
                        + "over its mail claims): {}", node.name(), e.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (beats != null) {
            beats.shutdownNow();
            beats = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beats != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
