package org.bitcoinrpc.client.model;

import java.util.List;

/**
 * Core's {@code getchainstates}: the chainstates in use, one normally, two while an assumeutxo
 * snapshot is being validated in the background.
 *
 * @param headers the number of headers seen
 * @param chainstates the chainstates, the most-work one last
 */
public record ChainStates(long headers, List<ChainState> chainstates) {
}
