package org.bitcoinrpc.test.internal.rpc;

import java.util.List;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.json.JsonWriter;
import org.jspecify.annotations.Nullable;

/**
 * btcd's websocket notifications as whole frames, {@code {"jsonrpc":"1.0","method":..,"params":[..],"id":null}}
 * (fixtures {@code ws-notifyblocks*}, {@code ws-blockdisconnected}, {@code ws-notifynewtransactions-*},
 * {@code ws-notifyspent}, {@code ws-notifyreceived}, {@code ws-loadtxfilter}). Stateless.
 */
public final class Notifications {

    /**
     * Where a mined transaction sits, as {@code redeemingtx}/{@code recvtx} report it.
     * @param block the block
     * @param index the transaction's position in the block (the coinbase is 0)
     */
    public record BlockDetails(Block block, int index) {
    }

    private Notifications() {
    }

    /** {@code blockconnected [hash, height, time]}. */
    public static String blockConnected(Block block) {
        return Replies.notification("blockconnected", hashHeightTime(block));
    }

    /** {@code filteredblockconnected [height, header, txs]}; txs is {@code null}, not [], when none matched. */
    public static String filteredBlockConnected(Block block, @Nullable List<String> matchingTxHex) {
        JsonWriter json = new JsonWriter().beginArray().value(block.height()).value(block.headerHex());
        if (matchingTxHex == null) {
            json.nullValue();
        }
        else {
            json.beginArray();
            matchingTxHex.forEach(json::value);
            json.endArray();
        }
        return Replies.notification("filteredblockconnected", json.endArray().toString());
    }

    /** {@code blockdisconnected [hash, height, time]}. */
    public static String blockDisconnected(Block block) {
        return Replies.notification("blockdisconnected", hashHeightTime(block));
    }

    /** {@code filteredblockdisconnected [height, header]} (two params only). */
    public static String filteredBlockDisconnected(Block block) {
        return Replies.notification("filteredblockdisconnected",
                new JsonWriter().beginArray().value(block.height()).value(block.headerHex()).endArray().toString());
    }

    /** {@code txaccepted [txid, total output amount in BTC]}. */
    public static String txAccepted(Transaction tx) {
        return Replies.notification("txaccepted",
                new JsonWriter().beginArray().value(tx.txid()).btc(tx.totalOutputSats()).endArray().toString());
    }

    /** {@code txacceptedverbose [decoded tx]}. */
    public static String txAcceptedVerbose(Transaction tx) {
        return Replies.notification("txacceptedverbose", "[" + TxJson.mempool(tx) + "]");
    }

    /** {@code redeemingtx [hex]} in the mempool, {@code [hex, {height, hash, index, time}]} when mined. */
    public static String redeemingTx(Transaction tx, @Nullable BlockDetails mined) {
        return Replies.notification("redeemingtx", hexAndDetails(tx, mined));
    }

    /** {@code recvtx [hex]} in the mempool, {@code [hex, {height, hash, index, time}]} when mined. */
    public static String recvTx(Transaction tx, @Nullable BlockDetails mined) {
        return Replies.notification("recvtx", hexAndDetails(tx, mined));
    }

    /** {@code relevanttxaccepted [hex]}. */
    public static String relevantTxAccepted(Transaction tx) {
        return Replies.notification("relevanttxaccepted", new JsonWriter(2 * tx.size() + 8).beginArray()
                .value(tx.hex()).endArray().toString());
    }

    private static String hashHeightTime(Block block) {
        return new JsonWriter().beginArray().value(block.hash()).value(block.height()).value(block.time())
                .endArray().toString();
    }

    private static String hexAndDetails(Transaction tx, @Nullable BlockDetails mined) {
        JsonWriter json = new JsonWriter(2 * tx.size() + 160).beginArray().value(tx.hex());
        if (mined != null) {
            json.beginObject();
            json.name("height").value(mined.block().height());
            json.name("hash").value(mined.block().hash());
            json.name("index").value(mined.index());
            json.name("time").value(mined.block().time());
            json.endObject();
        }
        return json.endArray().toString();
    }
}
