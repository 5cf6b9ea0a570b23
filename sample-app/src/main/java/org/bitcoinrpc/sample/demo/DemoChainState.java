package org.bitcoinrpc.sample.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * How far the demo node's chain went, in {@code demo-node.properties} of the sample's data
 * directory: its height and when its last block was mined. The chain itself is a function of its
 * height ({@link DemoMiner}), so this is all a new run needs to rebuild it, and the time tells how
 * many blocks the node "mined" while the app was stopped.
 *
 * @param height the chain's height
 * @param lastBlockAt when its last block was mined, in epoch milliseconds
 */
record DemoChainState(int height, long lastBlockAt) {

	static final String FILE_NAME = "demo-node.properties";

	/** The state saved in {@code directory}, or null if there is none (or it cannot be read). */
	static @Nullable DemoChainState load(Path directory) {
		Path file = directory.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
			return new DemoChainState(Integer.parseInt(properties.getProperty("height")),
					Long.parseLong(properties.getProperty("last-block-at")));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Writes aside, then moves over the old file: a crash leaves the old state or the new one. */
	void save(Path directory) {
		Properties properties = new Properties();
		properties.setProperty("height", Integer.toString(this.height));
		properties.setProperty("last-block-at", Long.toString(this.lastBlockAt));
		try {
			Files.createDirectories(directory);
			Path temporary = directory.resolve(FILE_NAME + ".tmp");
			try (Writer writer = Files.newBufferedWriter(temporary)) {
				properties.store(writer, "The sample's built-in demo node: how far its chain went");
			}
			Files.move(temporary, directory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
