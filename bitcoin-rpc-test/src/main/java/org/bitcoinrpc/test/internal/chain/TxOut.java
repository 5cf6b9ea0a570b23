package org.bitcoinrpc.test.internal.chain;

/**
 * One transaction output.
 *
 * @param valueSats the amount in satoshis
 * @param pkScript the locking script
 * @param script what btcd makes of the locking script (class, disassembly, addresses)
 */
public record TxOut(long valueSats, byte[] pkScript, ScriptInfo script) {

    /** An output paying {@code valueSats} to {@code pkScript}, classified as btcd would. */
    public static TxOut of(long valueSats, byte[] pkScript) {
        return new TxOut(valueSats, pkScript.clone(), Scripts.classify(pkScript));
    }
}
