package org.bitcoinrpc.client.follow;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.test.Fixtures;
import org.bitcoinrpc.test.SimnetTransactions;
import org.bitcoinrpc.test.SimulatedNode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the full-block mode over btcd (the simulated node answers as btcd does for a block off its
 * best chain: serialized only), a disconnected block comes with its transactions, rebuilt from
 * its serialization and decoded by the node; a failure to fetch it is retried, and a block that
 * does not parse is never delivered.
 */
class StaleBlockFollowingTests {

	/** A segwit spend (Bitcoin Core's fixture); the simulated node checks no inputs. */
	private static final String SEGWIT_SPEND = Fixtures.fixture("core/http-getblock-verbosity2.json").get("response")
		.get("result").get("tx").get(1).get("hex").stringValue();

	/** What each test opened, closed after it newest first: the node (a new one per test) last. */
	private final Deque<AutoCloseable> closing = new ArrayDeque<>();

	private final SimulatedNode node = closing(
			SimulatedNode.builder().user("user").password("pass").initialHeight(10).build().start());

	@AfterEach
	void close() throws Exception {
		while (!this.closing.isEmpty()) {
			this.closing.pop().close();
		}
	}

	private <T extends AutoCloseable> T closing(T resource) {
		this.closing.push(resource);
		return resource;
	}

