/**
 * Go-compatible JSON output, so replies match btcd byte for byte.
 *
 * <p>Internal to the simulated node: may change without notice.
 */
@NullMarked
package org.bitcoinrpc.test.internal.json;

import org.jspecify.annotations.NullMarked;
