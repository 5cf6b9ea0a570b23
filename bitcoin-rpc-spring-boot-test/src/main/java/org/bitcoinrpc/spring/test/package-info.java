/**
 * Test support for applications that use the bitcoin-rpc Spring Boot starter: the simulated node
 * as a service connection ({@link org.bitcoinrpc.spring.test.SimulatedNodeConnection},
 * {@link org.bitcoinrpc.spring.test.AutoConfigureSimulatedBitcoinNode}), living as long as the
 * application context, and {@link org.bitcoinrpc.spring.test.BitcoinRpcEvents}, which records the
 * starter's events and waits for them.
 */
@NullMarked
package org.bitcoinrpc.spring.test;

import org.jspecify.annotations.NullMarked;