	private BitcoinRpcClient client(String transport, Duration requestTimeout) {
		String url = transport.equals("ws") ? this.node.wsUrl() : this.node.httpUrl();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(ClientOptions.builder().url(url)
			.credentials("user", "pass").requestTimeout(requestTimeout)
			.reconnectDelay(Delay.constant(Duration.ofMillis(50))).build()));
		client.connect();
		return client;
	}

	private ChainFollower follow(BitcoinRpcClient client, Blocks blocks) {
		ChainFollower follower = closing(ChainFollower.builder(client).pollInterval(Duration.ofMillis(100))
			.fullBlocks(blocks).start());
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);
		return follower;
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void aReorgOfDepthTwoGivesBothBlocksNewestFirstWithTheTransactionsTheyHadWhenConnected(String transport) {
		Blocks blocks = new Blocks();
		follow(client(transport, Duration.ofSeconds(10)), blocks);
		this.node.submitTransaction(SimnetTransactions.spend("11".repeat(32), 0, SimnetTransactions.address(1), 100_000_000L));
		this.node.generate(1);
		this.node.submitTransaction(SEGWIT_SPEND);
		this.node.submitTransaction(SimnetTransactions.spend("22".repeat(32), 1, SimnetTransactions.address(2), 5L));
		this.node.generate(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> blocks.changes().size() == 2);
		String eleven = this.node.blockHash(11);
		String twelve = this.node.blockHash(12);

		this.node.reorg(2);

		await().atMost(Duration.ofSeconds(10)).until(() -> blocks.changes().size() == 2 + 2 + 3);
		assertThat(blocks.changes().subList(0, 4)).containsExactly("+11 " + eleven, "+12 " + twelve, "-12 " + twelve,
				"-11 " + eleven);
		BlockWithTransactions connected12 = blocks.block(1);
		BlockWithTransactions connected11 = blocks.block(0);
		assertStale(blocks.block(2), connected12, 12);
		assertStale(blocks.block(3), connected11, 11);
		assertThat(blocks.block(2).transactions()).hasSize(3);
		assertThat(blocks.block(2).transactions().get(1).vin().get(0).witness()).isNotEmpty();
		assertThat(blocks.block(3).transactions()).hasSize(2);
		assertThat(this.node.requestCount("decoderawtransaction")).isEqualTo(3 + 2);
	}

	/** The disconnected block is the connected one, as btcd's decoder shows its transactions, off the best chain. */
	private static void assertStale(BlockWithTransactions stale, BlockWithTransactions connected, long height) {
		assertThat(stale.height()).isEqualTo(height);
		assertThat(stale.confirmations()).isEqualTo(-1L);
		assertThat(stale.nextBlockHash()).isNull();
		assertThat(stale.transactions()).extracting(RawTransaction::txid)
			.containsExactlyElementsOf(connected.transactions().stream().map(RawTransaction::txid).toList());
		assertThat(stale).usingRecursiveComparison()
			.ignoringFields("confirmations", "nextBlockHash", "transactions.hex", "transactions.hash", "transactions.size",
					"transactions.vsize", "transactions.weight", "transactions.blockHash", "transactions.confirmations",
					"transactions.time", "transactions.blockTime")
			.isEqualTo(connected);
	}

	@Test
	void aDisconnectedBlockTheNodeDoesNotAnswerForIsAskedForAgainNotDeliveredWithout() {
		Blocks blocks = new Blocks();
		ChainFollower follower = follow(client("http", Duration.ofMillis(300)), blocks);
		this.node.submitTransaction(SimnetTransactions.spend("11".repeat(32), 0, SimnetTransactions.address(1), 1L));
		String stale = this.node.generate(1).get(0);
		await().atMost(Duration.ofSeconds(10)).until(() -> blocks.changes().size() == 1);
		this.node.neverAnswer("getblock");
		this.node.resetCounts();

		this.node.reorg(1);

		// A timeout, not an answer from the node: tried again, and meanwhile nothing is delivered.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.node.requestCount("getblock") >= 2);
		assertThat(blocks.changes()).hasSize(1);
		assertThat(follower.cursor().hash()).isEqualTo(stale);
		this.node.resetControls();
		await().atMost(Duration.ofSeconds(10)).until(() -> blocks.changes().size() == 1 + 1 + 2);
		assertThat(blocks.changes().get(1)).isEqualTo("-11 " + stale);
		assertStale(blocks.block(1), blocks.block(0), 11);
	}

	@ParameterizedTest
	@ValueSource(strings = { "truncated", "trailing bytes" })
	void aSerializedBlockThatDoesNotParseIsNeverDeliveredAndTheFollowerTriesAgain(String malformation) {
		// The simulated node mines any submitted bytes as they are: a transaction cut short, or one
		// with a byte after it, makes a block whose serialization does not parse.
		String bytes = malformation.equals("truncated") ? "0badf00d"
				: SimnetTransactions.spend("11".repeat(32), 0, SimnetTransactions.address(1), 1L) + "00";
		Logger logger = (Logger) LoggerFactory.getLogger(ChainFollower.class);
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		logger.addAppender(log);
		closing(() -> logger.detachAppender(log));
		Blocks blocks = new Blocks();
		ChainFollower follower = follow(client("http", Duration.ofSeconds(10)), blocks);
		this.node.submitTransaction(bytes);
		String stale = this.node.generate(1).get(0);
		await().atMost(Duration.ofSeconds(10)).until(() -> blocks.changes().size() == 1);

		this.node.reorg(1);

		await().atMost(Duration.ofSeconds(10)).until(() -> serializedRequests(stale) >= 3);
		assertThat(blocks.changes()).containsExactly("+11 " + stale);
		assertThat(follower.isRunning()).isTrue();
		assertThat(follower.cursor().hash()).isEqualTo(stale);
		assertThat(log.list).filteredOn((event) -> event.getLevel() == Level.WARN)
			.extracting(ILoggingEvent::getFormattedMessage)
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("cannot follow the chain now (the serialized block " + stale + " cannot be read: ")
			.contains(malformation.equals("truncated") ? "The block is truncated in transaction 2 of 2: its input count"
					: "1 bytes follow the last of the block's 2 transactions");
	}

	/** How often the node was asked for this block serialized. */
	private long serializedRequests(String hash) {
		return this.node.receivedRequests().stream()
			.filter((request) -> request.method().equals("getblock") && request.paramsJson().contains(hash)
					&& request.paramsJson().endsWith(",0]"))
			.count();
	}

	/** Records what the handler was given, in order. */
	static final class Blocks implements FullBlockHandler {

		private final List<String> changes = new CopyOnWriteArrayList<>();

		private final List<BlockWithTransactions> blocks = new CopyOnWriteArrayList<>();

		@Override
		public void handle(Notification.BlockChange change, @Nullable BlockWithTransactions block) {
			assertThat(block).as("the block of %s", change).isNotNull();
			assertThat(block.hash()).isEqualTo(change.hash());
			assertThat(block.height()).isEqualTo(change.height());
			this.blocks.add(block);
			this.changes.add(((change instanceof Notification.BlockConnected) ? "+" : "-") + change.height() + " "
					+ change.hash());
		}

		List<String> changes() {
			return List.copyOf(this.changes);
		}

		BlockWithTransactions block(int index) {
			return this.blocks.get(index);
		}

	}

}
