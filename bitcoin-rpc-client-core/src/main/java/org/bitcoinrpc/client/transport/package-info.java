/**
 * The two transports (websocket and HTTP POST) over one Jetty {@code HttpClient}, with its TLS
 * trust, SOCKS5 proxy and credentials. Internal plumbing; may change between releases.
 */
@NullMarked
package org.bitcoinrpc.client.transport;

import org.jspecify.annotations.NullMarked;
