package org.bitcoinrpc.test.internal.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactions waiting to be mined, in the order they were accepted (so a transaction always
 * follows those it spends). Not thread-safe: the {@link SimulatedChain} guards it with its state lock.
 */
final class Mempool {

    /** By txid, in acceptance order. */
    private final Map<String, Transaction> byTxid = new LinkedHashMap<>();

    boolean contains(String txid) {
        return this.byTxid.containsKey(txid);
    }

    void add(Transaction tx) {
        this.byTxid.put(tx.txid(), tx);
    }

    /** Removes and returns every transaction, oldest first. */
    List<Transaction> takeAll() {
        List<Transaction> all = new ArrayList<>(this.byTxid.values());
        this.byTxid.clear();
        return all;
    }

    /** Puts {@code returned} (from a disconnected block, in block order) before the waiting transactions. */
    void returnToFront(List<Transaction> returned) {
        List<Transaction> waiting = takeAll();
        returned.forEach(this::add);
        waiting.forEach(this::add);
    }

    /** The waiting transactions, oldest first. */
    List<Transaction> snapshot() {
        return List.copyOf(this.byTxid.values());
    }

    int size() {
        return this.byTxid.size();
    }

    void clear() {
        this.byTxid.clear();
    }
}
