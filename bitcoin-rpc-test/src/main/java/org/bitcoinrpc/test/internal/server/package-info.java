/**
 * The Jetty server: authentication, HTTP POST and websocket endpoints, connection tracking.
 *
 * <p>Internal to the simulated node: may change without notice.
 */
@NullMarked
package org.bitcoinrpc.test.internal.server;

import org.jspecify.annotations.NullMarked;
