package org.bitcoinrpc.test.internal.chain;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A coinbase transaction (the only kind the simulated chain mines): one input with a null
 * outpoint, one output, version 1, lock time 0, no witness. Immutable.
 */
public final class Transaction {

    /** The sequence number of every coinbase input. */
    public static final long FINAL_SEQUENCE = 0xffffffffL;

    private final byte[] coinbaseScript;

    private final List<TxOut> outputs;

    private final byte[] raw;

    private final String txid;

    private final byte[] txidInternal;

    private Transaction(byte[] coinbaseScript, List<TxOut> outputs) {
        this.coinbaseScript = coinbaseScript.clone();
        this.outputs = List.copyOf(outputs);
        this.raw = serialize(this.coinbaseScript, this.outputs);
        this.txidInternal = Encoding.doubleSha256(this.raw);
        this.txid = Encoding.displayHash(this.txidInternal);
    }

    /** A coinbase with the given input script paying everything to one output. */
    public static Transaction coinbase(byte[] coinbaseScript, TxOut output) {
        return new Transaction(coinbaseScript, List.of(output));
    }

    private static byte[] serialize(byte[] script, List<TxOut> outputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoding.writeUInt32(out, 1);
        Encoding.writeVarInt(out, 1);
        out.writeBytes(new byte[32]);
        Encoding.writeUInt32(out, 0xffffffffL);
        Encoding.writeVarInt(out, script.length);
        out.writeBytes(script);
        Encoding.writeUInt32(out, FINAL_SEQUENCE);
        Encoding.writeVarInt(out, outputs.size());
        for (TxOut output : outputs) {
            Encoding.writeInt64(out, output.valueSats());
            Encoding.writeVarInt(out, output.pkScript().length);
            out.writeBytes(output.pkScript());
        }
        Encoding.writeUInt32(out, 0);
        return out.toByteArray();
    }

    /** The serialized transaction. */
    public byte[] raw() {
        return this.raw.clone();
    }

    /** The serialized transaction as hex. */
    public String hex() {
        return Encoding.hex(this.raw);
    }

    /** The serialized size in bytes (no witness, so also the stripped size and the vsize). */
    public int size() {
        return this.raw.length;
    }

    /** The txid in RPC (display) order. */
    public String txid() {
        return this.txid;
    }

    /** The txid in internal byte order, as the merkle tree uses it. */
    public byte[] txidInternal() {
        return this.txidInternal.clone();
    }

    /** The coinbase input's script, as hex. */
    public String coinbaseHex() {
        return Encoding.hex(this.coinbaseScript);
    }

    /** The outputs, in order. */
    public List<TxOut> outputs() {
        return this.outputs;
    }
}
