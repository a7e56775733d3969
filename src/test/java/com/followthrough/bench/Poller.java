package com.followthrough.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's own statements on the nodes' database, over one connection, counted: each is a commit of its own
 * (autocommit), which the storm's commits per reminder leave out.
 */
final class Poller {

    private final JdbcTemplate jdbc;
    private final AtomicLong statements = new AtomicLong();

    Poller(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(String sql) {
        statements.incrementAndGet();
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    int update(String sql, Object... arguments) {
        statements.incrementAndGet();
        return jdbc.update(sql, arguments);
    }

    /** The server process serving this connection. */
    long backendPid() {
        return count("select pg_backend_pid()");
    }

    long statements() {
        return statements.get();
    }
}
