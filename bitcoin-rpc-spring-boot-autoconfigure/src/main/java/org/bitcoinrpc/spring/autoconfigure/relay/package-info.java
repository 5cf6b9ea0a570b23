/**
 * Auto-configuration of the browser relay ({@code bitcoin.rpc.relay.*}): chain events over a
 * Spring WebSocket endpoint.
 */
@NullMarked
package org.bitcoinrpc.spring.autoconfigure.relay;

import org.jspecify.annotations.NullMarked;
