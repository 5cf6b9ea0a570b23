package org.bitcoinrpc.test.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.rpc.Notifications;
import org.bitcoinrpc.test.internal.rpc.Subscriptions;
import org.jspecify.annotations.Nullable;

/**
 * The open websocket sessions of one server run, and the notifications each gets, in btcd's order:
 * per session, for a new mempool transaction {@code txaccepted}/{@code txacceptedverbose}, then
 * {@code redeemingtx}, {@code recvtx} and {@code relevanttxaccepted}; for each connected block,
 * {@code redeemingtx}/{@code recvtx} for its transactions, then {@code blockconnected} and
 * {@code filteredblockconnected}. The notifying methods only queue frames, so they may run under the
 * chain's mining lock. Thread-safe (a concurrent set; the sessions are thread-safe).
 */
final class WebSocketClients {

    private final Set<WsClient> clients = ConcurrentHashMap.newKeySet();

    void add(WsClient client) {
        this.clients.add(client);
    }

    void remove(WsClient client) {
        this.clients.remove(client);
    }

    /** Open sessions, frozen ones included. */
    int size() {
        return this.clients.size();
    }

    /** Open sessions that are frozen. */
    int frozenCount() {
        return (int) this.clients.stream().filter(WsClient::isFrozen).count();
    }

    /** The subscriptions of every open session that is not frozen. */
    List<Subscriptions.Snapshot> liveSubscriptions() {
        List<Subscriptions.Snapshot> snapshots = new ArrayList<>();
        for (WsClient client : this.clients) {
            if (!client.isFrozen()) {
                snapshots.add(client.subscriptions().snapshot());
            }
        }
        return snapshots;
    }

    /** Notifies the subscribers of a transaction that entered the mempool (fixtures {@code ws-notify*}). */
    void transactionAccepted(Transaction tx) {
        @Nullable String summary = null;
        @Nullable String verbose = null;
        for (WsClient client : this.clients) {
            if (client.isFrozen()) {
                continue;
            }
            Subscriptions subscriptions = client.subscriptions();
            switch (subscriptions.newTransactions()) {
                case SUMMARY -> {
                    summary = (summary != null) ? summary : Notifications.txAccepted(tx);
                    client.send(summary);
                }
                case VERBOSE -> {
                    verbose = (verbose != null) ? verbose : Notifications.txAcceptedVerbose(tx);
                    client.send(verbose);
                }
                case OFF -> {
                    // Not asked for.
                }
            }
            if (subscriptions.redeems(tx, false)) {
                client.send(Notifications.redeemingTx(tx, null));
            }
            if (subscriptions.receives(tx)) {
                client.send(Notifications.recvTx(tx, null));
            }
            if (subscriptions.filterMatches(tx, false)) {
                client.send(Notifications.relevantTxAccepted(tx));
            }
        }
    }

    /**
     * Notifies the subscribers of each block in order (fixture {@code ws-notifyblocks-generate3}):
     * spends and receipts of its transactions, then {@code blockconnected [hash, height, time]} and
     * {@code filteredblockconnected [height, header, txs]} (txs matching the session's filter, or
     * null).
     */
    void blocksConnected(List<Block> blocks) {
        for (Block block : blocks) {
            String connected = Notifications.blockConnected(block);
            for (WsClient client : this.clients) {
                if (!client.isFrozen()) {
                    blockConnected(client, block, connected);
                }
            }
        }
    }

    private static void blockConnected(WsClient client, Block block, String connected) {
        Subscriptions subscriptions = client.subscriptions();
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            Notifications.BlockDetails details = new Notifications.BlockDetails(block, i);
            if (subscriptions.redeems(tx, true)) {
                client.send(Notifications.redeemingTx(tx, details));
            }
            if (subscriptions.receives(tx)) {
                client.send(Notifications.recvTx(tx, details));
            }
        }
        if (!subscriptions.wantsBlocks()) {
            return;
        }
        @Nullable List<String> matching = null;
        if (subscriptions.hasFilter()) {
            for (Transaction tx : txs) {
                if (subscriptions.filterMatches(tx, false)) {
                    matching = (matching != null) ? matching : new ArrayList<>();
                    matching.add(tx.hex());
                }
            }
        }
        client.send(connected);
        client.send(Notifications.filteredBlockConnected(block, matching));
    }

    /**
     * Sends {@code blockdisconnected [hash, height, time]} then {@code filteredblockdisconnected
     * [height, header]} to the sessions that asked with {@code notifyblocks} (fixture
     * {@code ws-blockdisconnected}).
     */
    void blockDisconnected(Block block) {
        String disconnected = Notifications.blockDisconnected(block);
        String filtered = Notifications.filteredBlockDisconnected(block);
        for (WsClient client : this.clients) {
            if (!client.isFrozen() && client.subscriptions().wantsBlocks()) {
                client.send(disconnected);
                client.send(filtered);
            }
        }
    }

    /** Sends {@code text} as a text frame to every open session that is not frozen. */
    void sendRaw(String text) {
        for (WsClient client : this.clients) {
            client.send(text);
        }
    }

    /** Freezes every open session. */
    void freezeAll() {
        for (WsClient client : this.clients) {
            client.freeze();
        }
    }

    /** Drops every session without a close frame, frozen ones included. */
    void disconnectAll() {
        for (WsClient client : this.clients) {
            this.clients.remove(client);
            client.disconnect();
        }
    }
}
