/**
 * The transports: what moves bytes between the client and a node, on Netty. The channels of both
 * come from one {@link org.bitcoinrpc.client.transport.NettyConnector} per client, which carries
 * its event loops, TLS trust and SOCKS5 proxy. A transport implements the
 * one small interface {@link org.bitcoinrpc.client.transport.Transport} (connect, write an encoded
 * {@link org.bitcoinrpc.client.transport.Exchange}, close; report what was received and what was
 * lost) and knows nothing of pending calls or futures. This package depends on the root package's
 * options and exceptions and on {@code protocol}, never on {@code internal}. Internal plumbing; may
 * change between releases.
 */
@NullMarked
package org.bitcoinrpc.client.transport;

import org.jspecify.annotations.NullMarked;
