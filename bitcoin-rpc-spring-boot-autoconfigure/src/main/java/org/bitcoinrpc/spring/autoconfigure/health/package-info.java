/**
 * Auto-configuration of the {@code bitcoinRpc} health contributor.
 */
@NullMarked
package org.bitcoinrpc.spring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
