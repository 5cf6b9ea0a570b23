/**
 * The browser relay: {@link org.bitcoinrpc.spring.relay.ChainEventRelay} sends the client's chain
 * events to every connected browser over a Spring WebSocket, as small JSON messages, each browser
 * with a bounded backlog of its own.
 */
@NullMarked
package org.bitcoinrpc.spring.relay;

import org.jspecify.annotations.NullMarked;
