/**
 * Fault injection, request counting and the request log.
 *
 * <p>Internal to the simulated node: may change without notice.
 */
@NullMarked
package org.bitcoinrpc.test.internal.control;

import org.jspecify.annotations.NullMarked;
