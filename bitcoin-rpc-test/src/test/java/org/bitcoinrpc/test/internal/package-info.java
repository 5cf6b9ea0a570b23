/** Unit tests of the simulated node's internals. */
@NullMarked
package org.bitcoinrpc.test.internal;

import org.jspecify.annotations.NullMarked;
