package org.bitcoinrpc.client.reliability;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.StartPoint;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chaos for the chain follower: while blocks are mined, the node reorganises, restarts and drops
 * connections, the client is suspended and the application restarted (a new follower on the same
 * store), all at random (seeded). Replaying what the handler was given (a connect pushes, a
 * disconnect pops) must give exactly the node's best chain: every block once, in order, each
 * reorg unwound before the new branch.
 */
class FollowerChaosTests {

	private static final int STEPS = 60;

	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void tearDown() throws Exception {
		for (int i = this.closing.size() - 1; i >= 0; i--) {
			this.closing.get(i).close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	@Timeout(120)
	void theHandledSequenceReplaysToTheNodesBestChain(String transport) throws Exception {
		Random random = new Random(Reliability.seed("follower chaos " + transport, transport.hashCode() * 31L + 7));
		SimulatedNode node = SimulatedNode.builder().user("user").password("pass").initialHeight(20).build().start();
		this.closing.add(node);
		BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(transport.equals("ws") ? node.wsUrl() : node.httpUrl()).credentials("user", "pass")
			.reconnectDelay(Delay.constant(Duration.ofMillis(30))).connectTimeout(Duration.ofSeconds(2))
			.requestTimeout(Duration.ofSeconds(5)).build());
		this.closing.add(client);
		client.connect();
		CursorStore store = CursorStore.inMemory();
		List<Notification.BlockChange> handled = new CopyOnWriteArrayList<>();
		ChainFollower follower = start(client, store, handled);
		int reorgs = 0;
		int restarts = 0;
		for (int step = 0; step < STEPS; step++) {
			int action = random.nextInt(100);
			if (action < 40) {
				node.generate(1 + random.nextInt(4));
			}
			else if (action < 55 && node.blockCount() > 25) {
				node.reorg(1 + random.nextInt(4));
				reorgs++;
			}
			else if (action < 65) {
				node.dropConnections();
			}
			else if (action < 72) {
				node.restart();
			}
			else if (action < 80) {
				client.suspend();
				node.generate(1 + random.nextInt(3));
				client.connectAsync();
			}
			else if (action < 90) {
				// The application restarts: a new follower resumes from the store.
				follower.close();
				node.generate(1 + random.nextInt(3));
				follower = start(client, store, handled);
				restarts++;
			}
			if (random.nextInt(3) == 0) {
				// Now and then the chaos pauses until the follower has caught up; otherwise the next
				// step comes at once, in the middle of its walk.
				awaitCaughtUp(follower, node);
			}
		}
		awaitCaughtUp(follower, node);

		List<String> replayed = replay(handled);
		List<String> chain = new ArrayList<>();
		for (int height = 21; height <= node.blockCount(); height++) {
			chain.add(node.blockHash(height));
		}
		assertThat(replayed).as("the handled changes replayed").containsExactlyElementsOf(chain);
		System.out.printf("[reliability] follower chaos %s: %d changes handled, %d reorgs, %d app restarts, tip %d%n",
				transport, handled.size(), reorgs, restarts, node.blockCount());
	}

	private static void awaitCaughtUp(ChainFollower follower, SimulatedNode node) {
		await().atMost(Duration.ofSeconds(30)).until(() -> follower.cursor() != null
				&& follower.cursor().hash().equals(node.bestBlockHash()));
	}

	private ChainFollower start(BitcoinRpcClient client, CursorStore store, List<Notification.BlockChange> handled) {
		ChainFollower follower = ChainFollower.builder(client).name("chaos").store(store).startPoint(StartPoint.height(21))
			.pollInterval(Duration.ofMillis(50)).handler(handled::add).start();
		this.closing.add(follower);
		return follower;
	}

	/** Applies the changes to a chain that starts at height 20: a connect must extend it, a disconnect remove its tip. */
	private static List<String> replay(List<Notification.BlockChange> changes) {
		Deque<Notification.BlockChange> chain = new ArrayDeque<>();
		long tipHeight = 20;
		for (Notification.BlockChange change : changes) {
			if (change instanceof Notification.BlockConnected connected) {
				assertThat(connected.height()).as("connect of %s extends the tip", connected).isEqualTo(tipHeight + 1);
				chain.addLast(connected);
				tipHeight++;
			}
			else {
				assertThat(chain.peekLast()).as("disconnect of %s removes the tip", change).isNotNull();
				assertThat(chain.peekLast().hash()).as("disconnect of %s removes the tip", change).isEqualTo(change.hash());
				chain.removeLast();
				tipHeight--;
			}
		}
		return chain.stream().map(Notification.BlockChange::hash).toList();
	}

}
