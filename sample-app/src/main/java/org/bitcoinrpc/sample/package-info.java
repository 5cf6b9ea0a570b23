/**
 * The sample application.
 */
@NullMarked
package org.bitcoinrpc.sample;

import org.jspecify.annotations.NullMarked;
