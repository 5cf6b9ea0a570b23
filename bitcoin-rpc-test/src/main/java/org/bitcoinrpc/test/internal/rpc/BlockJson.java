package org.bitcoinrpc.test.internal.rpc;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.SimulatedChain;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.json.JsonWriter;

/**
 * Renders blocks, headers and transactions as btcd 0.24.2 does: the member order and omissions of
 * {@code GetBlockVerboseResult}, {@code GetBlockHeaderVerboseResult} and {@code TxRawResult}, as
 * the fixtures {@code http-getblock-verbosity1/2} and {@code http-getblockheader-verbose-true} show.
 * Stateless.
 */
final class BlockJson {

    /** Simnet's difficulty ratio for {@code 207fffff} is exactly 1, which Go prints as {@code 1}. */
    private static final String DIFFICULTY = "1";

    private BlockJson() {
    }

    /**
     * {@code getblockheader [hash, true]}.
     * @param located the block and its position
     * @param requestedHash the hash as the caller wrote it (btcd echoes the request's string)
     */
    static String header(SimulatedChain.Located located, String requestedHash) {
        Block block = located.block();
        JsonWriter json = new JsonWriter(512).beginObject();
        json.name("hash").value(requestedHash);
        json.name("confirmations").value(located.confirmations());
        json.name("height").value(block.height());
        json.name("version").value(block.version());
        json.name("versionHex").value(versionHex(block));
        json.name("merkleroot").value(block.merkleRoot());
        json.name("time").value(block.time());
        json.name("nonce").value(block.nonce());
        json.name("bits").value(Long.toHexString(block.bits()));
        json.name("difficulty").raw(DIFFICULTY);
        json.name("previousblockhash").value(block.previousHash());
        if (located.nextHash() != null) {
            json.name("nextblockhash").value(located.nextHash());
        }
        return json.endObject().toString();
    }

    /**
     * {@code getblock [hash, verbosity]} for verbosity 1 (txids under {@code tx}) or anything else
     * but 0 (decoded transactions under {@code rawtx}).
     */
    static String block(SimulatedChain.Located located, String requestedHash, long verbosity) {
        Block block = located.block();
        JsonWriter json = new JsonWriter(1024).beginObject();
        json.name("hash").value(requestedHash);
        json.name("confirmations").value(located.confirmations());
        json.name("strippedsize").value(block.strippedSize());
        json.name("size").value(block.size());
        json.name("weight").value(block.weight());
        json.name("height").value(block.height());
        json.name("version").value(block.version());
        json.name("versionHex").value(versionHex(block));
        json.name("merkleroot").value(block.merkleRoot());
        if (verbosity == 1) {
            json.name("tx").beginArray();
            for (Transaction tx : block.transactions()) {
                json.value(tx.txid());
            }
            json.endArray();
        }
        else {
            json.name("rawtx").beginArray();
            for (Transaction tx : block.transactions()) {
                TxJson.write(json, tx, block, located.confirmations());
            }
            json.endArray();
        }
        json.name("time").value(block.time());
        json.name("nonce").value(block.nonce());
        json.name("bits").value(Long.toHexString(block.bits()));
        json.name("difficulty").raw(DIFFICULTY);
        json.name("previousblockhash").value(block.previousHash());
        if (located.nextHash() != null) {
            json.name("nextblockhash").value(located.nextHash());
        }
        return json.endObject().toString();
    }

    private static String versionHex(Block block) {
        return String.format("%08x", block.version());
    }
}
