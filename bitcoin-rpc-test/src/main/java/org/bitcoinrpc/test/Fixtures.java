package org.bitcoinrpc.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire transcripts recorded from btcd 0.24.2 and Bitcoin Core 31.0, shipped verbatim on the
 * classpath (see {@code fixtures/README.md} beside them). Tests decode them; the simulated node
 * answers in their shape.
 */
public final class Fixtures {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final String RPC_INDEX = "rpc-index.json";

	private Fixtures() {
	}

	/**
	 * One transcript, for example {@code fixture("btcd/http-getblockcount.json")}. Numbers keep
	 * their exact literals (big integers and decimals are not rounded).
	 */
	public static JsonNode fixture(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture named " + name);
			}
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The {@code response} member of a transcript as compact JSON text, as the node sent it (modulo whitespace). */
	public static String responseBody(String name) {
		return MAPPER.writeValueAsString(fixture(name).get("response"));
	}

	/**
	 * The index of every method each node lists, and which transcripts cover it
	 * ({@code rpc-index.json}: {@code "bitcoin-core 31.0"} by category, {@code "btcd 0.24.2"}, and
	 * {@code "coverage"}). Not a transcript, so {@link #names()} leaves it out.
	 * @return the index
	 */
	public static JsonNode rpcIndex() {
		return fixture(RPC_INDEX);
	}

	/**
	 * Every transcript's name, sorted, e.g. {@code core/http-getblock-verbosity2.json}: the files in
	 * the node folders, not the index beside them. In a jar,
	 * the jar's file system is opened once and left open for later callers.
	 */
	public static List<String> names() {
		try {
			URI uri = Objects.requireNonNull(Fixtures.class.getResource("fixtures/README.md"), "no fixtures on the classpath").toURI();
			if ("jar".equals(uri.getScheme())) {
				try {
					FileSystems.getFileSystem(uri);
				}
				catch (FileSystemNotFoundException ex) {
					try {
						FileSystems.newFileSystem(uri, Map.of());
					}
					catch (FileSystemAlreadyExistsException raced) {
						// Another thread opened it meanwhile.
					}
				}
			}
			Path root = Path.of(uri).getParent();
			try (Stream<Path> files = Files.walk(root)) {
				return files.filter((file) -> file.toString().endsWith(".json") && !root.equals(file.getParent()))
					.map((file) -> root.relativize(file).toString().replace('\\', '/'))
					.sorted()
					.toList();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
