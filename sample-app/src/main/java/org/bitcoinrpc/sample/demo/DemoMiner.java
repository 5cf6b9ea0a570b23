package org.bitcoinrpc.sample.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import org.bitcoinrpc.test.SimnetTransactions;
import org.bitcoinrpc.test.SimulatedNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Makes the demo node look alive: a block every {@code sample.demo.block-interval} (5 s by
 * default) and a transaction now and then, so the event listeners have something to log.
 * <p>
 * Each block is a function of its height and its time (its transaction, if any, comes from a
 * random generator seeded with the height, and the simulated chain mines deterministically), and
 * the height reached and each block's time are saved in the data directory ({@link DemoChainState},
 * {@link DemoBlockTimes}). So a new run of the app rebuilds the same chain, then mines the blocks
 * the node would have mined while the app was stopped (at most {@link #MAX_MISSED_BLOCKS}), stamped
 * one interval apart after the last block: the follower, resuming from its stored cursor, catches
 * up on them as it would with a real node that kept running.
 */
public class DemoMiner implements SmartLifecycle {

	/** How many blocks a stop of the app can make the node "mine" at most, to keep starts quick. */
	static final int MAX_MISSED_BLOCKS = 100;

	private static final Logger logger = LoggerFactory.getLogger(DemoMiner.class);

	private final SimulatedNode node;

	private final Duration interval;

	private final Path dataDirectory;

	private final DemoBlockTimes blockTimes;

	private final Clock clock;

	/** Created by start(), shut down by stop(); both run on the context's lifecycle thread. */
	private @Nullable ThreadPoolTaskScheduler scheduler;

	private volatile boolean running;

	/**
	 * @param node the demo node, built with {@code blockTimes}
	 * @param interval the time between blocks
	 * @param dataDirectory where the chain's state and block times are saved
	 * @param blockTimes the node's block times, saved with the state
	 * @param clock the clock the node's block times read too
	 */
	DemoMiner(SimulatedNode node, Duration interval, Path dataDirectory, DemoBlockTimes blockTimes, Clock clock) {
		this.node = node;
		this.interval = interval;
		this.dataDirectory = dataDirectory;
		this.blockTimes = blockTimes;
		this.clock = clock;
	}

	/**
	 * Rebuilds the chain of the last run, then mines what it would have mined since; before the
	 * client connects, so the follower finds the node as a real one would be after the app's stop.
	 */
	void restore() {
		DemoChainState state = DemoChainState.load(this.dataDirectory);
		if (state == null || state.height() <= this.node.blockCount()) {
			save();
			return;
		}
		while (this.node.blockCount() < state.height()) {
			mineNext();
		}
		long now = this.clock.millis();
		long stoppedFor = Math.max(0, now - state.lastBlockAt());
		long intervalMillis = Math.max(1, this.interval.toMillis());
		int missed = (int) Math.min(MAX_MISSED_BLOCKS, stoppedFor / intervalMillis);
		// One interval apart after the last block, never after now. Its time is when it was mined,
		// but for a chain of an earlier version (fixed times of 2023) that is the state's time.
		long lastBlockAt = Math.max(state.lastBlockAt(), this.node.blockTime(state.height()) * 1000);
		for (int i = 1; i <= missed; i++) {
			this.blockTimes.plan(state.height() + i, Math.min(now, lastBlockAt + i * intervalMillis) / 1000);
		}
		for (int i = 0; i < missed; i++) {
			mineNext();
		}
		save();
		logger.info("Demo node restored to height {} from {}; it mined {} block(s) ({} to {}) while the app was "
				+ "stopped for {} s", state.height(), this.dataDirectory.resolve(DemoChainState.FILE_NAME), missed,
				state.height() + 1, state.height() + missed, stoppedFor / 1000);
	}

	@Override
	public void start() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("demo-miner-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		scheduler.scheduleAtFixedRate(this::tick, this.interval);
		this.scheduler = scheduler;
		this.running = true;
	}

	/** Mines a block now and saves; the scheduler's task. */
	void tick() {
		try {
			mineNext();
			save();
		}
		catch (RuntimeException ex) {
			logger.warn("The demo node could not mine: {}", ex.getMessage());
		}
	}

	/** The block at the next height, the same in every run: a transaction in one of three. */
	private void mineNext() {
		int height = this.node.blockCount() + 1;
		Random random = new Random(height);
		if (random.nextInt(3) == 0) {
			// A real (unsigned) simnet transaction: the demo node checks shape, not signatures.
			byte[] previous = new byte[32];
			random.nextBytes(previous);
			this.node.submitTransaction(SimnetTransactions.spend(HexFormat.of().formatHex(previous), 0,
					SimnetTransactions.address(1 + random.nextInt(999)), 10_000 + (long) random.nextInt(500_000_000)));
		}
		this.node.generate(1);
	}

	/** The times first: the state must never name a height whose time is not on disk. */
	private void save() {
		int height = this.node.blockCount();
		this.blockTimes.save(height);
		new DemoChainState(height, this.clock.millis()).save(this.dataDirectory);
	}

	@Override
	public void stop() {
		this.running = false;
		ThreadPoolTaskScheduler scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
