/**
 * Result types of the typed calls, decoded from the JSON that btcd and Bitcoin Core send.
 * Fields a node leaves out are {@code null}; amounts and difficulties are {@code BigDecimal}.
 */
@NullMarked
package org.bitcoinrpc.client.model;

import org.jspecify.annotations.NullMarked;
