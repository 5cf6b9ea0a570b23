/**
 * Hand-written streaming deserializers for the transaction records of
 * {@link org.bitcoinrpc.client.model}, which a large {@code getblock} reply holds by the thousand.
 * The records name them with {@code @JsonDeserialize}; they bind exactly as Jackson's own record
 * binding does with {@code JsonRpcCodec.defaultMapper()}. Internal plumbing, not API; may change
 * between releases.
 */
@NullMarked
package org.bitcoinrpc.client.model.json;

import org.jspecify.annotations.NullMarked;
