/**
 * JSON-RPC decoding, btcd's commands and reply envelopes, independent of the transport.
 *
 * <p>Internal to the simulated node: may change without notice.
 */
@NullMarked
package org.bitcoinrpc.test.internal.rpc;

import org.jspecify.annotations.NullMarked;
