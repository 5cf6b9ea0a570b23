package org.bitcoinrpc.sample.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.bitcoinrpc.test.BlockTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo node's block times, one line {@code <height> <unix seconds>} per block in
 * {@code demo-block-times.txt} next to {@code demo-node.properties}. The node stamps its blocks with
 * the current time, and a block's hash covers its time: so a new run must stamp each block it
 * rebuilds with the time it had, or the follower's stored cursor would name a block the node no
 * longer has and the follower would see a reorg down to genesis.
 * <p>
 * A height with a time (recorded by an earlier run, or planned by {@link #plan} for the blocks the
 * node "mined" while the app was stopped) gets it back; any other gets the current second, at
 * least a second after its parent's, as {@link BlockTimes#wallClock()} does. A data directory from
 * before block times were recorded (a {@code demo-node.properties} but no times) rebuilds its heights
 * with the times of that version, {@link BlockTimes#fixed()}, so its chain keeps its hashes.
 * <p>
 * The file is appended to, one block at a time, and synced before {@code demo-node.properties}
 * moves past it: the state never names a height without a recorded time. A line cut short by a crash
 * is dropped when the file is read, and the file rewritten without it.
 */
public final class DemoBlockTimes implements BlockTimes {

	static final String FILE_NAME = "demo-block-times.txt";

	private static final Logger logger = LoggerFactory.getLogger(DemoBlockTimes.class);

	private final Path directory;

	private final Clock clock;

	/**
	 * Times by height: {@code times[h]} for heights 1 to {@link #known}, in Unix seconds and strictly
	 * increasing. Guarded by {@code this}; the node reads it with its chain's lock held, so no I/O
	 * under it.
	 */
	private long[] times = new long[128];

	/** The highest height with a time in {@link #times}. Guarded by {@code this}. */
	private int known;

	/** The highest height written to the file. Only accessed by the thread that saves (the miner's). */
	private int saved;

	private DemoBlockTimes(Path directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The times for a run of the demo node on {@code directory}: those recorded there; for a data
	 * directory from before times were recorded, the old fixed times of its heights; for a new one,
	 * the {@code initialHeight} blocks the node starts with, spaced by {@code interval} (a second at
	 * least) up to now, as if it had been mining for a while.
	 * @param directory the sample's data directory
	 * @param interval the demo node's block interval
	 * @param initialHeight the height the node is built with
	 * @param clock the clock of new blocks
	 */
	static DemoBlockTimes forRun(Path directory, Duration interval, int initialHeight, Clock clock) {
		// Not shared with any other thread until returned: known is read here without the lock.
		DemoBlockTimes times = new DemoBlockTimes(directory, clock);
		times.read();
		DemoChainState state = DemoChainState.load(directory);
		if (state != null && times.known == 0) {
			logger.info("No block times recorded in {}: rebuilding heights 1 to {} with the fixed times of earlier "
					+ "versions, so the chain keeps its hashes", directory, state.height());
			BlockTimes fixed = BlockTimes.fixed();
			for (int height = 1; height <= state.height(); height++) {
				times.plan(height, fixed.time(height, 0));
			}
		}
		else if (state != null && times.known < state.height()) {
			logger.warn("{} names height {} but {} has times up to height {} only: the blocks above get new times "
					+ "and hashes, so the follower will see a reorg", DemoChainState.FILE_NAME, state.height(),
					FILE_NAME, times.known);
		}
		else if (state == null && times.known == 0) {
			long now = clock.millis();
			long spacing = Math.max(1000, interval.toMillis());
			for (int height = 1; height <= initialHeight; height++) {
				times.plan(height, (now - (initialHeight - height) * spacing) / 1000);
			}
		}
		return times;
	}

	@Override
	public synchronized long time(int height, long parentTime) {
		if (height <= this.known) {
			return this.times[height];
		}
		long time = Math.max(this.clock.instant().getEpochSecond(), parentTime + 1);
		append(height, time);
		return time;
	}

	/**
	 * Gives {@code height}, the next height without a time, this time (or its parent's + 1 if that is
	 * later); a height that has a time keeps it, so a recorded time always wins.
	 * @param height a height up to one above the highest with a time
	 * @param time Unix seconds
	 */
	synchronized void plan(int height, long time) {
		if (height <= this.known) {
			return;
		}
		long parentTime = (this.known == 0) ? 0 : this.times[this.known];
		append(height, Math.max(time, parentTime + 1));
	}

	/**
	 * Appends the times of the heights up to {@code height} not yet in the file, and syncs it. Called
	 * by the miner's thread (or at start-up, before it runs) before it saves the chain's state.
	 */
	void save(int height) {
		StringBuilder lines = new StringBuilder();
		int through;
		synchronized (this) {
			through = Math.min(height, this.known);
			for (int h = this.saved + 1; h <= through; h++) {
				lines.append(h).append(' ').append(this.times[h]).append('\n');
			}
		}
		if (lines.isEmpty()) {
			return;
		}
		try {
			Files.createDirectories(this.directory);
			try (FileChannel file = FileChannel.open(this.directory.resolve(FILE_NAME), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
				ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
				while (bytes.hasRemaining()) {
					file.write(bytes);
				}
				// Durable before demo-node.properties names these heights.
				file.force(false);
			}
			this.saved = through;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Called holding this.
	private void append(int height, long time) {
		if (height != this.known + 1) {
			throw new IllegalStateException("No block time for height " + (this.known + 1) + " before " + height);
		}
		if (height >= this.times.length) {
			this.times = Arrays.copyOf(this.times, Math.max(height + 1, this.times.length * 2));
		}
		this.times[height] = time;
		this.known = height;
	}

	/**
	 * Reads the file's lines while they are whole, go up one height at a time from 1 and in time;
	 * if anything follows (a line cut short by a crash), rewrites the file with what was read, so
	 * later appends start on a line of their own.
	 */
	private void read() {
		Path file = this.directory.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return;
		}
		String text;
		try {
			text = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Only lines ended by '\n' count: the last one may have been cut short by a crash.
		int kept = 0;
		for (int end = text.indexOf('\n'); end >= 0 && accept(text.substring(kept, end)); end = text.indexOf('\n', kept)) {
			kept = end + 1;
		}
		this.saved = this.known;
		if (kept != text.length()) {
			logger.warn("Dropped what follows height {} in {} (a line cut short, or not a block time)", this.known,
					file);
			rewrite(file, text.substring(0, kept));
		}
	}

	private boolean accept(String line) {
		String[] fields = line.split(" ");
		if (fields.length != 2) {
			return false;
		}
		try {
			int height = Integer.parseInt(fields[0]);
			long time = Long.parseLong(fields[1]);
			long parentTime = (this.known == 0) ? 0 : this.times[this.known];
			if (height != this.known + 1 || time <= parentTime || time > 0xffffffffL) {
				return false;
			}
			synchronized (this) {
				append(height, time);
			}
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** Writes aside, then moves over the old file, as {@link DemoChainState#save} does. */
	private static void rewrite(Path file, String text) {
		try {
			Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
			Files.writeString(temporary, text, StandardCharsets.US_ASCII);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
