package org.bitcoinrpc.client.follow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * What wakes a follower is a {@link WakeSource}: one of the application's own wakes it as the
 * built-in ones do, hears where the follower caught up, and is closed with it; with none at all,
 * the follower polls.
 */
class WakeSourceTests {

	private SimulatedNode node;

	private BitcoinRpcClient client;

	private final List<AutoCloseable> closing = new ArrayList<>();

	@BeforeEach
	void start() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(10).build().start();
		this.client = BitcoinRpcClient.create(ClientOptions.builder().url(this.node.httpUrl()).credentials("user", "pass")
			.build());
		this.client.connect();
	}

	@AfterEach
	void close() throws Exception {
		for (int i = this.closing.size() - 1; i >= 0; i--) {
			this.closing.get(i).close();
		}
		this.client.close();
		this.node.close();
	}

	@Test
	void aSourceOfTheApplicationsOwnWakesTheFollowerHearsWhereItCaughtUpAndIsClosedWithIt() {
		RecordingSource source = new RecordingSource(true);
		List<String> handled = new CopyOnWriteArrayList<>();
		// Default poll interval: with a source listening, the follower polls only every 30 s.
		ChainFollower follower = ChainFollower.builder(this.client).wakeSources(source)
			.handler((change) -> handled.add(change.height() + " " + change.hash())).start();
		this.closing.add(follower);
		await().atMost(Duration.ofSeconds(10)).until(() -> !source.caughtUp.isEmpty());
		assertThat(source.follower.get()).isSameAs(follower);
		assertThat(source.caughtUp.get(0).height()).isEqualTo(10);

		this.node.generate(1);
		source.follower.get().wake();

		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
		assertThat(handled).containsExactly("11 " + this.node.blockHash(11));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> source.caughtUp.get(source.caughtUp.size() - 1).hash().equals(this.node.blockHash(11)));
		assertThat(source.closed).hasValue(0);
		follower.close();
		assertThat(source.closed).hasValue(1);
	}

	@Test
	void withNoSourceAtAllTheFollowerPollsAndNeverAsksForWaitForNewBlock() {
		List<String> handled = new CopyOnWriteArrayList<>();
		ChainFollower follower = ChainFollower.builder(this.client).wakeSources().pollInterval(Duration.ofMillis(100))
			.handler((change) -> handled.add(change.height() + " " + change.hash())).start();
		this.closing.add(follower);
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);

		this.node.generate(2);

		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2);
		assertThat(handled).containsExactly("11 " + this.node.blockHash(11), "12 " + this.node.blockHash(12));
		assertThat(this.node.requestCount("waitfornewblock")).isZero();
	}

	@Test
	void aSourceThatCannotStartFailsTheStartAndTheSourcesBeforeItAreClosed() {
		RecordingSource first = new RecordingSource(false);
		WakeSource broken = (follower) -> {
			throw new IllegalStateException("no such socket");
		};

		assertThatIllegalStateException()
			.isThrownBy(() -> ChainFollower.builder(this.client).wakeSources(first, broken).handler((change) -> {
			}).start())
			.withMessage("no such socket");
		assertThat(first.closed).hasValue(1);
	}

	/** A source that records what the follower tells it. */
	private static final class RecordingSource implements WakeSource {

		private final boolean listening;

		private final AtomicReference<ChainFollower> follower = new AtomicReference<>();

		private final List<Cursor> caughtUp = new CopyOnWriteArrayList<>();

		private final AtomicInteger closed = new AtomicInteger();

		RecordingSource(boolean listening) {
			this.listening = listening;
		}

		@Override
		public Subscription subscribe(ChainFollower follower) {
			this.follower.set(follower);
			return new Subscription() {

				@Override
				public void caughtUp(Cursor tip) {
					RecordingSource.this.caughtUp.add(tip);
				}

				@Override
				public boolean isListening() {
					return RecordingSource.this.listening;
				}

				@Override
				public void close() {
					RecordingSource.this.closed.incrementAndGet();
				}

			};
		}

	}

}
