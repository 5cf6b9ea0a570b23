/**
 * Raw ceiling clients for issue 14's engine comparison ({@code LoadHarness engines}): the least each
 * engine (Netty NIO, Netty epoll, Jetty's HTTP client, the JDK's {@code HttpURLConnection}) needs
 * to make a small JSON-RPC call. Requests are encoded once; a reply is checked by finding its id at
 * the end of the bytes, with no JSON parsing. They bound what a client built on each engine could
 * reach on this machine; none of them is a client anyone should use.
 */
package org.bitcoinrpc.benchmarks.engines;
