package org.bitcoinrpc.test.internal.rpc;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bitcoinrpc.test.internal.chain.OutPoint;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.chain.TxIn;
import org.bitcoinrpc.test.internal.chain.TxOut;
import org.jspecify.annotations.Nullable;

/**
 * One websocket session's notification requests and filters, and btcd's rules for which
 * transactions they match ({@code rpcwebsocket.go}'s {@code notifyForTxIns}, {@code notifyForTxOuts},
 * {@code subscribedClients} and {@code rescanBlockFilter}). Matching updates the state as btcd does:
 * an output paying a {@code notifyreceived} address is then watched for its spending, a mined spend
 * ends a spent watch, and an output paying a filter address joins the filter's outpoints.
 *
 * <p>Thread-safe: the session's reader changes it while the mining thread matches transactions; every
 * field is guarded by {@link #lock}.
 */
public final class Subscriptions {

    /** The kind {@code notifyblocks} registers. */
    public static final String NOTIFY_BLOCKS = "notifyblocks";

    /** The kind {@code notifynewtransactions} registers. */
    public static final String NOTIFY_NEW_TRANSACTIONS = "notifynewtransactions";

    /** The kind {@code notifyspent} registers. */
    public static final String NOTIFY_SPENT = "notifyspent";

    /** The kind {@code notifyreceived} registers. */
    public static final String NOTIFY_RECEIVED = "notifyreceived";

    /** The kind {@code loadtxfilter} registers. */
    public static final String LOAD_TX_FILTER = "loadtxfilter";

    /** Every kind, in a fixed order. */
    public static final List<String> KINDS = List.of(NOTIFY_BLOCKS, NOTIFY_NEW_TRANSACTIONS, NOTIFY_SPENT,
            NOTIFY_RECEIVED, LOAD_TX_FILTER);

    /** What {@code notifynewtransactions} asked for. */
    public enum TxMode {

        /** Nothing (never asked, or {@code stopnotifynewtransactions}). */
        OFF,

        /** {@code txaccepted [txid, amount]}. */
        SUMMARY,

        /** {@code txacceptedverbose [tx]}. */
        VERBOSE
    }

    /**
     * The state at one instant, for tests.
     * @param kinds the kinds held (see {@link #KINDS}): {@code notifyspent} and {@code notifyreceived}
     *        while at least one outpoint or address they registered is watched, {@code loadtxfilter}
     *        once a filter is loaded
     * @param watchedOutpoints outpoints watched: those of {@code notifyspent}, those added for
     *        outputs paying a {@code notifyreceived} address, and the filter's
     * @param watchedAddresses addresses watched: those of {@code notifyreceived} and the filter's
     */
    public record Snapshot(Set<String> kinds, int watchedOutpoints, int watchedAddresses) {

        /** Copies the kinds. */
        public Snapshot {
            kinds = Collections.unmodifiableSet(new LinkedHashSet<>(kinds));
        }
    }

    private final Object lock = new Object();

    /** {@code notifyblocks}. Guarded by {@link #lock}. */
    private boolean blocks;

    /** {@code notifynewtransactions}. Guarded by {@link #lock}. */
    private TxMode newTransactions = TxMode.OFF;

    /** Outpoints from {@code notifyspent}. Guarded by {@link #lock}. */
    private final Set<OutPoint> spent = new HashSet<>();

    /** Addresses from {@code notifyreceived}, as given (btcd keeps the strings). Guarded by {@link #lock}. */
    private final Set<String> received = new HashSet<>();

    /** Outputs that paid a {@code notifyreceived} address, watched for spending. Guarded by {@link #lock}. */
    private final Set<OutPoint> receivedOutputs = new HashSet<>();

    /** The {@code loadtxfilter} filter, or null before one is loaded. Guarded by {@link #lock}. */
    private @Nullable TxFilter filter;

    /** {@code notifyblocks} (true) or {@code stopnotifyblocks} (false). */
    public void notifyBlocks(boolean enabled) {
        synchronized (this.lock) {
            this.blocks = enabled;
        }
    }

    /** Whether block notifications were asked for. */
    public boolean wantsBlocks() {
        synchronized (this.lock) {
            return this.blocks;
        }
    }

    /** {@code notifynewtransactions [verbose]} or, with {@link TxMode#OFF}, {@code stopnotifynewtransactions}. */
    public void notifyNewTransactions(TxMode mode) {
        synchronized (this.lock) {
            this.newTransactions = mode;
        }
    }

    /** What new mempool transactions should be announced with. */
    public TxMode newTransactions() {
        synchronized (this.lock) {
            return this.newTransactions;
        }
    }

    /** {@code notifyspent}: watches these outpoints. */
    public void addSpent(Collection<OutPoint> outPoints) {
        synchronized (this.lock) {
            this.spent.addAll(outPoints);
        }
    }

