/**
 * Auto-configuration of the Micrometer observations of the client's calls.
 */
@NullMarked
package org.bitcoinrpc.spring.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
