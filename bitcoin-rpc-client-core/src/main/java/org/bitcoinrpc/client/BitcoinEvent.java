package org.bitcoinrpc.client;

/**
 * Everything a {@link BitcoinEventListener} is told: what the node pushed ({@link Notification})
 * and what happened to the connection ({@link ConnectionEvent}), in one ordered stream.
 */
public sealed interface BitcoinEvent permits Notification, ConnectionEvent {
}