    /** {@code stopnotifyspent}: stops watching these outpoints, however they came to be watched. */
    public void removeSpent(Collection<OutPoint> outPoints) {
        synchronized (this.lock) {
            this.spent.removeAll(outPoints);
            this.receivedOutputs.removeAll(outPoints);
        }
    }

    /** {@code notifyreceived}: watches these addresses (already validated). */
    public void addReceived(Collection<String> addresses) {
        synchronized (this.lock) {
            this.received.addAll(addresses);
        }
    }

    /** {@code stopnotifyreceived}: stops watching these addresses. */
    public void removeReceived(Collection<String> addresses) {
        synchronized (this.lock) {
            this.received.removeAll(addresses);
        }
    }

    /**
     * {@code loadtxfilter}: replaces the filter when {@code reload} is true or none is loaded, else adds
     * to it.
     */
    public void loadFilter(boolean reload, Collection<String> addresses, Collection<OutPoint> outPoints) {
        synchronized (this.lock) {
            TxFilter current = this.filter;
            if (reload || current == null) {
                this.filter = new TxFilter(addresses, outPoints);
            }
            else {
                current.add(addresses, outPoints);
            }
        }
    }

    /** Whether {@code loadtxfilter} was called. */
    public boolean hasFilter() {
        synchronized (this.lock) {
            return this.filter != null;
        }
    }

    /**
     * Whether {@code tx} spends a watched outpoint ({@code redeemingtx}). A mined spend ends the
     * watches it matched.
     */
    public boolean redeems(Transaction tx, boolean mined) {
        synchronized (this.lock) {
            boolean match = false;
            for (TxIn in : tx.inputs()) {
                OutPoint previous = in.previous();
                if (this.spent.contains(previous) || this.receivedOutputs.contains(previous)) {
                    match = true;
                    if (mined) {
                        this.spent.remove(previous);
                        this.receivedOutputs.remove(previous);
                    }
                }
            }
            return match;
        }
    }

    /**
     * Whether {@code tx} pays a {@code notifyreceived} address ({@code recvtx}); the outputs that do
     * are then watched for spending.
     */
    public boolean receives(Transaction tx) {
        synchronized (this.lock) {
            if (this.received.isEmpty()) {
                return false;
            }
            boolean match = false;
            List<TxOut> outputs = tx.outputs();
            for (int i = 0; i < outputs.size(); i++) {
                for (String address : outputs.get(i).script().addresses()) {
                    if (this.received.contains(address)) {
                        match = true;
                        this.receivedOutputs.add(new OutPoint(tx.txid(), i));
                    }
                }
            }
            return match;
        }
    }

    /**
     * Whether {@code tx} is relevant to the filter ({@code relevanttxaccepted}, the txs of
     * {@code filteredblockconnected}, {@code rescanblocks}): it spends one of the filter's outpoints or
     * pays one of its addresses. Outputs paying a filter address join the filter's outpoints. False
     * without a filter.
     * @param tx the transaction
     * @param skipCoinbaseInputs whether a coinbase's input is left out (as {@code rescanblocks} does)
     */
    public boolean filterMatches(Transaction tx, boolean skipCoinbaseInputs) {
        synchronized (this.lock) {
            TxFilter current = this.filter;
            if (current == null) {
                return false;
            }
            boolean match = false;
            if (!(skipCoinbaseInputs && tx.isCoinbase())) {
                for (TxIn in : tx.inputs()) {
                    match |= current.hasUnspent(in.previous());
                }
            }
            List<TxOut> outputs = tx.outputs();
            for (int i = 0; i < outputs.size(); i++) {
                for (String address : outputs.get(i).script().addresses()) {
                    if (current.hasAddress(address)) {
                        match = true;
                        current.addUnspent(new OutPoint(tx.txid(), i));
                    }
                }
            }
            return match;
        }
    }

    /** The state now. */
    public Snapshot snapshot() {
        synchronized (this.lock) {
            Set<String> kinds = new LinkedHashSet<>();
            if (this.blocks) {
                kinds.add(NOTIFY_BLOCKS);
            }
            if (this.newTransactions != TxMode.OFF) {
                kinds.add(NOTIFY_NEW_TRANSACTIONS);
            }
            if (!this.spent.isEmpty()) {
                kinds.add(NOTIFY_SPENT);
            }
            if (!this.received.isEmpty()) {
                kinds.add(NOTIFY_RECEIVED);
            }
            Set<OutPoint> watched = new HashSet<>(this.spent);
            watched.addAll(this.receivedOutputs);
            int outpoints = watched.size();
            int addresses = this.received.size();
            TxFilter current = this.filter;
            if (current != null) {
                kinds.add(LOAD_TX_FILTER);
                outpoints += current.outPointCount();
                addresses += current.addressCount();
            }
            return new Snapshot(kinds, outpoints, addresses);
        }
    }
}
