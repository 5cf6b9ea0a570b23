/**
 * JSON-RPC decoding, btcd's commands, reply envelopes and notifications, and each websocket
 * session's subscriptions, independent of the transport.
 *
 * <p>Internal to the simulated node: may change without notice.
 */
@NullMarked
package org.bitcoinrpc.test.internal.rpc;

import org.jspecify.annotations.NullMarked;
