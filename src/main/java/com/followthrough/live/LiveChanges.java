package com.followthrough.live;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads, every {@code followthrough.live.poll-every}, what changed since the last reading, from the database every node
 * shares: new rows of the case timeline and of {@code ft_live_change}. Two indexed range reads on the primary keys,
 * answered from the index's end when nothing changed. Runs on every node: each tells its own open pages.
 */
@Component
class LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);
    /** How long an id skipped over may still turn up (its transaction still running). */
    private static final Duration GAP_PATIENCE = Duration.ofMinutes(2);
    private static final int ROWS_PER_READ = 2000;
    private static final String REASSIGNED = "OWNER_REASSIGNED";
    private static final String ARROW = " → ";

    private final NamedParameterJdbcTemplate jdbc;
    private final LiveStreams streams;
    private final LiveProperties properties;
    private final Clock clock;
    private final IdCursor events = new IdCursor(GAP_PATIENCE);
    private final IdCursor claims = new IdCursor(GAP_PATIENCE);
    private Instant lastCleanUp = Instant.EPOCH;
    private boolean failing;

    LiveChanges(NamedParameterJdbcTemplate jdbc, LiveStreams streams, LiveProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${followthrough.live.poll-every:PT1S}")
    synchronized void poll() {
        try {
            List<Change> changes = read();
            if (!changes.isEmpty()) {
                streams.announce(changes);
            }
            cleanUp();
            if (failing) {
                log.info("Live updates read the database again");
                failing = false;
            }
        } catch (DataAccessException e) {
            // The database is down or restarting: pages stay as they are until it is back (nothing is lost: the rows
            // are read then).
            if (!failing) {
                log.warn("Live updates cannot read the database: {}", e.toString());
                failing = true;
            }
        }
    }

    /** The changes since the last call, one per case, in the order they were read. */
    List<Change> read() {
        Instant now = clock.instant();
        if (!events.started()) {
            events.startAfter(highest("ft_case_event"));
            claims.startAfter(highest("ft_live_change"));
            return List.of();
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        Map<Long, String> caseIds = new HashMap<>();
        List<Long> eventIds = new ArrayList<>();
        jdbc.query("""
                select e.id, e.case_id, e.actor_id, e.event_type, e.detail, c.case_number, c.owner_id
                from (%s) k join ft_case_event e on e.id = k.id
                join ft_case c on c.id = e.case_id
                order by e.id fetch first %d rows only
                """.formatted(newOrGaps("ft_case_event"), ROWS_PER_READ),
                Map.of("last", events.last(), "gaps", events.gaps(now)), rs -> {
            eventIds.add(rs.getLong("id"));
            String number = rs.getString("case_number");
            caseIds.put(rs.getLong("case_id"), number);
            Change change = changes.computeIfAbsent(number, n -> new Change(n, new HashSet<>(), new HashSet<>()));
            change.people().add(rs.getString("owner_id"));
            change.people().add(rs.getString("actor_id"));
            // The case's row names only the new owner: the one it was taken from must see it leave their lists too.
            addIfPresent(change.people(), previousOwner(rs.getString("event_type"), rs.getString("detail")));
        });
        events.read(eventIds, now);
        if (!caseIds.isEmpty()) {
            // Everyone the case was ever handed off to may see it (casework.CaseAccess): their pages show it.
            jdbc.query("select case_id, colleague_id, team_id from ft_hand_off where case_id in (:ids)",
                    Map.of("ids", caseIds.keySet()), rs -> {
                        Change change = changes.get(caseIds.get(rs.getLong("case_id")));
                        addIfPresent(change.people(), rs.getString("colleague_id"));
                        addIfPresent(change.teams(), rs.getString("team_id"));
                    });
        }
        List<Long> claimIds = new ArrayList<>();
        jdbc.query("""
                select c.id, c.case_number, c.team_id, c.actor_id
                from (%s) k join ft_live_change c on c.id = k.id
                order by c.id fetch first %d rows only
                """.formatted(newOrGaps("ft_live_change"), ROWS_PER_READ),
                Map.of("last", claims.last(), "gaps", claims.gaps(now)), rs -> {
            claimIds.add(rs.getLong("id"));
            Change change = changes.computeIfAbsent(rs.getString("case_number"),
                    n -> new Change(n, new HashSet<>(), new HashSet<>()));
            change.people().add(rs.getString("actor_id"));
            addIfPresent(change.teams(), rs.getString("team_id"));
        });
        claims.read(claimIds, now);
        return List.copyOf(changes.values());
    }

    /**
     * The ids after the cursor and its gaps, as two key lookups: written as {@code id > :last or id in (:gaps)}, H2
     * reads every row of the table for it (about 0.8 s of CPU a second at 100,000 cases, BENCHMARKS.md). The first
     * part is ordered and limited itself: after a few polls PostgreSQL plans the statement once for any {@code :last}
     * (a generic plan), guesses that a third of the table lies after it and reads it all; with the limit there it
     * walks the key's index from {@code :last} and stops (BENCHMARKS.md, "The live poll's generic plan").
     */
    private static String newOrGaps(String table) {
        return ("(select id from %1$s where id > :last order by id fetch first %2$d rows only)"
                + " union all (select id from %1$s where id in (:gaps))").formatted(table, ROWS_PER_READ);
    }

    private long highest(String table) {
        Long highest = jdbc.getJdbcTemplate().queryForObject("select max(id) from " + table, Long.class);
        return highest == null ? 0 : highest;
    }

    /** Any node deletes what every node has long read; deleting twice is harmless. */
    private void cleanUp() {
        Instant now = clock.instant();
        if (lastCleanUp.plus(Duration.ofMinutes(1)).isAfter(now)) {
            return;
        }
        lastCleanUp = now;
        jdbc.update("delete from ft_live_change where changed_at < :before",
                Map.of("before", OffsetDateTime.ofInstant(now.minus(properties.keepChanges()), ZoneOffset.UTC)));
    }

    /**
     * The owner a reassignment took the case from: its timeline entry reads "{@code alice → bob: reason}"
     * ({@code cases.Case#reassignOwner}, the only place that writes it). Null for any other entry.
     */
    static String previousOwner(String eventType, String detail) {
        if (!REASSIGNED.equals(eventType) || detail == null) {
            return null;
        }
        int arrow = detail.indexOf(ARROW);
        return arrow > 0 ? detail.substring(0, arrow) : null;
    }

    private static void addIfPresent(Set<String> into, String value) {
        if (value != null) {
            into.add(value);
        }
    }
}
