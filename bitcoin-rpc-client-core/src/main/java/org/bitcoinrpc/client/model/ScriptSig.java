package org.bitcoinrpc.client.model;

/**
 * An input's signature script; empty strings for segwit spends.
 *
 * @param asm the script in assembly form
 * @param hex the script, hex
 */
public record ScriptSig(String asm, String hex) {
}
