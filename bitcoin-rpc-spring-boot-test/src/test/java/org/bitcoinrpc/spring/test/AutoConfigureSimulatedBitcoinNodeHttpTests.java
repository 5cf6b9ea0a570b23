package org.bitcoinrpc.spring.test;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.test.app.TestApplication;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureSimulatedBitcoinNode} over HTTP POST, as with Bitcoin Core: the client uses
 * the node's HTTP URL, and the chain follower gives the block events.
 */
@SpringBootTest(classes = TestApplication.class, properties = "bitcoin.rpc.follow.enabled=true")
@AutoConfigureSimulatedBitcoinNode(transport = TransportMode.HTTP_POST, initialHeight = 2)
class AutoConfigureSimulatedBitcoinNodeHttpTests {

	@Autowired
	SimulatedNode node;

	@Autowired
	BitcoinRpcClient client;

	@Autowired
	BitcoinRpcEvents events;

	@Test
	void theFollowerDeliversAMinedBlockOverHttp() {
		assertThat(this.client.options().mode()).isEqualTo(TransportMode.HTTP_POST);
		assertThat(this.client.options().url().toString()).isEqualTo(this.node.httpUrl());
		assertThat(this.node.isConnectionClose()).isFalse();
		String hash = this.node.generate(1).get(0);
		BlockConnectedEvent event = this.events.await(BlockConnectedEvent.class,
				(connected) -> connected.getPayload().height() == 3);
		assertThat(event.getPayload().hash()).isEqualTo(hash);
	}

}
