/**
 * JSON-RPC framing: writing requests and classifying replies and notifications. Internal
 * plumbing; may change between releases.
 */
@NullMarked
package org.bitcoinrpc.client.protocol;

import org.jspecify.annotations.NullMarked;
