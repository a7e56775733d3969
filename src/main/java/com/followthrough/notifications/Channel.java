package com.followthrough.notifications;

import com.followthrough.notifications.Outbox.Entry;
import com.followthrough.notifications.Recipients.Reader;
import java.util.Optional;

/**
 * How a notification reaches its reader. Email ({@link EmailChannel}) is the first; SMS or chat are further
 * implementations (README "Where a change goes"). A step writes one outbox row per reader and channel that has an
 * address for them ({@link Notifier}); the sender claims the rows of the channels that can deliver on this node and
 * hands each to its channel, which renders it with its own template set and sends it.
 */
interface Channel {

    /** The name in the outbox's {@code channel} column (and its check constraint). */
    String name();

    /**
     * Where this channel tells the reader of a notification of this kind; empty when it does not (they have no address
     * on it, or it does not carry this kind: an SMS channel might carry only the customer's notifications).
     */
    Optional<String> address(Reader reader, NotificationKind kind);

    /** Whether this node can deliver now (a mail server is configured): rows of a channel that cannot, wait. */
    boolean canDeliver();

    /** A connection for one batch, closed when the batch is done. */
    Connection connect();

    /** Delivers one row at a time, so each is recorded SENT as soon as it went out. */
    interface Connection extends AutoCloseable {

        /**
         * Renders the row and sends it; returns once the server accepted it, with what to record as its subject (null
         * when the channel has none). Anything thrown is a failed attempt of this row (a template error too), retried
         * with backoff and FAILED after the last.
         *
         * @throws Unreachable when the channel's server cannot be reached at all: the batch's other rows would fail
         * alike
         */
        String send(Entry row) throws Exception;

        @Override
        void close();
    }

    /**
     * The row's message cannot be rendered from its facts (a template error, facts a template does not expect). Its
     * message names the template and what failed, for the row's {@code last_error}; the cause is kept as suppressed.
     */
    final class CannotRender extends Exception {
        CannotRender(Entry row, Exception cause) {
            super("cannot render " + row.kind() + " for " + row.channel() + ": " + cause.getMessage()
                    + (cause.getCause() == null ? "" : " (" + cause.getCause().getMessage() + ")"));
            addSuppressed(cause);
        }
    }

    /** The channel's server cannot be reached: every row of this channel left in the batch fails the same way. */
    final class Unreachable extends Exception {
        Unreachable(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
