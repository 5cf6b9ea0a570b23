/**
 * Auto-configuration of a {@link org.bitcoinrpc.client.BitcoinRpcClient} from {@code bitcoin.rpc.*}
 * properties: the client bean, its connection details, customizers and the lifecycle that connects
 * and subscribes it.
 */
@NullMarked
package org.bitcoinrpc.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
