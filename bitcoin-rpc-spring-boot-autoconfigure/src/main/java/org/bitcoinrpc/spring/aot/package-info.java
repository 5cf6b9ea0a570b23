/**
 * Ahead-of-time processing and native images: the {@code RuntimeHints} for what the client and the
 * starter bind by reflection, registered through {@code META-INF/spring/aot.factories}.
 */
@NullMarked
package org.bitcoinrpc.spring.aot;

import org.jspecify.annotations.NullMarked;
