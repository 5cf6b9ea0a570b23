package org.bitcoinrpc.spring.autoconfigure.follow;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.client.follow.FollowerEvent;
import org.bitcoinrpc.client.follow.FullBlockHandler;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.event.BlockDisconnectedEvent;
import org.bitcoinrpc.spring.follow.BlockListener;
import org.bitcoinrpc.test.SimulatedNode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link BlockListener} methods: each signature gets the changes it asks for, in order through a
 * reorg, with the block when it takes one; they run after the handler beans, bean by bean in
 * {@code @Order} and method by method as declared, through the bean's proxy; one that throws fails
 * the block; a wrong signature fails the start-up. And {@code bitcoin.rpc.follow.with-transactions}
 * puts the block in the block events.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlockListenerTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	/** A node of its own for each test (JUnit makes an instance per test), at height 10. */
	@AutoClose
	private final SimulatedNode node = SimulatedNode.builder().user("u").password("p").initialHeight(10).build().start();

	private ApplicationContextRunner follower(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcFollowAutoConfiguration.class))
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.poll-interval=100ms",
					"bitcoin.rpc.follow.retry.initial-delay=20ms", "bitcoin.rpc.follow.retry.max-delay=100ms")
			.withPropertyValues(properties)
			.withUserConfiguration(Journal.class);
	}

	/**
	 * Mines two blocks, then replaces the second once the follower handled it: the disconnect is
	 * then certain to be delivered.
	 * @return the changes, as {@code Journal.describe} writes them
	 */
	private List<String> mineAndReorg(AssertableApplicationContext context) {
		BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
		await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
		List<String> mined = this.node.generate(2);
		await().atMost(WAIT).until(() -> lifecycle.cursor().hash().equals(mined.get(1)));
		String removed = this.node.disconnectTip();
		String replacement = this.node.generate(1).get(0);
		await().atMost(WAIT).until(() -> lifecycle.cursor().hash().equals(replacement));
		return List.of("+11 " + mined.get(0), "+12 " + removed, "-12 " + removed, "+12 " + replacement);
	}

	/**
	 * What the methods {@code any}, {@code connected} and {@code disconnected} and the block event
	 * listener must see: each change goes to {@code any}, then to the method of its kind, then out
	 * as an event, before the next change.
	 */
	private static List<String> anyThenMatchingThenEvent(List<String> changes) {
		List<String> expected = new ArrayList<>();
		for (String change : changes) {
			expected.add("any " + change);
			expected.add((change.startsWith("+") ? "connected " : "disconnected ") + change);
			expected.add("event " + change);
		}
		return expected;
	}

	@Test
	void eachOneParameterFormGetsItsChangesInOrderThroughAReorg(CapturedOutput output) {
		follower().withBean(OneParameter.class).run((context) -> {
			List<String> changes = mineAndReorg(context);
			Journal journal = context.getBean(Journal.class);
			assertThat(journal.entries).containsExactlyElementsOf(anyThenMatchingThenEvent(changes));
			// Headers only: no method asked for the block.
			assertThat(journal.eventBlocks).containsOnly("no block");
			assertThat(output).contains("0 BlockHandler bean(s), 3 @BlockListener method(s), then block events")
				.doesNotContain("whole blocks");
		});
	}

	@Test
	void twoParameterFormsGetTheBlockAndTurnTheFullBlockModeOn(CapturedOutput output) {
		follower().withBean(TwoParameters.class).run((context) -> {
			List<String> changes = mineAndReorg(context);
			Journal journal = context.getBean(Journal.class);
			assertThat(journal.entries).containsExactlyElementsOf(anyThenMatchingThenEvent(changes));
			TwoParameters methods = context.getBean(TwoParameters.class);
			// Every block whole, with its transactions: the disconnected one too, which the simulated
			// node (as btcd) serves only serialized and the follower rebuilds.
			assertThat(methods.blocks).containsExactly(hashOf(changes.get(0)), hashOf(changes.get(0)),
					hashOf(changes.get(1)), hashOf(changes.get(1)), hashOf(changes.get(2)), hashOf(changes.get(2)),
					hashOf(changes.get(3)), hashOf(changes.get(3)));
			assertThat(methods.transactions).allSatisfy((count) -> assertThat(count).isPositive());
			assertThat(output).contains("whole blocks, 4 fetched ahead; 0 BlockHandler and 0 FullBlockHandler bean(s), "
					+ "3 @BlockListener method(s)");
		});
	}

	private static String hashOf(String change) {
		return change.substring(change.indexOf(' ') + 1);
	}

	@Test
	void theyRunAfterTheHandlerBeansBeanByBeanInOrderAndMethodByMethodAsDeclared() {
		// Registered in no useful order: the calls must follow the beans' orders, then their
		// registration (unordered before unordered too), each bean's methods as declared (zulu
		// before alpha).
		follower().withBean("unordered", Named.class, "unordered")
			.withBean("unorderedToo", Named.class, "unordered too")
			.withBean("ordered", OrderedNamed.class, "ordered")
			.withBean("late", LateNamed.class, "late")
			.withUserConfiguration(Ordering.class)
			.run((context) -> {
				BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
				await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
				String hash = this.node.generate(1).get(0);
				await().atMost(WAIT).until(() -> lifecycle.cursor().hash().equals(hash));
				String change = " +11 " + hash;
				assertThat(context.getBean(Journal.class).entries).containsExactly("first handler" + change,
						"second handler" + change, "full block handler" + change, "early zulu" + change,
						"early alpha" + change, "late zulu" + change, "late alpha" + change, "ordered zulu" + change,
						"unordered zulu" + change, "unordered too zulu" + change, "event" + change);
			});
	}

	@Test
	void aMethodOfAProxiedBeanIsCalledThroughTheProxy() {
		follower().withUserConfiguration(Transactions.class).withBean(Ledger.class).run((context) -> {
			assertThat(AopUtils.isCglibProxy(context.getBean(Ledger.class))).isTrue();
			BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
			await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
			String hash = this.node.generate(1).get(0);
			await().atMost(WAIT).until(() -> lifecycle.cursor().hash().equals(hash));
			assertThat(context.getBean(Journal.class).entries).containsExactly("in a transaction +11 " + hash,
					"event +11 " + hash);
			assertThat(context.getBean(CountingTransactionManager.class).commits).hasValue(1);
		});
	}

	@Test
	void aMethodThatThrowsMakesTheBlockBeRetriedBeforeAnythingAfterIt() {
		follower().withBean(FailingOnce.class).run((context) -> {
			BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
			await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
			List<String> hashes = this.node.generate(2);
			await().atMost(WAIT).until(() -> lifecycle.cursor().hash().equals(hashes.get(1)));
			Journal journal = context.getBean(Journal.class);
			String first = " +11 " + hashes.get(0);
			String second = " +12 " + hashes.get(1);
			assertThat(journal.entries).containsExactly("attempt" + first, "attempt" + first, "after" + first,
					"event" + first, "attempt" + second, "after" + second, "event" + second);
			// The method's own exception, checked as it is, not the reflection's wrapper.
			assertThat(journal.failures).singleElement().satisfies((failed) -> {
				assertThat(failed.change().hash()).isEqualTo(hashes.get(0));
				assertThat(failed.willRetry()).isTrue();
				assertThat(failed.failure()).isInstanceOf(IOException.class).hasMessage("method failed");
			});
		});
	}

	@ParameterizedTest
	@ValueSource(classes = { NoParameter.class, NotABlockChange.class, AnyNotification.class, BlockFirst.class,
			NotABlock.class, ThreeParameters.class, NotVoid.class })
	void aWrongSignatureFailsTheStartUpNamingTheBeanAndTheMethod(Class<?> type) {
		follower().withBean("wrong", type).run((context) -> {
			assertThat(context).hasFailed();
			// Thrown once the singletons exist, before anything starts.
			assertThat(context.getStartupFailure())
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("@BlockListener method " + type.getName() + ".on(")
				.hasMessageContaining("of bean 'wrong'")
				.hasMessageContaining("must return void and take Notification.BlockChange, Notification.BlockConnected "
						+ "or Notification.BlockDisconnected, optionally followed by BlockWithTransactions");
		});
	}

	@Test
	void aPrivateMethodOfAProxiedBeanFailsTheStartUp() {
		follower().withUserConfiguration(Transactions.class)
			.withBean("privateLedger", PrivateLedger.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("@BlockListener method " + PrivateLedger.class.getName() + ".on(BlockConnected)")
					.hasMessageContaining("of bean 'privateLedger'")
					.hasMessageContaining("Switch its visibility to package or protected");
			});
	}

	@Test
	void withTransactionsPutsTheBlockInTheEvents(CapturedOutput output) {
		follower("bitcoin.rpc.follow.with-transactions=true").run((context) -> {
			List<String> changes = mineAndReorg(context);
			Journal journal = context.getBean(Journal.class);
			assertThat(journal.entries).containsExactly("event " + changes.get(0), "event " + changes.get(1),
					"event " + changes.get(2), "event " + changes.get(3));
			assertThat(journal.eventBlocks).containsExactly(hashOf(changes.get(0)) + " with transactions",
					hashOf(changes.get(1)) + " with transactions", hashOf(changes.get(2)) + " with transactions",
					hashOf(changes.get(3)) + " with transactions");
			assertThat(output).contains("whole blocks, 4 fetched ahead; 0 BlockHandler and 0 FullBlockHandler bean(s), "
					+ "then block events");
		});
	}

	/** What every participant saw, in the order they saw it, and the block events. */
	@Configuration(proxyBeanMethods = false)
	static class Journal {

		/** "who +height hash" or "who -height hash". */
		final List<String> entries = new CopyOnWriteArrayList<>();

		/** What each block event carried: "hash with transactions" or "no block". */
		final List<String> eventBlocks = new CopyOnWriteArrayList<>();

		final List<FollowerEvent.HandlerFailed> failures = new CopyOnWriteArrayList<>();

		void add(String who, Notification.BlockChange change) {
			this.entries.add(who + " " + describe(change));
		}

		@EventListener
		void on(BlockConnectedEvent event) {
			add("event", event.notification());
			this.eventBlocks.add(describe(event.getBlock()));
		}

		@EventListener
		void on(BlockDisconnectedEvent event) {
			add("event", event.notification());
			this.eventBlocks.add(describe(event.getBlock()));
		}

		@EventListener
		void on(FollowerEvent.HandlerFailed event) {
			this.failures.add(event);
		}

		static String describe(Notification.BlockChange change) {
			return ((change instanceof Notification.BlockConnected) ? "+" : "-") + change.height() + " " + change.hash();
		}

		private static String describe(@Nullable BlockWithTransactions block) {
			return (block != null && !block.transactions().isEmpty()) ? block.hash() + " with transactions" : "no block";
		}

	}

	static class OneParameter {

		private final Journal journal;

		OneParameter(Journal journal) {
			this.journal = journal;
		}

		@BlockListener
		void any(Notification.BlockChange change) {
			this.journal.add("any", change);
		}

		@BlockListener
		void connected(Notification.BlockConnected block) {
			this.journal.add("connected", block);
		}

		@BlockListener
		void disconnected(Notification.BlockDisconnected block) {
			this.journal.add("disconnected", block);
		}

	}

	static class TwoParameters {

		static final String NO_BLOCK = "no block";

		private final Journal journal;

		/** The hash of each block given, in order, or {@link #NO_BLOCK}. */
		final List<String> blocks = new CopyOnWriteArrayList<>();

		/** How many transactions each block given had. */
		final List<Integer> transactions = new CopyOnWriteArrayList<>();

		TwoParameters(Journal journal) {
			this.journal = journal;
		}

		@BlockListener
		void any(Notification.BlockChange change, @Nullable BlockWithTransactions block) {
			this.journal.add("any", change);
			record(block);
		}

		@BlockListener
		void connected(Notification.BlockConnected change, @Nullable BlockWithTransactions block) {
			this.journal.add("connected", change);
			record(block);
		}

		@BlockListener
		void disconnected(Notification.BlockDisconnected change, @Nullable BlockWithTransactions block) {
			this.journal.add("disconnected", change);
			record(block);
		}

		private void record(@Nullable BlockWithTransactions block) {
			this.blocks.add((block != null) ? block.hash() : NO_BLOCK);
			if (block != null) {
				this.transactions.add(block.transactions().size());
			}
		}

	}

	/** Handler beans, and an annotated bean ordered by its {@code @Bean} method. */
	@Configuration(proxyBeanMethods = false)
	static class Ordering {

		@Bean
		@Order(1)
		NamedTwice early(Journal journal) {
			return new NamedTwice("early", journal);
		}

		@Bean
		FullBlockHandler fullBlockHandler(Journal journal) {
			return (change, block) -> journal.add("full block handler", change);
		}

		@Bean
		@Order(2)
		BlockHandler secondHandler(Journal journal) {
			return (change) -> journal.add("second handler", change);
		}

		@Bean
		@Order(1)
		BlockHandler firstHandler(Journal journal) {
			return (change) -> journal.add("first handler", change);
		}

	}

	/** One method. */
	static class Named {

		final String name;

		final Journal journal;

		Named(String name, Journal journal) {
			this.name = name;
			this.journal = journal;
		}

		@BlockListener
		void zulu(Notification.BlockChange change) {
			this.journal.add(this.name + " zulu", change);
		}

	}

	/** Two methods, declared zulu then alpha. */
	static class NamedTwice extends Named {

		NamedTwice(String name, Journal journal) {
			super(name, journal);
		}

		@Override
		@BlockListener
		void zulu(Notification.BlockChange change) {
			super.zulu(change);
		}

		@BlockListener
		void alpha(Notification.BlockConnected change) {
			this.journal.add(this.name + " alpha", change);
		}

	}

	@Order(2)
	static class LateNamed extends NamedTwice {

		LateNamed(String name, Journal journal) {
			super(name, journal);
		}

	}

	static class OrderedNamed extends Named implements Ordered {

		OrderedNamed(String name, Journal journal) {
			super(name, journal);
		}

		@Override
		public int getOrder() {
			return 3;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class Transactions {

		@Bean
		CountingTransactionManager transactionManager() {
			return new CountingTransactionManager();
		}

	}

	/** Proxied for its {@code @Transactional} method. */
	static class Ledger {

		private final Journal journal;

		Ledger(Journal journal) {
			this.journal = journal;
		}

		@BlockListener
		@Transactional
		public void on(Notification.BlockConnected block) {
			this.journal.add(TransactionSynchronizationManager.isActualTransactionActive() ? "in a transaction"
					: "outside any transaction", block);
		}

	}

	/** Proxied, with a method the proxy cannot pass on to it. */
	static class PrivateLedger {

		@Transactional
		public void transactional() {
		}

		@BlockListener
		private void on(Notification.BlockConnected block) {
		}

	}

	/** Transactions of nothing, counted. */
	static class CountingTransactionManager extends AbstractPlatformTransactionManager {

		private static final long serialVersionUID = 1L;

		final AtomicInteger commits = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.commits.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

	static class FailingOnce {

		private final Journal journal;

		private final AtomicBoolean failed = new AtomicBoolean();

		FailingOnce(Journal journal) {
			this.journal = journal;
		}

		@BlockListener
		void on(Notification.BlockConnected block) throws IOException {
			this.journal.add("attempt", block);
			if (this.failed.compareAndSet(false, true)) {
				throw new IOException("method failed");
			}
		}

		@BlockListener
		void after(Notification.BlockConnected block) {
			this.journal.add("after", block);
		}

	}

	static class NoParameter {

		@BlockListener
		void on() {
		}

	}

	static class NotABlockChange {

		@BlockListener
		void on(String block) {
		}

	}

	static class AnyNotification {

		@BlockListener
		void on(Notification notification) {
		}

	}

	static class BlockFirst {

		@BlockListener
		void on(BlockWithTransactions block, Notification.BlockChange change) {
		}

	}

	static class NotABlock {

		@BlockListener
		void on(Notification.BlockChange change, String block) {
		}

	}

	static class ThreeParameters {

		@BlockListener
		void on(Notification.BlockChange change, BlockWithTransactions block, String more) {
		}

	}

	static class NotVoid {

		@BlockListener
		boolean on(Notification.BlockChange change) {
			return true;
		}

	}

}
