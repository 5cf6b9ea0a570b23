package org.bitcoinrpc.spring.autoconfigure.zmq;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.zmq.ZmqOptions;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientLifecycle;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the ZMQ auto-configuration applies, how {@code bitcoin.rpc.zmq.*} is checked and turned
 * into {@link ZmqOptions}, and how {@code getzmqnotifications} is read. The subscriber itself, end
 * to end, is in {@link BitcoinRpcZmqIntegrationTests}.
 */
class BitcoinRpcZmqAutoConfigurationTests {

	private static final String URL = "bitcoin.rpc.url=http://127.0.0.1:1/";

	private static final String HASHBLOCK = "bitcoin.rpc.zmq.hashblock=tcp://127.0.0.1:28332";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class))
		.withPropertyValues(URL);

	@Test
	void offUnlessEnabled() {
		this.runner.withPropertyValues(HASHBLOCK)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BitcoinRpcClient.class)
				.doesNotHaveBean(BitcoinRpcZmqLifecycle.class));
	}

	@Test
	void onWhenEnabledWithAnEndpoint() {
		this.runner.withPropertyValues("bitcoin.rpc.zmq.enabled=true", HASHBLOCK)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(BitcoinRpcZmqLifecycle.class));
	}

	@Test
	void backsOffWithoutJeromq() {
		this.runner.withClassLoader(new FilteredClassLoader("org.zeromq"))
			.withPropertyValues("bitcoin.rpc.zmq.enabled=true", HASHBLOCK)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BitcoinRpcClient.class)
				.doesNotHaveBean(BitcoinRpcZmqLifecycle.class));
	}

	@Test
	void offWhenTheClientIsDisabled() {
		this.runner.withPropertyValues("bitcoin.rpc.enabled=false", "bitcoin.rpc.zmq.enabled=true", HASHBLOCK)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(BitcoinRpcClient.class)
				.doesNotHaveBean(BitcoinRpcZmqLifecycle.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesALifecycle() {
		this.runner.withPropertyValues("bitcoin.rpc.zmq.enabled=true", HASHBLOCK)
			.withBean("myZmq", BitcoinRpcZmqLifecycle.class,
					() -> new BitcoinRpcZmqLifecycle(BitcoinRpcClient.create("http://127.0.0.1:1/", "u", "p"), zmq(
							"tcp://127.0.0.1:28339")))
			.run((context) -> assertThat(context).hasSingleBean(BitcoinRpcZmqLifecycle.class).hasBean("myZmq"));
	}

	@Test
	void startsAfterTheClientAndStopsBeforeIt() {
		this.runner.withPropertyValues("bitcoin.rpc.zmq.enabled=true", HASHBLOCK).run((context) -> {
			SmartLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			SmartLifecycle client = context.getBean(BitcoinRpcClientLifecycle.class);
			// Spring starts lower phases first and stops higher phases first.
			assertThat(zmq.getPhase()).isGreaterThan(client.getPhase());
			assertThat(zmq.isRunning()).isTrue();
		});
	}

	static Stream<Arguments> invalidProperties() {
		return Stream.of(
				invalid("bitcoin.rpc.zmq.enabled", "ZMQ needs an endpoint", "bitcoin.rpc.zmq.enabled=true"),
				invalid("bitcoin.rpc.zmq.enabled", "bitcoin.rpc.zmq.discover=true", "bitcoin.rpc.zmq.enabled=true",
						"bitcoin.rpc.zmq.rawtx= "),
				invalid("bitcoin.rpc.zmq.hashblock", "Must be tcp://host:port", "bitcoin.rpc.zmq.enabled=true",
						"bitcoin.rpc.zmq.hashblock=http://127.0.0.1:28332"),
				invalid("bitcoin.rpc.zmq.sequence", "zmqpubsequence", "bitcoin.rpc.zmq.enabled=true",
						"bitcoin.rpc.zmq.sequence=tcp://127.0.0.1"),
				invalid("bitcoin.rpc.zmq.rawtx", "Must be tcp://host:port", "bitcoin.rpc.zmq.enabled=true",
						"bitcoin.rpc.zmq.rawtx=tcp://127.0.0.1:70000"),
				invalid("bitcoin.rpc.zmq.rawtx", "Must be tcp://host:port", "bitcoin.rpc.zmq.enabled=true",
						"bitcoin.rpc.zmq.rawtx=tcp://127.0.0.1:0"),
				invalid("bitcoin.rpc.zmq.hashtx", "Must be tcp://host:port", "bitcoin.rpc.zmq.enabled=true",
						"bitcoin.rpc.zmq.hashtx=ipc:///tmp/bitcoind.tx"),
				invalid("bitcoin.rpc.zmq.rawblock", "Must be tcp://host:port", "bitcoin.rpc.zmq.enabled=true",
						"bitcoin.rpc.zmq.rawblock=tcp://*:28332"),
				invalid("bitcoin.rpc.zmq.hashblock", "Must be tcp://host:port", "bitcoin.rpc.zmq.enabled=true",
						"bitcoin.rpc.zmq.hashblock=tcp://127.0.0.1:28332/path"),
				invalid("bitcoin.rpc.zmq.handshake-timeout", "positive", "bitcoin.rpc.zmq.enabled=true", HASHBLOCK,
						"bitcoin.rpc.zmq.handshake-timeout=0s"),
				invalid("bitcoin.rpc.zmq.reconnect-interval", "positive", "bitcoin.rpc.zmq.enabled=true", HASHBLOCK,
						"bitcoin.rpc.zmq.reconnect-interval=-1s"),
				invalid("bitcoin.rpc.zmq.retry-interval", "positive", "bitcoin.rpc.zmq.enabled=true", HASHBLOCK,
						"bitcoin.rpc.zmq.retry-interval=0ms"),
				invalid("bitcoin.rpc.zmq.receive-high-water-mark", "at least 1", "bitcoin.rpc.zmq.enabled=true", HASHBLOCK,
						"bitcoin.rpc.zmq.receive-high-water-mark=0"));
	}

	private static Arguments invalid(String name, String reason, String... properties) {
		return Arguments.of(name, reason, properties);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidProperties")
	void failsNamingTheProperty(String name, String reason, String[] properties) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo(name);
					assertThat(ex.getReason()).contains(reason);
				});
		});
	}

	@Test
	void invalidEndpointsAreNotCheckedWhileDisabled() {
		this.runner.withPropertyValues("bitcoin.rpc.zmq.hashblock=nonsense")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void validEndpointsAndDiscoveryStart() {
		this.runner
			.withPropertyValues("bitcoin.rpc.zmq.enabled=true", "bitcoin.rpc.zmq.hashblock=tcp://127.0.0.1:28332",
					"bitcoin.rpc.zmq.rawtx=tcp://127.0.0.1:28333", "bitcoin.rpc.zmq.hashtx=")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("bitcoin.rpc.zmq.enabled=true", "bitcoin.rpc.zmq.discover=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(BitcoinRpcZmqLifecycle.class));
		// Host names and IPv6 addresses are fine too (checked here without connecting anywhere).
		BitcoinRpcProperties.Zmq properties = zmq("tcp://bitcoind:28332");
		properties.setSequence("tcp://[::1]:28334");
		properties.setRawtx(" ");
		assertThat(ZmqOptionsFactory.settings(properties).endpoints()).containsExactly(
				Map.entry(ZmqTopic.HASHBLOCK, "tcp://bitcoind:28332"), Map.entry(ZmqTopic.SEQUENCE, "tcp://[::1]:28334"));
	}

	@Test
	void defaultsAreTheSubscribersDefaults() {
		ZmqOptions options = ZmqOptionsFactory.settings(zmq("tcp://127.0.0.1:28332"))
			.options(Map.of(ZmqTopic.HASHBLOCK, "tcp://127.0.0.1:28332"));
		assertThat(options).hasToString(
				ZmqOptions.builder().endpoint(ZmqTopic.HASHBLOCK, "tcp://127.0.0.1:28332").build().toString());
	}

	@Test
	void appliesEveryProperty() {
		BitcoinRpcProperties.Zmq properties = new BitcoinRpcProperties.Zmq();
		properties.setEnabled(true);
		properties.setHashblock("tcp://127.0.0.1:28332");
		properties.setHashtx(" tcp://127.0.0.1:28333 ");
		properties.setRawblock("tcp://127.0.0.1:28335");
		properties.setRawtx("tcp://127.0.0.1:28333");
		properties.setSequence("tcp://127.0.0.1:28334");
		properties.setHandshakeTimeout(Duration.ofMillis(750));
		properties.setReconnectInterval(Duration.ofSeconds(1));
		properties.setReceiveHighWaterMark(5000);
		properties.setRetryInterval(Duration.ofSeconds(2));
		ZmqOptionsFactory.Settings settings = ZmqOptionsFactory.settings(properties);
		assertThat(settings.retryInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.wakesFollowers()).isTrue();
		assertThat(settings.endpoints()).containsExactly(Map.entry(ZmqTopic.HASHBLOCK, "tcp://127.0.0.1:28332"),
				Map.entry(ZmqTopic.HASHTX, "tcp://127.0.0.1:28333"), Map.entry(ZmqTopic.RAWBLOCK, "tcp://127.0.0.1:28335"),
				Map.entry(ZmqTopic.RAWTX, "tcp://127.0.0.1:28333"), Map.entry(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:28334"));
		ZmqOptions options = settings.options(settings.endpoints());
		assertThat(options.endpoints()).isEqualTo(settings.endpoints());
		assertThat(options.blockTopic()).isEqualTo(ZmqTopic.SEQUENCE);
		assertThat(options.handshakeTimeout()).isEqualTo(Duration.ofMillis(750));
		assertThat(options.reconnectInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.receiveHighWaterMark()).isEqualTo(5000);
	}

	@Test
	void zmqWakesFollowersOnlyWithABlockTopicOrDiscovery() {
		BitcoinRpcProperties.Zmq properties = new BitcoinRpcProperties.Zmq();
		properties.setEnabled(true);
		properties.setRawtx("tcp://127.0.0.1:28333");
		assertThat(ZmqOptionsFactory.settings(properties).wakesFollowers()).isFalse();
		properties.setHashblock("tcp://127.0.0.1:28332");
		assertThat(ZmqOptionsFactory.settings(properties).wakesFollowers()).isTrue();
		BitcoinRpcProperties.Zmq discovering = new BitcoinRpcProperties.Zmq();
		discovering.setEnabled(true);
		discovering.setDiscover(true);
		assertThat(ZmqOptionsFactory.settings(discovering).wakesFollowers()).isTrue();
	}

	@Test
	void readsTheEndpointsTheNodeLists() {
		// Bitcoin Core's getzmqnotifications: one entry per -zmqpub<topic>, in the order given.
		JsonNode result = json.readTree("""
				[{"type": "pubhashblock", "address": "tcp://127.0.0.1:28332", "hwm": 1000},
				 {"type": "pubrawtx", "address": "tcp://0.0.0.0:28333", "hwm": 1000},
				 {"type": "pubsequence", "address": "tcp://*:28334", "hwm": 5000},
				 {"type": "pubhashtx", "address": "ipc:///tmp/bitcoind.hashtx", "hwm": 1000},
				 {"type": "pubhashblock", "address": "tcp://127.0.0.1:29999", "hwm": 1000},
				 {"type": "pubsomethingnew", "address": "tcp://127.0.0.1:28336", "hwm": 1000},
				 {"type": "pubrawblock", "address": "tcp://[::]:28335", "hwm": 1000}]
				""");
		assertThat(ZmqOptionsFactory.discovered(result, "198.51.100.7")).containsExactly(
				Map.entry(ZmqTopic.HASHBLOCK, "tcp://127.0.0.1:28332"), Map.entry(ZmqTopic.RAWBLOCK, "tcp://198.51.100.7:28335"),
				Map.entry(ZmqTopic.RAWTX, "tcp://198.51.100.7:28333"), Map.entry(ZmqTopic.SEQUENCE, "tcp://198.51.100.7:28334"));
		assertThat(ZmqOptionsFactory.discovered(json.readTree("""
				[{"type": "pubsequence", "address": "tcp://0.0.0.0:28334", "hwm": 1000}]
				"""), "[::1]")).containsExactly(Map.entry(ZmqTopic.SEQUENCE, "tcp://[::1]:28334"));
		assertThat(ZmqOptionsFactory.discovered(json.readTree("[]"), "127.0.0.1")).isEmpty();
		assertThat(ZmqOptionsFactory.discovered(json.readTree("{}"), "127.0.0.1")).isEmpty();
		assertThat(ZmqOptionsFactory.discovered(null, "127.0.0.1")).isEmpty();
	}

	@Test
	void endpointsMustBeTcpHostAndPort() {
		assertThat(ZmqOptionsFactory.isTcpEndpoint("tcp://127.0.0.1:28332")).isTrue();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("tcp://bitcoind:28332")).isTrue();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("tcp://[2001:db8::1]:28332")).isTrue();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("tcp://127.0.0.1:65535")).isTrue();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("tcp://127.0.0.1:65536")).isFalse();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("tcp://127.0.0.1")).isFalse();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("tcp://:28332")).isFalse();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("127.0.0.1:28332")).isFalse();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("inproc://blocks")).isFalse();
		assertThat(ZmqOptionsFactory.isTcpEndpoint("tcp://user@127.0.0.1:28332")).isFalse();
	}

	private static BitcoinRpcProperties.Zmq zmq(String hashblock) {
		BitcoinRpcProperties.Zmq properties = new BitcoinRpcProperties.Zmq();
		properties.setEnabled(true);
		properties.setHashblock(hashblock);
		return properties;
	}

}
