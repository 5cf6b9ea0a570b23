/**
 * The built-in simulated node the sample runs against when no real node is configured.
 */
@NullMarked
package org.bitcoinrpc.sample.demo;

import org.jspecify.annotations.NullMarked;
