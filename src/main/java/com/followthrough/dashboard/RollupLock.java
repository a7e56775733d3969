package com.followthrough.dashboard;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This JVM's side of a roll-up rebuild's safety (the database's side is {@link RollupWrites#lockAgainstWrites}): a
 * transaction that writes a roll-up row holds the shared lock until it ends, and a rebuild takes the exclusive one, so
 * it waits for the writes under way and holds new ones back until it has committed. One lock for every roll-up.
 */
@Component
class RollupLock {

    // Fair, so a waiting rebuild is not starved by a stream of writes.
    private final ReentrantReadWriteLock rebuilding = new ReentrantReadWriteLock(true);

    /** Before a roll-up write: held until the current transaction ends, so no rebuild starts between its writes. */
    void holdWhileTransactionRuns() {
        Lock lock = rebuilding.readLock();
        lock.lock();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            lock.unlock();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }

    /** Runs a rebuild with no roll-up write under way in this JVM. */
    <T> T exclusively(Supplier<T> rebuild) {
        if (rebuilding.getReadHoldCount() > 0) {
            // The exclusive lock would wait for this very thread's transaction forever.
            throw new IllegalStateException("A roll-up rebuild cannot run in a transaction that wrote roll-ups");
        }
        Lock lock = rebuilding.writeLock();
        lock.lock();
        try {
            return rebuild.get();
        } finally {
            lock.unlock();
        }
    }
}
