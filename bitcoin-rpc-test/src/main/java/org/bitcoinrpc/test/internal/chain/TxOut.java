package org.bitcoinrpc.test.internal.chain;

/**
 * One transaction output.
 *
 * @param valueSats the amount in satoshis
 * @param pkScript the locking script
 * @param scriptType btcd's name of the script class ({@code pubkeyhash}, {@code pubkey})
 * @param asm the script disassembled as btcd prints it
 * @param address the simnet address the script pays to
 */
public record TxOut(long valueSats, byte[] pkScript, String scriptType, String asm, String address) {
}
