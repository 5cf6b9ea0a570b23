package org.bitcoinrpc.sample.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.bitcoinrpc.test.BlockTimes;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo node stamps its blocks with the current time and records each one, so that a new run on
 * the same data directory rebuilds the same chain, hashes included; a data directory of an earlier
 * version (no recorded times) rebuilds the chain it had then.
 */
class DemoBlockTimesTests {

	private static final Duration INTERVAL = Duration.ofSeconds(5);

	/** 2026-12-05 06:00:00 UTC, a second with no fraction. */
	private static final long START = 1_796_450_400L;

	/**
	 * The hash at height 120 of the chain rebuilt by the version before block times were recorded,
	 * from a {@code demo-node.properties} at height 120 (its {@code DemoMiner.restore()} on a node of
	 * initial height 100, times {@code 1_700_000_000 + height}), taken by running that version.
	 */
	private static final String LEGACY_HASH_120 = "619cbd9024e78ef9afdc204c7125fea267f0314218c90472874c488b91ea924f";

	private static final String LEGACY_HASH_100 = "4c66e20ecebef8e8f155659f30cfba844e9c8c6abfef0f84780146c065e4c05b";

	@TempDir
	Path directory;

	private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(START));

	/** One run of the demo node on the data directory, as DemoNodeConfiguration starts it. */
	private Run run() {
		DemoBlockTimes times = DemoBlockTimes.forRun(this.directory, INTERVAL, DemoNodeConfiguration.INITIAL_HEIGHT,
				this.clock);
		SimulatedNode node = SimulatedNode.builder().initialHeight(DemoNodeConfiguration.INITIAL_HEIGHT)
			.blockTimes(times).build();
		DemoMiner miner = new DemoMiner(node, INTERVAL, this.directory, times, this.clock);
		miner.restore();
		return new Run(node, miner);
	}

	@Test
	void aNewChainEndsNowAndItsNewBlocksAreStampedNow() {
		Run first = run();

		// The initial blocks look mined one interval apart, up to now.
		assertThat(first.node.blockTime(100)).isEqualTo(START);
		assertThat(first.node.blockTime(99)).isEqualTo(START - 5);
		assertThat(first.node.blockTime(1)).isEqualTo(START - 99 * 5);
		this.clock.advance(Duration.ofMillis(5_300));
		first.miner.tick();
		this.clock.advance(Duration.ofMillis(4_900));
		first.miner.tick();

		assertThat(first.node.blockTime(101)).isEqualTo(START + 5);
		assertThat(first.node.blockTime(102)).isEqualTo(START + 10);
		assertThat(lines()).hasSize(102).startsWith("1 " + (START - 99 * 5)).endsWith("101 " + (START + 5),
				"102 " + (START + 10));
	}

	@Test
	void aRestartRebuildsTheSameChainThenStampsTheMissedBlocksOneIntervalApart() {
		Run first = run();
		for (int i = 0; i < 3; i++) {
			this.clock.advance(INTERVAL);
			first.miner.tick();
		}
		List<String> hashes = first.node.blockHashes(0);
		assertThat(hashes).hasSize(104);

		// Stopped for 17 s: three blocks "mined" meanwhile, at 5, 10 and 15 s after the last one.
		this.clock.advance(Duration.ofSeconds(17));
		Run second = run();

		assertThat(second.node.blockHashes(0)).startsWith(hashes.toArray(String[]::new)).hasSize(107);
		assertThat(second.node.blockTime(103)).isEqualTo(START + 15);
		assertThat(second.node.blockTime(104)).isEqualTo(START + 20);
		assertThat(second.node.blockTime(105)).isEqualTo(START + 25);
		assertThat(second.node.blockTime(106)).isEqualTo(START + 30).isLessThanOrEqualTo(this.clock.instant().getEpochSecond());
		assertThat(lines()).hasSize(106).endsWith("106 " + (START + 30));

		// And once more, the blocks mined meanwhile included.
		List<String> secondHashes = second.node.blockHashes(0);
		Run third = run();
		assertThat(third.node.blockHashes(0)).isEqualTo(secondHashes);
	}

	@Test
	void aDataDirectoryWithoutRecordedTimesRebuildsTheChainOfTheEarlierVersion() {
		new DemoChainState(120, (START - 60) * 1000).save(this.directory);

		Run first = run();

		assertThat(first.node.blockHash(100)).isEqualTo(LEGACY_HASH_100);
		assertThat(first.node.blockHash(120)).isEqualTo(LEGACY_HASH_120);
		assertThat(first.node.blockTime(120)).isEqualTo(BlockTimes.fixed().time(120, 0));
		// Missed while stopped: 12 blocks, from 5 s after the state's time (not the block's 2023) up to now.
		assertThat(first.node.blockCount()).isEqualTo(132);
		assertThat(first.node.blockTime(121)).isEqualTo(START - 55);
		assertThat(first.node.blockTime(132)).isEqualTo(START);
		// The fixed times are recorded now, so the next run keeps them without a state to tell it.
		assertThat(lines()).hasSize(132).contains("120 " + BlockTimes.fixed().time(120, 0));

		List<String> hashes = first.node.blockHashes(0);
		Run second = run();
		assertThat(second.node.blockHashes(0)).isEqualTo(hashes);
	}

	@Test
	void aLineCutShortByACrashIsDroppedAndLaterLinesStartAfresh() throws IOException {
		Run first = run();
		this.clock.advance(INTERVAL);
		first.miner.tick();
		String whole = Files.readString(file(), StandardCharsets.US_ASCII);
		Files.writeString(file(), whole + "102 17964", StandardCharsets.US_ASCII);
		this.clock.advance(INTERVAL);

		// One block mined while stopped: block 102, recorded on a line of its own.
		Run second = run();

		assertThat(second.node.blockHashes(0)).startsWith(first.node.blockHashes(0).toArray(String[]::new));
		assertThat(lines()).hasSize(second.node.blockCount()).doesNotContain("102 17964");
		assertThat(second.node.blockCount()).isEqualTo(102);
		assertThat(lines().get(101)).isEqualTo("102 " + (START + 10));
	}

	private Path file() {
		return this.directory.resolve(DemoBlockTimes.FILE_NAME);
	}

	private List<String> lines() {
		try {
			return Files.readAllLines(file(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Run(SimulatedNode node, DemoMiner miner) {
	}

	/** A clock the test moves; read by the mining thread (this one here), volatile all the same. */
	private static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
