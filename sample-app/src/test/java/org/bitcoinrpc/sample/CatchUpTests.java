package org.bitcoinrpc.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.bitcoinrpc.sample.demo.DemoChainStates;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's catch-up demo: the app stopped while its node mines, then started again on the same
 * data directory, catches up on the blocks it missed and says so; across both runs every block is
 * logged once, none is missing, and each has exactly one row in the H2 database. The demo node
 * rebuilds the chain of the first run, hashes included (its blocks carry the times of that run),
 * and stamps new blocks with the current time.
 */
@ExtendWith(OutputCaptureExtension.class)
class CatchUpTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TempDir
	Path directory;

	private ConfigurableApplicationContext run() {
		return SpringApplication.run(SampleApplication.class, "--server.port=0", "--sample.demo.block-interval=200ms",
				"--sample.data-dir=" + this.directory.toAbsolutePath(), "--management.server.port=-1");
	}

	@Test
	void aRestartedAppCatchesUpOnTheBlocksMinedWhileItWasStopped(CapturedOutput output) {
		long startedAt = Instant.now().getEpochSecond();
		SimulatedNode firstNode;
		try (ConfigurableApplicationContext first = run()) {
			firstNode = first.getBean(SimulatedNode.class);
			await().atMost(WAIT).until(() -> SampleApplicationTests.loggedHeights(output.getOut()).size() >= 3);
		}
		// The chain the second run must rebuild: up to the height saved (the node, closed, keeps its chain).
		List<String> firstChain = firstNode.blockHashes(0).subList(0, DemoChainStates.height(this.directory) + 1);
		// The demo node counts the blocks it "mined" meanwhile from the time: let 5 intervals pass.
		await().atMost(WAIT).until(() -> System.currentTimeMillis() - DemoChainStates.lastBlockAt(this.directory) > 1000);
		int linesBefore = output.getOut().length();
		try (ConfigurableApplicationContext second = run()) {
			SimulatedNode secondNode = second.getBean(SimulatedNode.class);
			assertThat(secondNode.blockHashes(0)).startsWith(firstChain.toArray(String[]::new));
			// Stamped now, not in 2023: a second a block at most ahead of the clock (200 ms blocks).
			assertThat(secondNode.blockTime(secondNode.blockCount())).isBetween(startedAt - 5,
					Instant.now().getEpochSecond() + secondNode.blockCount() - 100);
			await().atMost(WAIT).until(() -> output.getOut().substring(linesBefore).contains("Caught up on "));
			String secondRun = output.getOut().substring(linesBefore);
			assertThat(secondRun).contains("Resuming after block ").containsPattern("it mined \\d+ block\\(s\\)");
			assertThat(secondRun).containsPattern("Caught up on \\d+ block\\(s\\) mined while the app was stopped");
			long caughtUpTo = SampleApplicationTests.loggedHeights(output.getOut()).stream().mapToLong(Long::longValue).max()
				.orElseThrow();
			// One more block after the catch-up, handled live.
			await().atMost(WAIT).until(() -> SampleApplicationTests.loggedHeights(output.getOut()).contains(caughtUpTo + 1));
			List<Long> heights = SampleApplicationTests.loggedHeights(output.getOut());
			long firstHeight = heights.get(0);
			long lastHeight = heights.get(heights.size() - 1);
			assertThat(heights).containsExactlyElementsOf(LongStream.rangeClosed(firstHeight, lastHeight).boxed().toList());
			List<Long> rows = second.getBean(JdbcTemplate.class)
				.queryForList("SELECT height FROM sample_blocks WHERE height <= ? ORDER BY height", Long.class, lastHeight);
			assertThat(rows).containsExactlyElementsOf(heights);
		}
	}

}
