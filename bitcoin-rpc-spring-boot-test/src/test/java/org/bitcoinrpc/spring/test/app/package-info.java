/**
 * The application the module's {@code @SpringBootTest}s start.
 */
@NullMarked
package org.bitcoinrpc.spring.test.app;

import org.jspecify.annotations.NullMarked;
