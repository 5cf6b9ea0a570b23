/**
 * A ZMQ publisher imitating Bitcoin Core's {@code -zmqpub<topic>} sockets, for testing ZMQ
 * subscribers: {@link org.bitcoinrpc.test.zmq.ZmqPublisher}.
 */
@NullMarked
package org.bitcoinrpc.test.zmq;

import org.jspecify.annotations.NullMarked;
