/**
 * A client for the Bitcoin JSON-RPC API of btcd and Bitcoin Core, over a websocket or HTTP POST.
 * Start with {@link org.bitcoinrpc.client.BitcoinRpcClient}.
 */
@NullMarked
package org.bitcoinrpc.client;

import org.jspecify.annotations.NullMarked;
