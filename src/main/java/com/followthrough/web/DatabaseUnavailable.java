package com.followthrough.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises "the database is not reachable" anywhere in an exception's causes, however the engine (MyBatis,
 * {@code ProcessEngineException}), Spring or the pool wrapped it, so a client hears 503 and retries rather than a 500.
 * The transaction was rolled back: nothing was written.
 */
final class DatabaseUnavailable {

    /** How long a client should wait before retrying, in seconds (the pool's connection timeout is of that order). */
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toSee = new ArrayDeque<>(List.of(failure));
        while (!toSee.isEmpty()) {
            Throwable t = toSee.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                toSee.push(t.getCause());
            }
            // A failed rollback (the connection died under it) hides what failed first.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                toSee.push(rollback.getApplicationException());
            }
            // A commit or rollback the connection could not carry out: the connection or the database went away
            // (e.g. "JDBC rollback failed" on a connection the pool had already closed, with no SQLSTATE to read).
            if (t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 is "connection exception"; 57P01–57P03 are PostgreSQL's admin shutdown, crash shutdown and
     * "cannot connect now" (starting up or recovering).
     */
    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }
}
