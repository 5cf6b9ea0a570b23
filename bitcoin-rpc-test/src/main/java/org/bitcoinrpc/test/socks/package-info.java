/**
 * A tiny in-process SOCKS5 server (RFC 1928, with RFC 1929 username/password authentication) for
 * tests.
 *
 * <p>{@link org.bitcoinrpc.test.socks.Socks5TestServer} listens on {@code 127.0.0.1} only, records
 * every CONNECT request it receives (address type, host, port and the credentials the client
 * authenticated with) and relays the traffic to loopback targets only. Tests use it to prove that
 * a client really sends its traffic through the proxy, with the right credentials, and that it
 * hands host names such as {@code .onion} addresses to the proxy instead of resolving them
 * locally.
 */
@org.jspecify.annotations.NullMarked
package org.bitcoinrpc.test.socks;
