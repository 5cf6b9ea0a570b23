/**
 * Micrometer Observation of a {@link org.bitcoinrpc.client.BitcoinRpcClient}'s calls: each call is
 * an observation (a span with tracing, the {@code bitcoin.rpc.requests} timer with metrics).
 */
@NullMarked
package org.bitcoinrpc.spring.observation;

import org.jspecify.annotations.NullMarked;
