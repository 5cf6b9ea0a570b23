package org.bitcoinrpc.spring.test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.test.app.TestApplication;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.spring.event.BitcoinRpcConnectionEvent;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.event.ConnectedEvent;
import org.bitcoinrpc.spring.event.DisconnectedEvent;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AutoConfigureSimulatedBitcoinNode} in a {@code @SpringBootTest}: the client connects to
 * the node with no property about it, two test classes sharing the cached context share its
 * running node without a reconnect, and {@link BitcoinRpcEvents} waits for a mined block.
 */
@SpringBootTest(classes = TestApplication.class, properties = "bitcoin.rpc.notifications.blocks=true")
@AutoConfigureSimulatedBitcoinNode(initialHeight = 3)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class AutoConfigureSimulatedBitcoinNodeTests {

	/** What the first test class saw, for the second one. */
	static final AtomicReference<ApplicationContext> firstContext = new AtomicReference<>();

	static final AtomicReference<SimulatedNode> firstNode = new AtomicReference<>();

	@Nested
	@Order(1)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class FirstTestClass {

		@Autowired
		ApplicationContext context;

		@Autowired
		SimulatedNode node;

		@Autowired
		BitcoinRpcClient client;

		@Autowired
		BitcoinRpcEvents events;

		/** First: the context's start-up events are still recorded (each test clears them after it). */
		@Test
		@Order(1)
		void theClientIsConnectedToTheNodeWithNoPropertyAboutIt() {
			assertThat(this.client.options().url().toString()).isEqualTo(this.node.wsUrl());
			assertThat(this.events.await(ConnectedEvent.class).getPayload().url()).isEqualTo(this.node.wsUrl());
			assertThat(this.client.getBlockCount()).isEqualTo(3);
			firstContext.set(this.context);
			firstNode.set(this.node);
		}

		@Test
		void awaitsAMinedBlockWithoutSleeping() {
			int height = this.node.blockCount() + 1;
			String hash = this.node.generate(1).get(0);
			BlockConnectedEvent event = this.events.await(BlockConnectedEvent.class,
					(connected) -> connected.getPayload().height() == height);
			assertThat(event.getPayload().hash()).isEqualTo(hash);
			assertThat(this.events.awaitPayload(Notification.BlockConnected.class, (block) -> block.height() == height))
				.isSameAs(event.getPayload());
		}

		@Test
		void aWaitThatTimesOutListsWhatWasRecorded() {
			int height = this.node.blockCount() + 1;
			this.node.generate(1);
			this.events.await(BlockConnectedEvent.class, (connected) -> connected.getPayload().height() == height);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.events.await(BlockConnectedEvent.class,
						(connected) -> connected.getPayload().height() == height + 100, Duration.ofMillis(200)))
				.withMessageStartingWith("No BlockConnectedEvent matching the condition within PT0.2S")
				.matches((failure) -> failure.getMessage().matches("(?s).*recorded since the last clear: \\d+ event\\(s\\):.*"))
				.withMessageContaining("BlockConnectedEvent[BlockConnected[hash=")
				.withMessageContaining("height=" + height);
		}

	}

	@Nested
	@Order(2)
	class SecondTestClass {

		@Autowired
		ApplicationContext context;

		@Autowired
		SimulatedNode node;

		@Autowired
		BitcoinRpcClient client;

		@Autowired
		BitcoinRpcEvents events;

		@Test
		void theCachedContextKeptItsNodeAndItsConnection() {
			assertThat(this.context).isSameAs(firstContext.get());
			assertThat(this.node).isSameAs(firstNode.get());
			assertThat(this.node.isRunning()).isTrue();
			assertThat(this.client.isConnected()).isTrue();
			// Cleared after the first class's last test: nothing about the connection since.
			assertThat(this.events.events(BitcoinRpcConnectionEvent.class)).isEmpty();
			assertThat(this.events.events(DisconnectedEvent.class)).isEmpty();
			assertThat(this.node.openWebSocketSessions()).isEqualTo(1);
			assertThat(this.client.getBlockCount()).isEqualTo(this.node.blockCount());
		}

	}

}
