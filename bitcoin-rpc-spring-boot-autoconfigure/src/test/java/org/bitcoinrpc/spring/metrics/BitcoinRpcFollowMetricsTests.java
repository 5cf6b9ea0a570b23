package org.bitcoinrpc.spring.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.Cursor;
import org.bitcoinrpc.client.follow.FollowerEvent;
import org.bitcoinrpc.spring.event.BitcoinRpcNotificationEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follower's counters from a scripted sequence of events, as the follower emits them in each
 * case: a change counted once, when the next event shows it recorded, never for an attempt that
 * failed, was interrupted or lost its lease. The gauges against a node are in
 * {@code BitcoinRpcFollowMetricsAutoConfigurationTests}.
 */
class BitcoinRpcFollowMetricsTests {

	private static final Cursor PARENT = cursor(10, 'a', 'f');

	private static final Cursor A = cursor(11, 'b', 'a');

	private static final Cursor B = cursor(12, 'c', 'b');

	private final BitcoinRpcClient client = BitcoinRpcClient.create("ws://127.0.0.1:1/ws", "u", "p");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final BitcoinRpcFollowMetrics metrics = new BitcoinRpcFollowMetrics("payments", () -> null);

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void countersStartAtZeroAndGaugesAreUnknownWithoutAFollower() {
		this.metrics.bindTo(this.registry);
		assertThat(count(BitcoinRpcFollowMetrics.CATCH_UPS)).isZero();
		assertThat(count(BitcoinRpcFollowMetrics.HANDLER_FAILURES)).isZero();
		assertThat(count(BitcoinRpcFollowMetrics.BLOCKS_SKIPPED)).isZero();
		assertThat(connected()).isZero();
		assertThat(disconnected()).isZero();
		assertThat(gauge(BitcoinRpcFollowMetrics.CURSOR_HEIGHT)).isNaN();
		assertThat(gauge(BitcoinRpcFollowMetrics.TIP_HEIGHT)).isNaN();
		assertThat(gauge(BitcoinRpcFollowMetrics.LAG)).isNaN();
		assertThat(this.registry.get(BitcoinRpcFollowMetrics.LAST_BLOCK_AGE).tag("follower", "payments").timeGauge().value())
			.isNaN();
		assertThat(gauge(BitcoinRpcFollowMetrics.ACTIVE)).isZero();
	}

	@Test
	void aChangeCountsOnceTheNextEventShowsItRecorded() {
		this.metrics.bindTo(this.registry);
		block(connected(A));
		assertThat(connected()).as("handled, not yet recorded").isZero();
		block(connected(B));
		assertThat(connected()).isEqualTo(1);
		event(new FollowerEvent.CaughtUp(B, 2));
		assertThat(connected()).isEqualTo(2);
		assertThat(count(BitcoinRpcFollowMetrics.CATCH_UPS)).isEqualTo(1);
	}

	@Test
	void aRetriedBlockCountsOnceAndEachFailureCounts() {
		this.metrics.bindTo(this.registry);
		block(connected(A));
		event(new FollowerEvent.HandlerFailed(connected(A), 1, new IllegalStateException("1"), true));
		block(connected(A));
		event(new FollowerEvent.HandlerFailed(connected(A), 2, new IllegalStateException("2"), true));
		block(connected(A));
		event(new FollowerEvent.CaughtUp(A, 1));
		assertThat(connected()).isEqualTo(1);
		assertThat(count(BitcoinRpcFollowMetrics.HANDLER_FAILURES)).isEqualTo(2);
	}

	@Test
	void aFailureBeforeTheBlockEventOfTheNextBlockMeansThePreviousWasRecorded() {
		this.metrics.bindTo(this.registry);
		block(connected(A));
		// A handler bean threw on B before its block event was published.
		event(new FollowerEvent.HandlerFailed(connected(B), 1, new IllegalStateException(), true));
		assertThat(connected()).isEqualTo(1);
	}

