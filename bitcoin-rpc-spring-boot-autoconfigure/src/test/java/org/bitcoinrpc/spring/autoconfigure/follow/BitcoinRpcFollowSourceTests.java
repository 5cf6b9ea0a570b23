package org.bitcoinrpc.spring.autoconfigure.follow;

import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Follow.Source;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bitcoin.rpc.follow.source}: what {@code auto} picks for each URL and ZMQ setting, what the
 * start-up log says, and the start-up errors for a source that cannot work. No node is needed: the
 * source is chosen when the context starts (the follower then retries against the missing node).
 */
@ExtendWith(OutputCaptureExtension.class)
class BitcoinRpcFollowSourceTests {

	private static final String HTTP = "bitcoin.rpc.url=http://127.0.0.1:1/";

	private static final String WS = "bitcoin.rpc.url=ws://127.0.0.1:1/ws";

	private static final String ZMQ_SEQUENCE = "bitcoin.rpc.zmq.sequence=tcp://127.0.0.1:28334";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class,
				BitcoinRpcFollowAutoConfiguration.class))
		.withPropertyValues("bitcoin.rpc.follow.enabled=true");

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"ws://127.0.0.1:1/ws | false | | NOTIFICATIONS | over the websocket: woken by block notifications (notifyblocks), polling getbestblockhash every 30s as a safety net (every 1s while not subscribed)",
			"http://127.0.0.1:1/ | false | | WAIT_FOR_NEW_BLOCK | over HTTP: woken by waitfornewblock (Bitcoin Core's long-poll), polling getbestblockhash every 30s as a safety net (every 1s while no call waits, or if the node has none)",
			"http://127.0.0.1:1/ | true | sequence | ZMQ | over HTTP: woken by ZMQ block messages (bitcoin.rpc.zmq), polling getbestblockhash every 30s as a safety net (every 1s while ZMQ is down)",
			"http://127.0.0.1:1/ | true | hashblock | ZMQ | woken by ZMQ block messages",
			// ZMQ without a block topic cannot wake the follower.
			"http://127.0.0.1:1/ | true | rawtx | WAIT_FOR_NEW_BLOCK | woken by waitfornewblock",
			"http://127.0.0.1:1/ | false | sequence | WAIT_FOR_NEW_BLOCK | woken by waitfornewblock" })
	void autoPicksTheSourceForTheUrlAndZmqAndSaysSo(String url, boolean zmqEnabled, String topic, Source expected,
			String logged, CapturedOutput output) {
		this.runner
			.withPropertyValues("bitcoin.rpc.url=" + url, "bitcoin.rpc.zmq.enabled=" + zmqEnabled,
					"bitcoin.rpc.zmq." + ((topic != null) ? topic : "rawtx") + "=tcp://127.0.0.1:28334")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BitcoinRpcFollowLifecycle.class).wakeSource()).isEqualTo(expected);
				assertThat(output).contains(logged);
			});
	}

	@Test
	void autoOverHttpWithZmqEnabledButNoJeromqWaitsForNewBlocks() {
		this.runner.withClassLoader(new FilteredClassLoader("org.zeromq"))
			.withPropertyValues(HTTP, "bitcoin.rpc.zmq.enabled=true", ZMQ_SEQUENCE)
			.run((context) -> assertThat(context.getBean(BitcoinRpcFollowLifecycle.class).wakeSource())
				.isEqualTo(Source.WAIT_FOR_NEW_BLOCK));
	}

	@Test
	void notificationsBlocksOverHttpWithZmqFollowsWithZmq(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class,
					BitcoinRpcZmqAutoConfiguration.class, BitcoinRpcFollowAutoConfiguration.class))
			.withPropertyValues(HTTP, "bitcoin.rpc.notifications.blocks=true", "bitcoin.rpc.zmq.enabled=true", ZMQ_SEQUENCE)
			.run((context) -> {
				assertThat(context.getBean(BitcoinRpcFollowLifecycle.class).wakeSource()).isEqualTo(Source.ZMQ);
				assertThat(output).contains("woken by ZMQ block messages (bitcoin.rpc.zmq)");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "poll | http://127.0.0.1:1/ | POLL", "poll | ws://127.0.0.1:1/ws | POLL",
			"wait-for-new-block | http://127.0.0.1:1/ | WAIT_FOR_NEW_BLOCK",
			"notifications | ws://127.0.0.1:1/ws | NOTIFICATIONS" })
	void anExplicitSourceIsUsed(String source, String url, Source expected) {
		this.runner.withPropertyValues("bitcoin.rpc.url=" + url, "bitcoin.rpc.follow.source=" + source)
			.run((context) -> assertThat(context.getBean(BitcoinRpcFollowLifecycle.class).wakeSource())
				.isEqualTo(expected));
	}

	@Test
	void pollSaysHowOftenAndThatNothingElseWakes(CapturedOutput output) {
		this.runner.withPropertyValues(HTTP, "bitcoin.rpc.follow.source=poll", "bitcoin.rpc.follow.poll-interval=5s")
			.run((context) -> assertThat(output).contains("over HTTP by polling getbestblockhash every 5s"));
	}

	@Test
	void aPollIntervalSetIsUsedWhetherOrNotTheSourceListens(CapturedOutput output) {
		this.runner.withPropertyValues(WS, "bitcoin.rpc.follow.poll-interval=1h")
			.run((context) -> assertThat(output)
				.contains("woken by block notifications (notifyblocks), polling getbestblockhash every 1h as well"));
	}

	@Test
	void notificationsOverHttpFailsSayingWhatItNeeds() {
		this.runner.withPropertyValues(HTTP, "bitcoin.rpc.follow.source=notifications")
			.run((context) -> assertInvalidSource(context.getStartupFailure(), "notifications",
					"Needs a ws:// or wss:// bitcoin.rpc.url"));
	}

	@Test
	void zmqWithoutZmqEnabledFailsSayingWhatToSet() {
		this.runner.withPropertyValues(HTTP, "bitcoin.rpc.follow.source=zmq", ZMQ_SEQUENCE)
			.run((context) -> assertInvalidSource(context.getStartupFailure(), "zmq",
					"set bitcoin.rpc.zmq.enabled=true"));
	}

	@Test
	void zmqWithoutJeromqFailsSayingSo() {
		this.runner.withClassLoader(new FilteredClassLoader("org.zeromq"))
			.withPropertyValues(HTTP, "bitcoin.rpc.follow.source=zmq", "bitcoin.rpc.zmq.enabled=true", ZMQ_SEQUENCE)
			.run((context) -> assertInvalidSource(context.getStartupFailure(), "zmq",
					"Needs org.zeromq:jeromq on the class path"));
	}

	@Test
	void zmqWithoutABlockTopicFailsSayingWhichToSet() {
		this.runner
			.withPropertyValues(HTTP, "bitcoin.rpc.follow.source=zmq", "bitcoin.rpc.zmq.enabled=true",
					"bitcoin.rpc.zmq.rawtx=tcp://127.0.0.1:28333")
			.run((context) -> assertInvalidSource(context.getStartupFailure(), "zmq",
					"Needs a ZMQ block topic: set bitcoin.rpc.zmq.sequence"));
	}

	private static void assertInvalidSource(Throwable failure, String value, String reason) {
		assertThat(failure).isNotNull()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.source");
				assertThat(ex.getValue()).isEqualTo(value);
				assertThat(ex.getReason()).contains(reason);
			});
	}

}
