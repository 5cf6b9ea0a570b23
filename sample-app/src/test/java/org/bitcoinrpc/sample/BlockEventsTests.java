package org.bitcoinrpc.sample;

// tag::simulated-node[]
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.test.AutoConfigureSimulatedBitcoinNode;
import org.bitcoinrpc.spring.test.BitcoinRpcEvents;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// end::simulated-node[]
/**
 * README "Testing your application", the simulated node: the whole sample app (its chain follower,
 * its H2 ledger) against a node the test declares with one annotation, and a mined block waited
 * for without sleeping.
 */
// tag::simulated-node[]
@SpringBootTest
@AutoConfigureSimulatedBitcoinNode(initialHeight = 100)
class BlockEventsTests {

	@Autowired
	SimulatedNode node;

	@Autowired
	BitcoinRpcEvents events;

	@Test
	void aMinedBlockReachesTheApplication() {
		int height = this.node.blockCount() + 1;
		String hash = this.node.generate(1).get(0);
		BlockConnectedEvent event = this.events.await(BlockConnectedEvent.class,
				(connected) -> connected.getPayload().height() == height);
		assertThat(event.getPayload().hash()).isEqualTo(hash);
	}

}
// end::simulated-node[]
