package org.bitcoinrpc.client.model;

import org.bitcoinrpc.client.model.json.ScriptSigDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An input's signature script; empty strings for segwit spends.
 *
 * @param asm the script in assembly form
 * @param hex the script, hex
 */
@JsonDeserialize(using = ScriptSigDeserializer.class)
public record ScriptSig(String asm, String hex) {
}