	@Test
	void aSkippedBlockIsNotAChange() {
		this.metrics.bindTo(this.registry);
		block(connected(A));
		event(new FollowerEvent.HandlerFailed(connected(A), 1, new IllegalStateException(), false));
		event(new FollowerEvent.BlockSkipped(connected(A), new IllegalStateException()));
		event(new FollowerEvent.CaughtUp(A, 1));
		assertThat(connected()).isZero();
		assertThat(count(BitcoinRpcFollowMetrics.BLOCKS_SKIPPED)).isEqualTo(1);
		assertThat(count(BitcoinRpcFollowMetrics.HANDLER_FAILURES)).isEqualTo(1);
	}

	@Test
	void aReorgCountsByType() {
		this.metrics.bindTo(this.registry);
		block(disconnected(A));
		block(connected(B));
		event(new FollowerEvent.CaughtUp(B, 2));
		assertThat(disconnected()).isEqualTo(1);
		assertThat(connected()).isEqualTo(1);
	}

	@Test
	void aStopDuringTheHandlingCountsOnlyIfTheCursorMoved() {
		this.metrics.bindTo(this.registry);
		block(connected(A));
		event(new FollowerEvent.Stopped(PARENT, "closed"));
		assertThat(connected()).isZero();
		block(connected(A));
		event(new FollowerEvent.Stopped(A, "closed"));
		assertThat(connected()).isEqualTo(1);
		block(disconnected(A));
		event(new FollowerEvent.Stopped(A, "closed"));
		assertThat(disconnected()).isZero();
		block(disconnected(A));
		event(new FollowerEvent.Stopped(PARENT, "closed"));
		assertThat(disconnected()).isEqualTo(1);
	}

	@Test
	void aStandbyWithoutAFollowerToAskDoesNotCount() {
		this.metrics.bindTo(this.registry);
		block(connected(A));
		event(new FollowerEvent.Standby("other", "lost the lease"));
		event(new FollowerEvent.CaughtUp(A, 1));
		assertThat(connected()).isZero();
	}

	@Test
	void boundTwiceToOneRegistryCountsOnce() {
		this.metrics.bindTo(this.registry);
		this.metrics.bindTo(this.registry);
		event(new FollowerEvent.CaughtUp(A, 1));
		assertThat(count(BitcoinRpcFollowMetrics.CATCH_UPS)).isEqualTo(1);
	}

	@Test
	void boundToTwoRegistriesCountsInBoth() {
		SimpleMeterRegistry other = new SimpleMeterRegistry();
		this.metrics.bindTo(this.registry);
		this.metrics.bindTo(other);
		block(connected(A));
		event(new FollowerEvent.CaughtUp(A, 1));
		assertThat(connected()).isEqualTo(1);
		assertThat(other.get(BitcoinRpcFollowMetrics.CHANGES).tag("type", "connected").counter().count()).isEqualTo(1);
	}

	private void block(Notification.BlockChange change) {
		this.metrics.onApplicationEvent(BitcoinRpcNotificationEvent.of(this.client, change));
	}

	private void event(FollowerEvent event) {
		this.metrics.onApplicationEvent(new PayloadApplicationEvent<>(this, event));
	}

	private double count(String name) {
		return this.registry.get(name).tag("follower", "payments").counter().count();
	}

	private double connected() {
		return this.registry.get(BitcoinRpcFollowMetrics.CHANGES).tags("follower", "payments", "type", "connected")
			.counter()
			.count();
	}

	private double disconnected() {
		return this.registry.get(BitcoinRpcFollowMetrics.CHANGES).tags("follower", "payments", "type", "disconnected")
			.counter()
			.count();
	}

	private double gauge(String name) {
		return this.registry.get(name).tag("follower", "payments").gauge().value();
	}

	private static Notification.BlockConnected connected(Cursor block) {
		return new Notification.BlockConnected(block.hash(), block.height(), block.time());
	}

	private static Notification.BlockDisconnected disconnected(Cursor block) {
		return new Notification.BlockDisconnected(block.hash(), block.height(), block.time());
	}

	private static Cursor cursor(long height, char hash, char previous) {
		return new Cursor(String.valueOf(hash).repeat(64), height, 1_700_000_000L + height,
				String.valueOf(previous).repeat(64));
	}

}
