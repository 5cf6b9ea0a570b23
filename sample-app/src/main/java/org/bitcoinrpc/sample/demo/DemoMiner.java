package org.bitcoinrpc.sample.demo;

import java.nio.file.Path;
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
 * Each block is a function of its height (its transaction, if any, comes from a random generator
 * seeded with the height, and the simulated chain mines deterministically), and the height
 * reached is saved in the data directory ({@link DemoChainState}). So a new run of the app rebuilds
 * the same chain, then mines the blocks the node would have mined while the app was stopped (at
 * most {@link #MAX_MISSED_BLOCKS}): the follower, resuming from its stored cursor, catches up on
 * them as it would with a real node that kept running.
 */
public class DemoMiner implements SmartLifecycle {

	/** How many blocks a stop of the app can make the node "mine" at most, to keep starts quick. */
	static final int MAX_MISSED_BLOCKS = 100;

	private static final Logger logger = LoggerFactory.getLogger(DemoMiner.class);

	private final SimulatedNode node;

	private final Duration interval;

	private final Path dataDirectory;

	/** Created by start(), shut down by stop(); both run on the context's lifecycle thread. */
	private @Nullable ThreadPoolTaskScheduler scheduler;

	private volatile boolean running;

	DemoMiner(SimulatedNode node, Duration interval, Path dataDirectory) {
		this.node = node;
		this.interval = interval;
		this.dataDirectory = dataDirectory;
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
		long stoppedFor = Math.max(0, System.currentTimeMillis() - state.lastBlockAt());
		int missed = (int) Math.min(MAX_MISSED_BLOCKS, stoppedFor / Math.max(1, this.interval.toMillis()));
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

	private void tick() {
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

	private void save() {
		new DemoChainState(this.node.blockCount(), System.currentTimeMillis()).save(this.dataDirectory);
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
