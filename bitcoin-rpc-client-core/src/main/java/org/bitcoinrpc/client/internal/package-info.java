/**
 * The client's endpoint ({@link org.bitcoinrpc.client.internal.Endpoint}: calls registered,
 * written, kept while disconnected, resent, and their replies routed), the watchdog that keeps the
 * connection up, timers and notification dispatch. Uses a transport only through
 * {@code transport.Transport}; the transports never see this package. Internal plumbing; may
 * change between releases.
 */
@NullMarked
package org.bitcoinrpc.client.internal;

import org.jspecify.annotations.NullMarked;
