package org.bitcoinrpc.client.reliability;

import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.test.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Every message a real btcd sent to a client in the recorded fixtures
 * ({@code org/bitcoinrpc/test/fixtures/btcd/*.json}): HTTP reply bodies and the incoming websocket
 * frames, as compact JSON text, in a stable order.
 */
final class ServerMessages {


	private ServerMessages() {
	}

	/** The fixture names under {@code btcd/}, sorted, e.g. {@code btcd/http-getblockcount.json}. */
	static List<String> btcdFixtureNames() {
		return Fixtures.names().stream().filter((name) -> name.startsWith("btcd/")).toList();
	}

	/** Every server-to-client JSON message of the btcd fixtures, as compact text. */
	static List<String> btcdServerMessages() {
		List<String> messages = new ArrayList<>();
		for (String name : btcdFixtureNames()) {
			JsonNode fixture = Fixtures.fixture(name);
			JsonNode response = fixture.get("response");
			if (response != null && (response.isObject() || response.isArray())) {
				messages.add(response.toString());
			}
			JsonNode frames = fixture.get("messages");
			if (frames != null && frames.isArray()) {
				for (JsonNode frame : frames) {
					JsonNode json = frame.get("json");
					if (frame.path("dir").isString() && frame.path("dir").asString().equals("in") && json != null && (json.isObject() || json.isArray())) {
						messages.add(json.toString());
					}
				}
			}
		}
		return messages;
	}

}
