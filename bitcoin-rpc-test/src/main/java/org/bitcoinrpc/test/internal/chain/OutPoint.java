package org.bitcoinrpc.test.internal.chain;

import java.util.Locale;

/**
 * A transaction output's reference: the txid (display order, lower case) and the output index.
 *
 * @param txid 64 lower-case hex digits, in RPC (display) order
 * @param index the output index, a uint32
 */
public record OutPoint(String txid, long index) {

    /** The previous outpoint of a coinbase input: a zero hash and index 0xffffffff. */
    public static final OutPoint NULL = new OutPoint("0".repeat(64), 0xffffffffL);

    /** Normalises the txid to lower case. */
    public OutPoint {
        txid = txid.toLowerCase(Locale.ROOT);
    }

    /** Whether this is the coinbase's null outpoint. */
    public boolean isNull() {
        return equals(NULL);
    }

    @Override
    public String toString() {
        return this.txid + ":" + this.index;
    }
}
