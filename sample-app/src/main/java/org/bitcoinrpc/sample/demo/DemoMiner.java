package org.bitcoinrpc.sample.demo;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.bitcoinrpc.test.SimnetTransactions;
import org.bitcoinrpc.test.SimulatedNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Makes the demo node look alive: a block every {@code sample.demo.block-interval} (5 s by
 * default) and a transaction now and then, so the event listeners have something to log.
 */
public class DemoMiner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DemoMiner.class);

	private final SimulatedNode node;

	private final Duration interval;

	/** Created by start(), shut down by stop(); both run on the context's lifecycle thread. */
	private ThreadPoolTaskScheduler scheduler;

	private volatile boolean running;

	DemoMiner(SimulatedNode node, Duration interval) {
		this.node = node;
		this.interval = interval;
	}

	@Override
	public void start() {
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("demo-miner-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
		this.scheduler.scheduleAtFixedRate(this::tick, this.interval);
		this.running = true;
	}

	private void tick() {
		try {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			if (random.nextInt(3) == 0) {
				// A real (unsigned) simnet transaction: the demo node checks shape, not signatures.
				byte[] previous = new byte[32];
				random.nextBytes(previous);
				this.node.submitTransaction(SimnetTransactions.spend(HexFormat.of().formatHex(previous), 0,
						SimnetTransactions.address(random.nextInt(1, 1000)), random.nextLong(10_000, 500_000_000)));
			}
			this.node.generate(1);
		}
		catch (RuntimeException ex) {
			logger.warn("The demo node could not mine: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
