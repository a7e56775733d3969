package com.followthrough.cases;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases a transaction has loaded, by number: its identity map. A person's action, the engine's listeners it
 * triggers and the timer expressions they evaluate all run in one transaction and work on one instance of the case,
 * read once. Kept with the transaction's synchronizations, so it is suspended with the transaction and gone when it
 * completes; outside a transaction every load reads the database.
 */
final class LoadedCases implements TransactionSynchronization {

    private final Map<String, Case> byNumber = new HashMap<>();

    static Case get(String number) {
        LoadedCases loaded = current(false);
        return loaded == null ? null : loaded.byNumber.get(number);
    }

    static void put(Case kase) {
        LoadedCases loaded = current(true);
        if (loaded != null) {
            loaded.byNumber.put(kase.number(), kase);
        }
    }

    private static LoadedCases current(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof LoadedCases loaded) {
                return loaded;
            }
        }
        if (!create) {
            return null;
        }
        LoadedCases loaded = new LoadedCases();
        TransactionSynchronizationManager.registerSynchronization(loaded);
        return loaded;
    }

    @Override
    public void afterCompletion(int status) {
        byNumber.clear();
    }
}
