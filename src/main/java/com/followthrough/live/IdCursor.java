package com.followthrough.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a node has read a table up to, by its identity column. Ids are handed out when a row is inserted but become
 * visible when its transaction commits, so a lower id can appear after a higher one (a long step commits after a short
 * one). The ids skipped over are kept as gaps for a while and asked for again; a gap that never fills (a rolled-back
 * insert) is forgotten after {@code patience}.
 */
final class IdCursor {

    private static final int MAX_GAPS = 200;

    private final Duration patience;
    private final Map<Long, Instant> gaps = new HashMap<>();
    private long last;
    private boolean started;

    IdCursor(Duration patience) {
        this.patience = patience;
    }

    boolean started() {
        return started;
    }

    /** Reading starts after what exists now: a node announces changes from its start, not the history before it. */
    void startAfter(long highest) {
        last = highest;
        started = true;
    }

    long last() {
        return last;
    }

    /** The gaps still worth asking for (at least one value, so the query's {@code in} list is never empty). */
    List<Long> gaps(Instant now) {
        gaps.values().removeIf(seen -> seen.plus(patience).isBefore(now));
        return gaps.isEmpty() ? List.of(-1L) : List.copyOf(gaps.keySet());
    }

    /** Moves past the ids just read; the ones jumped over become gaps. */
    void read(Collection<Long> ids, Instant now) {
        for (long id : ids.stream().sorted().toList()) {
            gaps.remove(id);
            // A jump of more than MAX_GAPS ids is a restart's sequence cache, not transactions in flight.
            for (long skipped = Math.max(last + 1, id - MAX_GAPS); skipped < id; skipped++) {
                gaps.put(skipped, now);
            }
            last = Math.max(last, id);
        }
    }
}
