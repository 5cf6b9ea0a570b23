package org.bitcoinrpc.test.internal.chain;

import java.util.List;

/**
 * One transaction input.
 *
 * @param previous the output it spends ({@link OutPoint#NULL} for a coinbase)
 * @param scriptSig the signature script (the coinbase script for a coinbase)
 * @param witness the witness stack items, empty when none
 * @param sequence the sequence number, a uint32
 */
public record TxIn(OutPoint previous, byte[] scriptSig, List<byte[]> witness, long sequence) {

    /** Copies the witness list. */
    public TxIn {
        witness = List.copyOf(witness);
    }
}
