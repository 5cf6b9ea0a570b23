package org.bitcoinrpc.test.internal.rpc;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.Encoding;
import org.bitcoinrpc.test.internal.chain.ScriptInfo;
import org.bitcoinrpc.test.internal.chain.Scripts;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.chain.TxIn;
import org.bitcoinrpc.test.internal.chain.TxOut;
import org.bitcoinrpc.test.internal.json.JsonWriter;
import org.jspecify.annotations.Nullable;

/**
 * Renders a transaction as btcd's {@code TxRawResult}: {@code hex, txid, hash, size, vsize, weight,
 * version, locktime, vin, vout}, then the block fields for a mined one (fixtures
 * {@code http-getblock-verbosity2}, {@code ws-notifynewtransactions-true}). A vin is
 * {@code {coinbase, txinwitness?, sequence}} for a coinbase, else
 * {@code {txid, vout, scriptSig {asm, hex}, txinwitness?, sequence}}; a scriptPubKey is
 * {@code {asm, hex, reqSigs?, type, address?, addresses?}}, leaving out a zero reqSigs and missing
 * addresses as btcd's {@code omitempty} does. An opaque transaction shows no inputs or outputs.
 * {@code decoderawtransaction} gives the same {@code txid}, {@code version}, {@code locktime},
 * {@code vin} and {@code vout} and nothing else. Stateless.
 */
final class TxJson {

    private TxJson() {
    }

    /** The object for a mempool transaction (no block fields), as {@code txacceptedverbose} carries it. */
    static String mempool(Transaction tx) {
        JsonWriter json = new JsonWriter(2 * tx.size() + 512);
        write(json, tx, null, 0);
        return json.toString();
    }

    /**
     * The object {@code decoderawtransaction} answers with: btcd's {@code TxRawDecodeResult}, only
     * {@code txid, version, locktime, vin, vout} (fixture {@code http-decoderawtransaction}).
     */
    static String decoded(Transaction tx) {
        JsonWriter json = new JsonWriter(2 * tx.size() + 512).beginObject();
        json.name("txid").value(tx.txid());
        json.name("version").value(Integer.toUnsignedLong(tx.version()));
        json.name("locktime").value(tx.lockTime());
        writeInputsAndOutputs(json, tx);
        return json.endObject().toString();
    }

    /**
     * Writes the object.
     * @param json where to write
     * @param tx the transaction
     * @param block the block holding it, or null for a mempool transaction (no block fields)
     * @param confirmations the block's confirmations (ignored without a block)
     */
    static void write(JsonWriter json, Transaction tx, @Nullable Block block, int confirmations) {
        json.beginObject();
        json.name("hex").value(tx.hex());
        json.name("txid").value(tx.txid());
        json.name("hash").value(tx.hash());
        json.name("size").value(tx.size());
        json.name("vsize").value(tx.vsize());
        json.name("weight").value(tx.weight());
        json.name("version").value(Integer.toUnsignedLong(tx.version()));
        json.name("locktime").value(tx.lockTime());
        writeInputsAndOutputs(json, tx);
        if (block != null) {
            json.name("blockhash").value(block.hash());
            json.name("confirmations").value(confirmations);
            json.name("time").value(block.time());
            json.name("blocktime").value(block.time());
        }
        json.endObject();
    }

    private static void writeInputsAndOutputs(JsonWriter json, Transaction tx) {
        json.name("vin").beginArray();
        for (TxIn in : tx.inputs()) {
            writeInput(json, in, tx.isCoinbase());
        }
        json.endArray();
        json.name("vout").beginArray();
        int n = 0;
        for (TxOut out : tx.outputs()) {
            writeOutput(json, out, n++);
        }
        json.endArray();
    }

    private static void writeInput(JsonWriter json, TxIn in, boolean coinbase) {
        json.beginObject();
        if (coinbase) {
            json.name("coinbase").value(Encoding.hex(in.scriptSig()));
        }
        else {
            json.name("txid").value(in.previous().txid());
            json.name("vout").value(in.previous().index());
            json.name("scriptSig").beginObject();
            json.name("asm").value(Scripts.disassemble(in.scriptSig()));
            json.name("hex").value(Encoding.hex(in.scriptSig()));
            json.endObject();
        }
        if (!in.witness().isEmpty()) {
            json.name("txinwitness").beginArray();
            for (byte[] item : in.witness()) {
                json.value(Encoding.hex(item));
            }
            json.endArray();
        }
        json.name("sequence").value(in.sequence());
        json.endObject();
    }

    private static void writeOutput(JsonWriter json, TxOut out, int n) {
        ScriptInfo script = out.script();
        json.beginObject();
        json.name("value").btc(out.valueSats());
        json.name("n").value(n);
        json.name("scriptPubKey").beginObject();
        json.name("asm").value(script.asm());
        json.name("hex").value(Encoding.hex(out.pkScript()));
        if (script.reqSigs() != 0) {
            json.name("reqSigs").value(script.reqSigs());
        }
        json.name("type").value(script.type());
        String address = script.address();
        if (address != null) {
            json.name("address").value(address);
        }
        if (!script.addresses().isEmpty()) {
            json.name("addresses").beginArray();
            for (String a : script.addresses()) {
                json.value(a);
            }
            json.endArray();
        }
        json.endObject();
        json.endObject();
    }
}
