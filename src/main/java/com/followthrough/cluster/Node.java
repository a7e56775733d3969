package com.followthrough.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This JVM as a node: its {@link #name()} (what operators read: the timeline's and the outbox's "which node") and the
 * {@link #id()} of this run of it, whose liveness is its row in {@code ft_node}. A run is alive while its heartbeat is
 * younger than {@code dead-after}; a claim naming a run that is not is free for another node to take over. Another
 * module tells a live run's claims in SQL: {@code exists (select 1 from ft_node n where n.id = <claim's run> and
 * n.heartbeat_at > :deadBefore)} with {@link #deadBefore(Instant)}.
 * <p>Times are wall-clock times of each node: the nodes' clocks must agree within a few seconds (NTP), as they must
 * for the outbox's claim expiry already.
 */
public final class Node {

    /** One run of a node, as {@code ft_node} knows it. */
    public record Run(String id, String name, Instant startedAt, Instant heartbeatAt) {
    }

    private final String name;
    private final String id;
    private final Instant startedAt;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration deadAfter;

    public Node(String name, JdbcClient jdbc, Clock clock, Duration deadAfter) {
        this.name = name.length() > 80 ? name.substring(0, 80) : name;
        this.id = this.name + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.startedAt = clock.instant();
        this.jdbc = jdbc;
        this.clock = clock;
        this.deadAfter = deadAfter;
    }

    public String name() {
        return name;
    }

    /** This run of the node: a restart is a new run, so the claims of the run before it are not taken for ours. */
    public String id() {
        return id;
    }

    /** A heartbeat older than this instant means its run is dead. */
    public Instant deadBefore(Instant now) {
        return now.minus(deadAfter);
    }

    /** Tells the other nodes that this run lives. */
    public void beat() {
        OffsetDateTime now = utc(clock.instant());
        if (jdbc.sql("update ft_node set heartbeat_at = ? where id = ?").params(now, id).update() == 0) {
            jdbc.sql("insert into ft_node (id, name, started_at, heartbeat_at) values (?, ?, ?, ?)")
                    .params(id, name, utc(startedAt), now).update();
        }
    }

    /** Forgets runs dead for longer than {@code age}: they hold nothing any more, and operators have seen them go. */
    int forgetRunsDeadFor(Duration age) {
        return jdbc.sql("delete from ft_node where heartbeat_at < ?").param(utc(clock.instant().minus(age))).update();
    }

    /** Every run the table knows, newest first. */
    List<Run> runs() {
        return jdbc.sql("select id, name, started_at, heartbeat_at from ft_node order by started_at desc")
                .query((rs, row) -> new Run(rs.getString("id"), rs.getString("name"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("heartbeat_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    boolean isAlive(Run run, Instant now) {
        return run.heartbeatAt().isAfter(deadBefore(now));
    }

    Instant now() {
        return clock.instant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
