package org.vigil.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a step now and once more when the current transaction completes. Caches of settings that are
 * changed in a transaction use it to drop their copy: dropped now, a reload inside the transaction sees
 * the change; dropped again at completion, no other thread keeps a copy loaded before the commit.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void nowAndAtCompletion(Runnable step) {
        step.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    step.run();
                }
            });
        }
    }
}
