package org.bitcoinrpc.client.protocol;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One message from the node, classified but with its result not yet decoded.
 */
public sealed interface InboundMessage {

	/**
	 * A reply. {@code id} is {@code null} when the node sent none, a null one, or one that is not
	 * a 64-bit integer (this client never sends such ids, so such a reply belongs to no request).
	 * Exactly one of {@code error} and {@code result} is set, unless the reply is malformed, in
	 * which case {@code malformation} says why.
	 */
	record Response(@Nullable Long id, @Nullable RpcError error, @Nullable ResultValue result,
			@Nullable String malformation) implements InboundMessage {
	}

	/** A notification: a message with a method and no id (btcd sends {@code "id":null}). */
	record Notification(String method, JsonNode params) implements InboundMessage {
	}

	/** A JSON array of messages (a batch reply). */
	record Batch(List<InboundMessage> messages) implements InboundMessage {
	}

	/** Something that is not a JSON-RPC message at all; never tied to a request. */
	record Malformed(String reason) implements InboundMessage {
	}

}
