/**
 * TLS helpers for tests: a self-signed certificate made with the JDK's {@code keytool}.
 */
@NullMarked
package org.bitcoinrpc.test.tls;

import org.jspecify.annotations.NullMarked;
