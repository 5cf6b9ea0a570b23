package org.bitcoinrpc.spring.autoconfigure.zmq;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.zmq.ZmqStats;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
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
 * ZMQ's block messages (its poll interval here is an hour), and the block events come from the
 * follower only: ZMQ's own block events, which go through the client, are not published again.
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
		this.node = SimulatedNode.builder().user("u").password("p").build().start();
		this.publisher = new ZmqPublisher(List.of("hashblock"));
	}

	@AfterEach
	void stop() {
		this.publisher.close();
		this.node.close();
	}

	@Test
	void zmqWakesTheFollowerAndEachBlockIsPublishedOnce(CapturedOutput output) {
		this.node.generate(2);
		this.runner
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.notifications.blocks=true", "bitcoin.rpc.follow.poll-interval=1h",
					"bitcoin.rpc.zmq.enabled=true", "bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock"),
					"bitcoin.rpc.zmq.handshake-timeout=500ms", "bitcoin.rpc.zmq.reconnect-interval=50ms",
					"bitcoin.rpc.zmq.catch-up-retry-interval=200ms")
			.run((context) -> {
				assertThat(output).contains("over HTTP: woken by ZMQ block notifications (bitcoin.rpc.zmq)");
				BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
				BitcoinRpcFollowLifecycle follower = context.getBean(BitcoinRpcFollowLifecycle.class);
				Listener listener = context.getBean(Listener.class);
				List<String> fromZmq = new CopyOnWriteArrayList<>();
				context.getBean(BitcoinRpcClient.class).addListener((event) -> {
					if (event instanceof Notification.BlockConnected block) {
						fromZmq.add(block.hash());
					}
				});
				await().atMost(WAIT).until(() -> {
					ZmqStats stats = zmq.stats();
					return stats != null && stats.tipHash() != null && stats.connectedEndpoints() == stats.endpoints();
				});
				await().atMost(WAIT).until(() -> this.publisher.awaitSubscribed("hashblock", Duration.ofMillis(50)));
				await().atMost(WAIT).until(() -> follower.cursor() != null);

				String hash = this.node.generate(1).get(0);
				this.publisher.publishHashBlock(hash);
				await().atMost(WAIT).until(() -> listener.hashes.contains(hash) && fromZmq.contains(hash));
				assertThat(follower.cursor().hash()).isEqualTo(hash);
				assertThat(listener.hashes).containsExactly(hash);
			});
	}

	static class Listener {

		final List<String> hashes = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BlockConnectedEvent event) {
			this.hashes.add(event.notification().hash());
		}

	}

}
