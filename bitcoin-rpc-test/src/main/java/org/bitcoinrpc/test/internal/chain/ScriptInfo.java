package org.bitcoinrpc.test.internal.chain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What btcd's {@code txscript.ExtractPkScriptAddrs} and {@code DisasmString} make of an output
 * script.
 *
 * @param type btcd's script class name ({@code pubkeyhash}, {@code scripthash}, {@code pubkey},
 *        {@code witness_v0_keyhash}, {@code witness_v0_scripthash}, {@code witness_v1_taproot},
 *        {@code multisig}, {@code nulldata}, {@code witness_unknown} or {@code nonstandard})
 * @param asm the one-line disassembly
 * @param reqSigs the signatures required (0 when unknown, which btcd omits)
 * @param addresses the simnet addresses paid, as btcd encodes them (a public key as its P2PKH address)
 */
public record ScriptInfo(String type, String asm, int reqSigs, List<String> addresses) {

    /** Creates the record with an unmodifiable copy of the addresses. */
    public ScriptInfo {
        addresses = List.copyOf(addresses);
    }

    /** The only address, or null when there is none or several. */
    public @Nullable String address() {
        return (this.addresses.size() == 1) ? this.addresses.get(0) : null;
    }
}
