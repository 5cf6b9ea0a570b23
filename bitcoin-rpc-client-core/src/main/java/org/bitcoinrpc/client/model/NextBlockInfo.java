package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

/**
 * The {@code next} member of Core's {@code getmininginfo}: the block being mined.
 *
 * @param height its height
 * @param bits its compact target, hex
 * @param difficulty its difficulty
 * @param target its full target, hex
 */
public record NextBlockInfo(long height, String bits, BigDecimal difficulty, String target) {
}
