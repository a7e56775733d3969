package com.followthrough.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * On an H2 database file, writes each commit to the file before the commit returns. H2 2.3's MVStore keeps committed
 * changes in memory and a background thread writes them about every {@code WRITE_DELAY} (500 ms); a JVM killed in
 * between loses commits that SMTP had already acted on (reminders doubled, check-ins undone; issue 16). H2's own
 * remedy, {@code WRITE_DELAY=0}, writes each commit but also stops that background thread, which is the one that
 * compacts the file: measured, the file then grows by gigabytes per 100,000 commits and never shrinks (h2database#442).
 * So the delay stays, and after every commit of a transaction that wrote, {@code CHECKPOINT} writes what is committed
 * (H2: "flushes the data to disk") on the transaction's own connection, before the caller goes on.
 * <p>A process crash ({@code kill -9}) loses nothing committed then; the operating system still holds the write. A
 * power failure can (no fsync per commit): production runs on PostgreSQL. Every transaction of the application and the
 * engine goes through Spring's transaction manager, which calls this (Spring Boot registers transaction execution
 * listeners with it). A database other than an H2 file is left alone.
 */
@Component
class DurableH2Commits implements TransactionExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Commits.class);

    private final DataSource dataSource;
    private volatile Boolean h2File;
    private final Object flushes = new Object();
    private long committed;
    private long flushed;
    private boolean flushing;

    DurableH2Commits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (commitFailure != null || transaction.isReadOnly()) {
            return;
        }
        // The transaction's connection is still bound to this thread: no second connection from the pool.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (isH2File(connection)) {
                flushAfterCommit(connection);
            }
        } catch (SQLException e) {
            // The commit itself succeeded: the caller must not see a failure it would take for a rollback.
            log.error("Could not write a commit to the H2 database file (CHECKPOINT needs an admin user); a kill -9 "
                    + "may lose the last commits: {}", e.getMessage());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Group commit: each flush writes one chunk to the file, whatever it holds, and H2 keeps a replaced chunk for its
     * retention time (45 s) before it reuses the space. Commits that end while a flush runs wait for the next one,
     * which writes all of them at once: under load far fewer chunks (a smaller file) and fewer writes.
     */
    private void flushAfterCommit(Connection connection) throws SQLException {
        long upTo;
        synchronized (flushes) {
            long ticket = ++committed;
            while (flushing && flushed < ticket) {
                try {
                    flushes.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break; // flush on our own rather than wait
                }
            }
            if (flushed >= ticket) {
                return;
            }
            flushing = true;
            upTo = committed; // every commit that has ended by now is in what this flush writes
        }
        boolean written = false;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
            written = true;
        } finally {
            synchronized (flushes) {
                flushing = false;
                if (written) {
                    flushed = Math.max(flushed, upTo);
                }
                flushes.notifyAll();
            }
        }
    }

    private boolean isH2File(Connection connection) throws SQLException {
        Boolean known = h2File;
        if (known == null) {
            String url = connection.getMetaData().getURL();
            known = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
            h2File = known;
            if (known) {
                log.info("H2 database file {}: every commit is written to the file before it returns", url);
            }
        }
        return known;
    }
}
