/**
 * Following the chain: every block of the best chain delivered exactly once, in order, with reorgs
 * as disconnects then connects, across outages and restarts. A {@link org.bitcoinrpc.client.follow.ChainFollower}
 * keeps a {@link org.bitcoinrpc.client.follow.Cursor} (the last block handled) in a
 * {@link org.bitcoinrpc.client.follow.CursorStore} and moves it only after the
 * {@link org.bitcoinrpc.client.follow.BlockHandler} returned. With a
 * {@link org.bitcoinrpc.client.follow.LeasingCursorStore} (JDBC), several instances of an application
 * may follow the same name: one is active, the others wait to take over.
 */
@NullMarked
package org.bitcoinrpc.client.follow;

import org.jspecify.annotations.NullMarked;
