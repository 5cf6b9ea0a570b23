/** Tests of the simulated chain's byte-level building blocks. */
@NullMarked
package org.bitcoinrpc.test.internal.chain;

import org.jspecify.annotations.NullMarked;
