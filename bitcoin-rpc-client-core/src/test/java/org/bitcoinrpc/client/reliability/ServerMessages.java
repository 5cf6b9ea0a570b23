package org.bitcoinrpc.client.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bitcoinrpc.test.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Every message a real btcd sent to a client in the recorded fixtures
 * ({@code org/bitcoinrpc/test/fixtures/btcd/*.json}): HTTP reply bodies and the incoming websocket
 * frames, as compact JSON text, in a stable order.
 */
final class ServerMessages {

	private static final String DIRECTORY = "org/bitcoinrpc/test/fixtures/btcd/";

	private ServerMessages() {
	}

	/** The fixture names under {@code btcd/}, sorted, e.g. {@code btcd/http-getblockcount.json}. */
	static List<String> btcdFixtureNames() {
		URL url = Fixtures.class.getClassLoader().getResource(DIRECTORY);
		if (url == null) {
			throw new IllegalStateException("No fixture directory " + DIRECTORY + " on the classpath");
		}
		try {
			URI uri = url.toURI();
			if (uri.getScheme().equals("jar")) {
				FileSystem fs;
				try {
					fs = FileSystems.getFileSystem(uri);
				}
				catch (FileSystemNotFoundException ex) {
					fs = FileSystems.newFileSystem(uri, Map.of());
				}
				return list(fs.provider().getPath(uri));
			}
			return list(Path.of(uri));
		}
		catch (URISyntaxException | IOException ex) {
			throw new IllegalStateException("Cannot list " + url, ex);
		}
	}

	private static List<String> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((path) -> path.getFileName().toString()).filter((name) -> name.endsWith(".json"))
				.map((name) -> "btcd/" + name).sorted().toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
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
