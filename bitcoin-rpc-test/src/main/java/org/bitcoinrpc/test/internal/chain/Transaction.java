package org.bitcoinrpc.test.internal.chain;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A transaction: either decoded from (or built as) Bitcoin's wire serialization, with or without
 * witness data, or, for submitted bytes that are not a valid serialization, an <em>opaque</em> one
 * that keeps the bytes and has no inputs or outputs (version 1, lock time 0). The txid hashes the
 * serialization without witness data (for an opaque transaction, all its bytes); {@link #hash()}
 * hashes the full serialization. Immutable.
 */
public final class Transaction {

    /** The sequence number of every coinbase input. */
    public static final long FINAL_SEQUENCE = 0xffffffffL;

    private final byte[] raw;

    private final boolean decoded;

    private final int version;

    private final List<TxIn> inputs;

    private final List<TxOut> outputs;

    private final long lockTime;

    private final int strippedSize;

    private final byte[] txidInternal;

    private final String txid;

    private final String hash;

    Transaction(byte[] raw, boolean decoded, int version, List<TxIn> inputs, List<TxOut> outputs, long lockTime,
            byte[] stripped) {
        this.raw = raw;
        this.decoded = decoded;
        this.version = version;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.lockTime = lockTime;
        this.strippedSize = stripped.length;
        this.txidInternal = Encoding.doubleSha256(stripped);
        this.txid = Encoding.displayHash(this.txidInternal);
        this.hash = (stripped.length == raw.length) ? this.txid : Encoding.displayHash(Encoding.doubleSha256(raw));
    }

    /** A coinbase with the given input script paying everything to one output. */
    public static Transaction coinbase(byte[] coinbaseScript, TxOut output) {
        return build(1, List.of(new TxIn(OutPoint.NULL, coinbaseScript, List.of(), FINAL_SEQUENCE)), List.of(output), 0);
    }

    /** A transaction from its parts, serialized with witness data when an input has some. */
    public static Transaction build(int version, List<TxIn> inputs, List<TxOut> outputs, long lockTime) {
        boolean witness = inputs.stream().anyMatch(in -> !in.witness().isEmpty());
        byte[] stripped = serialize(version, inputs, outputs, lockTime, false);
        byte[] raw = witness ? serialize(version, inputs, outputs, lockTime, true) : stripped;
        return new Transaction(raw, true, version, inputs, outputs, lockTime, stripped);
    }

    /**
     * The transaction these bytes serialize, or an opaque one when they are not exactly one valid
     * serialization.
     */
    public static Transaction fromBytes(byte[] raw) {
        Transaction decoded = TxDecoder.decode(raw);
        if (decoded != null) {
            return decoded;
        }
        byte[] copy = raw.clone();
        return new Transaction(copy, false, 1, List.of(), List.of(), 0, copy);
    }

    static byte[] serialize(int version, List<TxIn> inputs, List<TxOut> outputs, long lockTime, boolean witness) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoding.writeUInt32(out, version);
        if (witness) {
            out.write(0x00);
            out.write(0x01);
        }
        Encoding.writeVarInt(out, inputs.size());
        for (TxIn in : inputs) {
            out.writeBytes(Encoding.reversed(Encoding.unhex(in.previous().txid())));
            Encoding.writeUInt32(out, in.previous().index());
            Encoding.writeVarInt(out, in.scriptSig().length);
            out.writeBytes(in.scriptSig());
            Encoding.writeUInt32(out, in.sequence());
        }
        Encoding.writeVarInt(out, outputs.size());
        for (TxOut output : outputs) {
            Encoding.writeInt64(out, output.valueSats());
            Encoding.writeVarInt(out, output.pkScript().length);
            out.writeBytes(output.pkScript());
        }
        if (witness) {
            for (TxIn in : inputs) {
                Encoding.writeVarInt(out, in.witness().size());
                for (byte[] item : in.witness()) {
                    Encoding.writeVarInt(out, item.length);
                    out.writeBytes(item);
                }
            }
        }
        Encoding.writeUInt32(out, lockTime);
        return out.toByteArray();
    }

    /** The serialized transaction (with witness data, if any). */
    public byte[] raw() {
        return this.raw.clone();
    }

    /** The serialized transaction as hex. */
    public String hex() {
        return Encoding.hex(this.raw);
    }

    /** The serialized size in bytes, witness included. */
    public int size() {
        return this.raw.length;
    }

    /** The size without witness data. */
    public int strippedSize() {
        return this.strippedSize;
    }

    /** The BIP 141 weight: three times the stripped size plus the full size. */
    public int weight() {
        return 3 * this.strippedSize + this.raw.length;
    }

    /** The virtual size: the weight divided by 4, rounded up. */
    public int vsize() {
        return (weight() + 3) / 4;
    }

    /** The txid in RPC (display) order. */
    public String txid() {
        return this.txid;
    }

    /** The txid in internal byte order, as the merkle tree uses it. */
    public byte[] txidInternal() {
        return this.txidInternal.clone();
    }

    /** The witness txid in RPC order: the txid when there is no witness data. */
    public String hash() {
        return this.hash;
    }

    /** Whether the bytes decoded as a transaction (false for an opaque one). */
    public boolean isDecoded() {
        return this.decoded;
    }

    /** Whether this is a coinbase: a single input spending the null outpoint. */
    public boolean isCoinbase() {
        return this.inputs.size() == 1 && this.inputs.get(0).previous().isNull();
    }

    /** The version field (signed, as serialized). */
    public int version() {
        return this.version;
    }

    /** The lock time, a uint32. */
    public long lockTime() {
        return this.lockTime;
    }

    /** The inputs, in order. */
    public List<TxIn> inputs() {
        return this.inputs;
    }

    /** The outputs, in order. */
    public List<TxOut> outputs() {
        return this.outputs;
    }

    /** The first input's script as hex: the coinbase script of a coinbase; empty when there is no input. */
    public String coinbaseHex() {
        return this.inputs.isEmpty() ? "" : Encoding.hex(this.inputs.get(0).scriptSig());
    }

    /** The sum of the output values in satoshis (0 for an opaque transaction). */
    public long totalOutputSats() {
        long total = 0;
        for (TxOut output : this.outputs) {
            total += output.valueSats();
        }
        return total;
    }
}
