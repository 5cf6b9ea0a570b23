package org.bitcoinrpc.client;

import tools.jackson.databind.JsonNode;

/**
 * Receives every notification the node pushes (btcd websocket), undecoded: the method name, such
 * as {@code blockconnected}, and its {@code params} array.
 * <p>
 * Listeners run on the client's notification thread, one notification at a time, in the order
 * they arrived; never on the connection's reader. A listener that throws is logged and the next
 * notification is still delivered.
 */
@FunctionalInterface
public interface RawNotificationListener {

	void onNotification(String method, JsonNode params);

}
