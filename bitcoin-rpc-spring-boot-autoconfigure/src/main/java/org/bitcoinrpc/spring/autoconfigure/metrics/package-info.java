/**
 * Auto-configuration of the client's Micrometer metrics.
 */
@NullMarked
package org.bitcoinrpc.spring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
