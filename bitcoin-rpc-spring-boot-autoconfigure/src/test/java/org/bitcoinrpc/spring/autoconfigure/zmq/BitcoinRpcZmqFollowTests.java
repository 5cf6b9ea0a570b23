package org.bitcoinrpc.spring.autoconfigure.zmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.event.ZmqNotificationEvent;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.zmq.ZmqPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bitcoin Core's way: HTTP with ZMQ and {@code notifications.blocks=true}. The follower is woken by
 * ZMQ's block messages (its poll interval here is an hour, so nothing else wakes it): announced
 * blocks arrive as {@code BlockConnectedEvent}s from the follower, blocks mined while ZMQ was down
 * arrive once each when it is back, and a stop and start of the context leaves the new subscriber
 * waking the new follower.
 */
@ExtendWith(OutputCaptureExtension.class)
class BitcoinRpcZmqFollowTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private SimulatedNode node;

	private ZmqPublisher publisher;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class,
				BitcoinRpcFollowAutoConfiguration.class))
		.withBean(Listener.class);

	@BeforeEach
	void start() {
		this.node = SimulatedNode.builder().user("u").password("p").initialHeight(10).build().start();
		this.publisher = new ZmqPublisher(List.of("sequence"));
	}

	@AfterEach
	void stop() {
		this.publisher.close();
		this.node.close();
	}

	@Test
	void zmqWakesTheFollowerAndBlocksMissedWhileItWasDownArriveOnceEach(CapturedOutput output) {
		this.runner
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.notifications.blocks=true", "bitcoin.rpc.follow.poll-interval=1h",
					"bitcoin.rpc.zmq.enabled=true", "bitcoin.rpc.zmq.sequence=" + this.publisher.endpoint("sequence"),
					"bitcoin.rpc.zmq.handshake-timeout=500ms", "bitcoin.rpc.zmq.reconnect-interval=50ms")
			.run((context) -> {
				assertThat(output).contains("over HTTP: woken by ZMQ block messages (bitcoin.rpc.zmq), polling "
						+ "getbestblockhash every 1h as well");
				BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
				BitcoinRpcFollowLifecycle follower = context.getBean(BitcoinRpcFollowLifecycle.class);
				assertThat(follower.wakeSource()).isEqualTo(BitcoinRpcProperties.Follow.Source.ZMQ);
				Listener listener = context.getBean(Listener.class);
				awaitReady(zmq, follower);

				// Mined on the node and announced: the follower's event, and ZMQ's own hint.
				String announced = this.node.generate(1).get(0);
				this.publisher.publishSequence(announced, 'C', null);
				await().atMost(WAIT).until(() -> listener.connected.size() == 1);
				assertThat(listener.connected).containsExactly("+11 " + announced);
				await().atMost(WAIT).until(() -> listener.hints.contains(announced));

				// Mined while the publisher is stopped, never announced: delivered once it is back.
				this.publisher.stop();
				await().atMost(WAIT).until(() -> !zmq.isListening());
				// The follower, woken as ZMQ went down, has looked and gone idle.
				assertThat(this.node.awaitQuiet("getbestblockhash", Duration.ofMillis(300), WAIT)).isTrue();
				List<String> missed = this.node.generate(3);
				// Nothing wakes the follower until ZMQ is back (it polls once an hour).
				await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> listener.connected.size() == 1);
				this.publisher.start();
				await().atMost(WAIT).until(() -> listener.connected.size() == 4);
				await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> listener.connected.size() == 4);
				assertThat(listener.connected).containsExactlyElementsOf(connects(11));
				assertThat(listener.connected.subList(1, 4)).containsExactly("+12 " + missed.get(0),
						"+13 " + missed.get(1), "+14 " + missed.get(2));

				// A stop and start of the context: a new subscriber, a new follower, woken by it.
				context.stop();
				String whileStopped = this.node.generate(1).get(0);
				context.start();
				awaitReady(zmq, follower);
				await().atMost(WAIT).until(() -> listener.connected.contains("+15 " + whileStopped));
				String after = this.node.generate(1).get(0);
				this.publisher.publishSequence(after, 'C', null);
				await().atMost(WAIT).until(() -> listener.connected.size() == 6);
				assertThat(listener.connected).containsExactlyElementsOf(connects(11));
			});
	}

	/** The subscriber connected and subscribed (ZMQ's slow joiner), and the follower at its start. */
	private void awaitReady(BitcoinRpcZmqLifecycle zmq, BitcoinRpcFollowLifecycle follower) {
		await().atMost(WAIT).until(zmq::isListening);
		await().atMost(WAIT).until(() -> this.publisher.awaitSubscribed("sequence", Duration.ofMillis(50)));
		await().atMost(WAIT).until(() -> follower.cursor() != null);
	}

	/** The node's best chain from {@code from} to its tip, as the follower's events. */
	private List<String> connects(int from) {
		List<String> hashes = this.node.blockHashes(from);
		List<String> expected = new ArrayList<>();
		hashes.forEach((hash) -> expected.add("+" + (from + expected.size()) + " " + hash));
		return expected;
	}

	static class Listener {

		final List<String> connected = new CopyOnWriteArrayList<>();

		final List<String> hints = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BlockConnectedEvent event) {
			this.connected.add("+" + event.notification().height() + " " + event.notification().hash());
		}

		// Raw on purpose: a listener written before ZmqNotificationEvent had its type parameter.
		@SuppressWarnings("rawtypes")
		@EventListener
		void on(ZmqNotificationEvent event) {
			if (event.event() instanceof ZmqEvent.BlockAnnounced announced) {
				assertThat(announced.topic()).isEqualTo(ZmqTopic.SEQUENCE);
				this.hints.add(announced.blockHash());
			}
		}

	}

}
