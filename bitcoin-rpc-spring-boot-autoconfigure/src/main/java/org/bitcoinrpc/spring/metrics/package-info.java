/**
 * Micrometer metrics for a {@link org.bitcoinrpc.client.BitcoinRpcClient}.
 */
@NullMarked
package org.bitcoinrpc.spring.metrics;

import org.jspecify.annotations.NullMarked;
