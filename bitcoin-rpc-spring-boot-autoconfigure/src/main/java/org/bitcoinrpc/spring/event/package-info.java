/**
 * Spring {@link org.springframework.context.ApplicationEvent application events} for every
 * notification, connection event and ZMQ event of a {@link org.bitcoinrpc.client.BitcoinRpcClient}.
 */
@NullMarked
package org.bitcoinrpc.spring.event;

import org.jspecify.annotations.NullMarked;
