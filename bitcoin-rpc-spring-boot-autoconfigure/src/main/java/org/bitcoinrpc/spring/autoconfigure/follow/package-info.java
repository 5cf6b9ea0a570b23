/**
 * Auto-configuration of a {@link org.bitcoinrpc.client.follow.ChainFollower} for the
 * auto-configured {@link org.bitcoinrpc.client.BitcoinRpcClient} ({@code bitcoin.rpc.follow.*}):
 * every block of the best chain once, in order, to the application's
 * {@link org.bitcoinrpc.client.follow.BlockHandler} beans and as block events.
 */
@NullMarked
package org.bitcoinrpc.spring.autoconfigure.follow;

import org.jspecify.annotations.NullMarked;
