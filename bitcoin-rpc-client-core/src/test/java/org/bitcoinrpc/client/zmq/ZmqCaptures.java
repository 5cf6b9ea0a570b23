package org.bitcoinrpc.client.zmq;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;

import org.bitcoinrpc.test.Fixtures;
import tools.jackson.databind.JsonNode;

/** The recorded Bitcoin Core ZMQ transcripts ({@code fixtures/core/zmq-*.json}) shipped with bitcoin-rpc-test. */
final class ZmqCaptures {

	private static final String DIRECTORY = "org/bitcoinrpc/test/fixtures/core/";

	private ZmqCaptures() {
	}

	/** Every {@code zmq-*.json} file name, found by listing the fixtures (a directory or the jar). */
	static List<String> names() {
		URL location = Fixtures.class.getProtectionDomain().getCodeSource().getLocation();
		List<String> names = new ArrayList<>();
		try {
			File file = new File(location.toURI());
			if (file.isDirectory()) {
				String[] found = new File(file, DIRECTORY).list();
				if (found != null) {
					names.addAll(List.of(found));
				}
			}
			else {
				try (JarFile jar = new JarFile(file)) {
					jar.stream()
						.map((entry) -> entry.getName())
						.filter((name) -> name.startsWith(DIRECTORY) && name.indexOf('/', DIRECTORY.length()) < 0)
						.map((name) -> name.substring(DIRECTORY.length()))
						.forEach(names::add);
				}
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names.stream().filter((name) -> name.startsWith("zmq-") && name.endsWith(".json")).sorted().toList();
	}

	static JsonNode capture(String name) {
		return Fixtures.fixture("core/" + name);
	}

	static List<JsonNode> messages(String name) {
		List<JsonNode> messages = new ArrayList<>();
		capture(name).get("messages").forEach(messages::add);
		return messages;
	}

	/** The three frames of a captured message, as received. */
	static List<byte[]> frames(JsonNode message) {
		HexFormat hex = HexFormat.of();
		return List.of(message.get("topic").asString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				hex.parseHex(message.get("body_hex").asString()), hex.parseHex(message.get("seq_le_hex").asString()));
	}

}
