/**
 * Bitcoin Core ZMQ notifications ({@code -zmqpub<topic>=tcp://...}): a subscriber that reports
 * each message as a {@link org.bitcoinrpc.client.zmq.ZmqEvent} (a client event, for
 * {@link org.bitcoinrpc.client.BitcoinRpcClient#dispatchEvent}), detects lost messages from the
 * per-topic sequence numbers, and wakes {@link org.bitcoinrpc.client.follow.ChainFollower}s: it is a
 * {@link org.bitcoinrpc.client.follow.WakeSource}. Block messages are hints; the follower, which
 * reads the chain over RPC, gives every block exactly once. The subscriber itself makes no RPC
 * calls. Start with {@link org.bitcoinrpc.client.zmq.ZmqSubscriber}.
 * <p>
 * Needs {@code org.zeromq:jeromq} on the class path (an optional dependency of the client).
 * Depends on the core (the root and {@code follow} packages); nothing there depends on it.
 */
@NullMarked
package org.bitcoinrpc.client.zmq;

import org.jspecify.annotations.NullMarked;
