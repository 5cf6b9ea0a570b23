package org.bitcoinrpc.test.internal.chain;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of the simulated chain: a real 80-byte header (so its hash, merkle root and proof of
 * work check out) and its transactions, coinbase first. Immutable.
 */
public final class Block {

    private final int height;

    private final int version;

    private final byte[] previousInternal;

    private final byte[] merkleRootInternal;

    private final long time;

    private final long bits;

    private final long nonce;

    private final List<Transaction> transactions;

    private final byte[] header;

    private final byte[] hashInternal;

    private final String hash;

    Block(int height, int version, byte[] previousInternal, List<Transaction> transactions, long time,
            long bits, long nonce) {
        this.height = height;
        this.version = version;
        this.previousInternal = previousInternal.clone();
        this.transactions = List.copyOf(transactions);
        this.merkleRootInternal = merkleRoot(this.transactions);
        this.time = time;
        this.bits = bits;
        this.nonce = nonce;
        this.header = header(version, this.previousInternal, this.merkleRootInternal, time, bits, nonce);
        this.hashInternal = Encoding.doubleSha256(this.header);
        this.hash = Encoding.displayHash(this.hashInternal);
    }

    static byte[] header(int version, byte[] previousInternal, byte[] merkleRootInternal, long time,
            long bits, long nonce) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(80);
        Encoding.writeUInt32(out, version);
        out.writeBytes(previousInternal);
        out.writeBytes(merkleRootInternal);
        Encoding.writeUInt32(out, time);
        Encoding.writeUInt32(out, bits);
        Encoding.writeUInt32(out, nonce);
        return out.toByteArray();
    }

    static byte[] merkleRoot(List<Transaction> transactions) {
        List<byte[]> level = new ArrayList<>();
        for (Transaction tx : transactions) {
            level.add(tx.txidInternal());
        }
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                byte[] left = level.get(i);
                byte[] right = (i + 1 < level.size()) ? level.get(i + 1) : left;
                byte[] both = new byte[64];
                System.arraycopy(left, 0, both, 0, 32);
                System.arraycopy(right, 0, both, 32, 32);
                next.add(Encoding.doubleSha256(both));
            }
            level = next;
        }
        return level.get(0);
    }

    /** The height of this block (genesis is 0). */
    public int height() {
        return this.height;
    }

    /** The header's version field. */
    public int version() {
        return this.version;
    }

    /** The block hash in RPC (display) order. */
    public String hash() {
        return this.hash;
    }

    /** The block hash in internal byte order. */
    public byte[] hashInternal() {
        return this.hashInternal.clone();
    }

    /** The previous block's hash in RPC order (all zeros for genesis, as btcd prints it). */
    public String previousHash() {
        return Encoding.displayHash(this.previousInternal);
    }

    /** The merkle root in RPC order. */
    public String merkleRoot() {
        return Encoding.displayHash(this.merkleRootInternal);
    }

    /** The header's timestamp, Unix seconds. */
    public long time() {
        return this.time;
    }

    /** The header's compact target. */
    public long bits() {
        return this.bits;
    }

    /** The header's nonce. */
    public long nonce() {
        return this.nonce;
    }

    /** The transactions, coinbase first. */
    public List<Transaction> transactions() {
        return this.transactions;
    }

    /** The 80-byte header as 160 hex characters. */
    public String headerHex() {
        return Encoding.hex(this.header);
    }

    /** The whole serialized block. */
    public byte[] serialize() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(this.header);
        Encoding.writeVarInt(out, this.transactions.size());
        for (Transaction tx : this.transactions) {
            out.writeBytes(tx.raw());
        }
        return out.toByteArray();
    }

    /** The serialized size in bytes, witness data included. */
    public int size() {
        int size = 80 + varIntSize(this.transactions.size());
        for (Transaction tx : this.transactions) {
            size += tx.size();
        }
        return size;
    }

    /** The serialized size without witness data. */
    public int strippedSize() {
        int size = 80 + varIntSize(this.transactions.size());
        for (Transaction tx : this.transactions) {
            size += tx.strippedSize();
        }
        return size;
    }

    /** The BIP 141 weight: three times the stripped size plus the full size. */
    public int weight() {
        return 3 * strippedSize() + size();
    }

    private static int varIntSize(long value) {
        ByteArrayOutputStream count = new ByteArrayOutputStream();
        Encoding.writeVarInt(count, value);
        return count.size();
    }
}
