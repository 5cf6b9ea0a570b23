/**
 * Bitcoin Core ZMQ notifications ({@code -zmqpub<topic>=tcp://...}): a subscriber that turns them
 * into the client's {@link org.bitcoinrpc.client.Notification.BlockConnected} and
 * {@link org.bitcoinrpc.client.Notification.BlockDisconnected} plus ZMQ-only
 * {@link org.bitcoinrpc.client.zmq.ZmqEvent}s, detects lost messages from the per-topic sequence
 * numbers, and catches up on blocks over RPC. Start with
 * {@link org.bitcoinrpc.client.zmq.ZmqSubscriber}.
 * <p>
 * Needs {@code org.zeromq:jeromq} on the class path (an optional dependency of the client).
 */
@NullMarked
package org.bitcoinrpc.client.zmq;

import org.jspecify.annotations.NullMarked;
