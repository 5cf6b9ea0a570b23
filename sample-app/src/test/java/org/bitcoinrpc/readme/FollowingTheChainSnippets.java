package org.bitcoinrpc.readme;

// tag::follower[]
import java.nio.file.Path;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.StartPoint;

// end::follower[]
// tag::zmq-follower[]
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.zmq.ZmqOptions;
import org.bitcoinrpc.client.zmq.ZmqSubscriber;
import org.bitcoinrpc.client.zmq.ZmqTopic;

// end::zmq-follower[]
import org.bitcoinrpc.client.BitcoinRpcClient;

/**
 * README "Following the chain": compiled, never run (a directory under /var/lib, a node's ZMQ
 * port). The chain follower's behaviour is tested in bitcoin-rpc-client-core.
 */
final class FollowingTheChainSnippets {

	private FollowingTheChainSnippets() {
	}

	static void follow(BitcoinRpcClient client) {
		// tag::follower[]
		CursorStore store = CursorStore.files(Path.of("/var/lib/myapp/cursors"));
		try (ChainFollower follower = ChainFollower.builder(client)
				.name("payments")
				.store(store)
				.startPoint(StartPoint.tip())
				.handler((change) -> {
					if (change instanceof Notification.BlockConnected block) {
						System.out.println("+ " + block.height() + " " + block.hash());
					}
					else {
						System.out.println("- " + change.height() + " " + change.hash());
					}
				})
				.start()) {
			// ... the application runs; close() stops the follower.
		}
		// end::follower[]
	}

	static void followWithZmq(BitcoinRpcClient client) {
		// tag::zmq-follower[]
		try (ZmqSubscriber zmq = ZmqSubscriber.start(ZmqOptions.builder()
				.endpoint(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:28334")
				.build(), client::dispatchEvent);
				ChainFollower follower = ChainFollower.builder(client)
					.wakeSources(zmq)
					.handler((change) -> System.out.println(change))
					.start()) {
			// ... blocks mined while ZMQ was down are read when it is back (or at the next poll).
		}
		// end::zmq-follower[]
	}

}
