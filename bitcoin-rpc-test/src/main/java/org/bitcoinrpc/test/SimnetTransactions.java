package org.bitcoinrpc.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.bitcoinrpc.test.internal.chain.Addresses;
import org.bitcoinrpc.test.internal.chain.Encoding;
import org.bitcoinrpc.test.internal.chain.OutPoint;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.chain.TxIn;
import org.bitcoinrpc.test.internal.chain.TxOut;

/**
 * Real (unsigned) simnet transactions for tests of the {@link SimulatedNode}, which checks neither
 * scripts nor inputs: with them, {@code notifyreceived}, {@code notifyspent} and
 * {@code loadtxfilter} subscriptions produce {@code recvtx}, {@code redeemingtx},
 * {@code relevanttxaccepted} and filtered block notifications. Stateless and thread-safe.
 *
 * <pre>{@code
 * String address = SimnetTransactions.address(1);
 * String pay = SimnetTransactions.spend("11".repeat(32), 0, address, 100_000_000L);
 * String txid = node.submitTransaction(pay);            // recvtx for sessions watching address
 * node.submitTransaction(SimnetTransactions.spend(txid, 0, SimnetTransactions.address(2), 99_990_000L));
 * }</pre>
 */
public final class SimnetTransactions {

    private SimnetTransactions() {
    }

    /**
     * A valid simnet P2PKH address ({@code S...}), the same for the same {@code n} and different for
     * different ones. Nobody holds its key.
     */
    public static String address(int n) {
        return Addresses.pubKeyHash(Encoding.hash160(("simulated-node-address-" + n).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The hex of a version 1 transaction with one input spending {@code prevTxid:prevIndex} (empty
     * signature script, final sequence) and one output paying {@code sats} to {@code address}.
     * @param prevTxid the spent transaction's txid, 64 hex digits (display order)
     * @param prevIndex the spent output's index
     * @param address a simnet address (P2PKH, P2SH or segwit)
     * @param sats the amount in satoshis, 0 or more
     * @throws IllegalArgumentException for a bad txid, index, address or amount
     */
    public static String spend(String prevTxid, long prevIndex, String address, long sats) {
        Objects.requireNonNull(prevTxid, "prevTxid");
        Objects.requireNonNull(address, "address");
        if (!prevTxid.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("prevTxid must be 64 hex digits, was " + prevTxid);
        }
        if (prevIndex < 0 || prevIndex > 0xffffffffL) {
            throw new IllegalArgumentException("prevIndex must be a uint32, was " + prevIndex);
        }
        if (sats < 0) {
            throw new IllegalArgumentException("sats must be 0 or more, was " + sats);
        }
        byte[] script = Addresses.outputScript(address);
        if (script == null) {
            throw new IllegalArgumentException("Not a valid simnet address: " + address);
        }
        TxIn input = new TxIn(new OutPoint(prevTxid, prevIndex), new byte[0], List.of(), Transaction.FINAL_SEQUENCE);
        return Transaction.build(1, List.of(input), List.of(TxOut.of(sats, script)), 0).hex();
    }

    /** The txid of a serialized transaction, as the node computes it (for bytes that are not one, their double SHA-256). */
    public static String txid(String hex) {
        return Transaction.fromBytes(Encoding.unhex(hex)).txid();
    }
}
