/**
 * Auto-configuration of Bitcoin Core ZMQ notifications ({@code bitcoin.rpc.zmq.*}) for the
 * auto-configured {@link org.bitcoinrpc.client.BitcoinRpcClient}.
 */
@NullMarked
package org.bitcoinrpc.spring.autoconfigure.zmq;

import org.jspecify.annotations.NullMarked;
