/**
 * The simulated chain: blocks with real headers, the mempool, transactions (decoded or opaque),
 * scripts, simnet addresses and Bitcoin encodings.
 *
 * <p>Internal to the simulated node: may change without notice.
 */
@NullMarked
package org.bitcoinrpc.test.internal.chain;

import org.jspecify.annotations.NullMarked;
