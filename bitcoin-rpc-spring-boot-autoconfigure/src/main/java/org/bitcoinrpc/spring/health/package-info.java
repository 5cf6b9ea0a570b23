/**
 * Health indicator for a {@link org.bitcoinrpc.client.BitcoinRpcClient}.
 */
@NullMarked
package org.bitcoinrpc.spring.health;

import org.jspecify.annotations.NullMarked;
