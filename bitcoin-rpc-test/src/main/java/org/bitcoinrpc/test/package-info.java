/**
 * A simulated btcd node for tests and demos: {@link org.bitcoinrpc.test.SimulatedNode} and its
 * JUnit 5 extension {@link org.bitcoinrpc.test.SimulatedNodeExtension}.
 */
@NullMarked
package org.bitcoinrpc.test;

import org.jspecify.annotations.NullMarked;
