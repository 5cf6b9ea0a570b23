package org.bitcoinrpc.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.DisconnectedBehavior;
import org.bitcoinrpc.client.follow.JdbcCursorStore;
import org.bitcoinrpc.client.zmq.ZmqOptions;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Follow.FailurePolicy;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Follow.Store;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Notifications.Transactions;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Reconnect.Policy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of every {@code bitcoin.rpc.*} property, and the defaults against the client's.
 */
class BitcoinRpcPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsAreTheClientDefaults() {
		BitcoinRpcProperties properties = new BitcoinRpcProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getUrl()).isNull();
		assertThat(properties.isFailFast()).isFalse();
		assertThat(properties.getRequestTimeout()).isEqualTo(ClientOptions.DEFAULT_REQUEST_TIMEOUT);
		assertThat(properties.getConnectTimeout()).isEqualTo(ClientOptions.DEFAULT_CONNECT_TIMEOUT);
		assertThat(properties.getMaxPendingRequests()).isEqualTo(ClientOptions.DEFAULT_MAX_PENDING_REQUESTS);
		assertThat(properties.getMaxResponseSize().toBytes()).isEqualTo(ClientOptions.DEFAULT_MAX_RESPONSE_SIZE);
		assertThat(properties.getWallet()).isNull();
		assertThat(properties.getJsonRpcVersion()).isEqualTo(ClientOptions.builder().url("http://h/").build()
			.jsonRpcVersion().text());
		assertThat(properties.getMaxConnections()).isEqualTo(ClientOptions.DEFAULT_MAX_CONNECTIONS);
		assertThat(properties.getSendBufferLimit().toBytes()).isEqualTo(ClientOptions.DEFAULT_SEND_BUFFER_LIMIT);
		assertThat(properties.getNotificationQueueSize()).isEqualTo(ClientOptions.DEFAULT_NOTIFICATION_QUEUE_SIZE);
		assertThat(properties.getResendPolicy()).isEqualTo(BitcoinRpcProperties.ResendPolicy.READ_ONLY_CALLS);
		assertThat(properties.getResendSafeMethods()).isEmpty();
		assertThat(properties.getReconnect().isEnabled()).isEqualTo(ClientOptions.DEFAULT_RECONNECT);
		assertThat(properties.getReconnect().getPolicy()).isEqualTo(Policy.LINEAR);
		assertThat(properties.getReconnect().getInitialDelay()).isEqualTo(ClientOptions.DEFAULT_RECONNECT_INITIAL_DELAY);
		assertThat(properties.getReconnect().getMaxDelay()).isEqualTo(ClientOptions.DEFAULT_RECONNECT_MAX_DELAY);
		assertThat(properties.getReconnect().getQueueTimeout()).isEqualTo(ClientOptions.DEFAULT_QUEUE_TIMEOUT);
		assertThat(properties.getReconnect().getDisconnectedBehavior())
			.isEqualTo(ClientOptions.DEFAULT_DISCONNECTED_BEHAVIOR);
		assertThat(properties.getKeepalive().getInterval()).isEqualTo(ClientOptions.DEFAULT_KEEP_ALIVE_INTERVAL);
		assertThat(properties.getKeepalive().getTimeout()).isEqualTo(ClientOptions.DEFAULT_KEEP_ALIVE_TIMEOUT);
		assertThat(properties.getNotifications().isBlocks()).isFalse();
		assertThat(properties.getNotifications().getTransactions()).isEqualTo(Transactions.NONE);
		assertThat(properties.getNotifications().getAddresses()).isEmpty();
		assertThat(properties.getNotifications().getOutpoints()).isEmpty();
		BitcoinRpcProperties.Zmq zmq = properties.getZmq();
		assertThat(zmq.isEnabled()).isFalse();
		assertThat(zmq.isDiscover()).isFalse();
		assertThat(zmq.getHashblock()).isNull();
		assertThat(zmq.getHashtx()).isNull();
		assertThat(zmq.getRawblock()).isNull();
		assertThat(zmq.getRawtx()).isNull();
		assertThat(zmq.getSequence()).isNull();
		assertThat(zmq.getHandshakeTimeout()).isEqualTo(ZmqOptions.DEFAULT_HANDSHAKE_TIMEOUT);
		assertThat(zmq.getReconnectInterval()).isEqualTo(ZmqOptions.DEFAULT_RECONNECT_INTERVAL);
		assertThat(zmq.getReceiveHighWaterMark()).isEqualTo(ZmqOptions.DEFAULT_RECEIVE_HIGH_WATER_MARK);
		assertThat(zmq.getRetryInterval()).isEqualTo(Duration.ofSeconds(5));
		BitcoinRpcProperties.Follow follow = properties.getFollow();
		assertThat(follow.isEnabled()).isFalse();
		assertThat(follow.getName()).isEqualTo("default");
		assertThat(follow.getStart()).isEqualTo("tip");
		assertThat(follow.getSource()).isEqualTo(BitcoinRpcProperties.Follow.Source.AUTO);
		assertThat(follow.getPollInterval()).isNull();
		assertThat(follow.getPrefetch()).isEqualTo(org.bitcoinrpc.client.follow.ChainFollower.DEFAULT_PREFETCH);
		assertThat(follow.isWithTransactions()).isFalse();
		assertThat(follow.getStore()).isEqualTo(Store.MEMORY);
		assertThat(follow.getDirectory()).isNull();
		assertThat(follow.getTable()).isEqualTo(JdbcCursorStore.DEFAULT_TABLE);
		assertThat(follow.getLease()).isEqualTo(JdbcCursorStore.DEFAULT_LEASE_DURATION);
		assertThat(follow.getFailurePolicy()).isEqualTo(FailurePolicy.RETRY);
		assertThat(follow.getRetry().getInitialDelay()).isEqualTo(Duration.ofSeconds(1));
		assertThat(follow.getRetry().getMaxDelay()).isEqualTo(Duration.ofMinutes(1));
		// The linear default policy is the client's default delay, step by step.
		for (int attempt = 1; attempt <= 20; attempt++) {
			assertThat(Duration.ofSeconds(Math.min(60, 5L * attempt)))
				.isEqualTo(ClientOptions.DEFAULT_RECONNECT_DELAY.delay(attempt));
		}
	}

	@Test
	void bindsEveryProperty() {
		this.runner.withPropertyValues("bitcoin.rpc.enabled=false", "bitcoin.rpc.url=wss://node.example:8334/ws",
				"bitcoin.rpc.user=alice", "bitcoin.rpc.password=secret", "bitcoin.rpc.cookie-file=/var/lib/bitcoin/.cookie",
				"bitcoin.rpc.tls.certificates=classpath:test-cert.pem", "bitcoin.rpc.proxy.host=127.0.0.1",
				"bitcoin.rpc.proxy.port=9050", "bitcoin.rpc.proxy.user=tor-user", "bitcoin.rpc.proxy.password=tor-pass",
				"bitcoin.rpc.request-timeout=12s", "bitcoin.rpc.connect-timeout=3s", "bitcoin.rpc.max-pending-requests=42",
				"bitcoin.rpc.max-response-size=16MB", "bitcoin.rpc.reconnect.enabled=false",
				"bitcoin.rpc.reconnect.policy=exponential", "bitcoin.rpc.reconnect.initial-delay=250ms",
				"bitcoin.rpc.reconnect.max-delay=2m", "bitcoin.rpc.reconnect.queue-timeout=3s",
				"bitcoin.rpc.reconnect.disconnected-behavior=reject", "bitcoin.rpc.keepalive.interval=0s", "bitcoin.rpc.keepalive.timeout=4s",
				"bitcoin.rpc.notifications.blocks=true", "bitcoin.rpc.notifications.transactions=verbose",
				"bitcoin.rpc.notifications.addresses=addr1,addr2",
				"bitcoin.rpc.notifications.outpoints[0]=" + "ab".repeat(32) + ":1", "bitcoin.rpc.fail-fast=true",
				"bitcoin.rpc.shutdown-timeout=20s", "bitcoin.rpc.zmq.enabled=true",
				"bitcoin.rpc.zmq.hashblock=tcp://127.0.0.1:28332", "bitcoin.rpc.zmq.hashtx=tcp://127.0.0.1:28333",
				"bitcoin.rpc.zmq.rawblock=tcp://127.0.0.1:28335", "bitcoin.rpc.zmq.rawtx=tcp://127.0.0.1:28333",
				"bitcoin.rpc.zmq.sequence=tcp://127.0.0.1:28334", "bitcoin.rpc.zmq.discover=true",
				"bitcoin.rpc.zmq.handshake-timeout=750ms", "bitcoin.rpc.zmq.reconnect-interval=1s",
				"bitcoin.rpc.zmq.receive-high-water-mark=5000", "bitcoin.rpc.zmq.retry-interval=2s",
				"bitcoin.rpc.follow.source=wait-for-new-block", "bitcoin.rpc.follow.enabled=true",
				"bitcoin.rpc.follow.name=payments", "bitcoin.rpc.follow.start=840000",
				"bitcoin.rpc.follow.poll-interval=250ms", "bitcoin.rpc.follow.store=file",
				"bitcoin.rpc.follow.directory=/var/lib/app/cursors", "bitcoin.rpc.follow.failure-policy=skip",
				"bitcoin.rpc.follow.retry.initial-delay=2s", "bitcoin.rpc.follow.retry.max-delay=30s",
				"bitcoin.rpc.follow.table=app_cursors", "bitcoin.rpc.follow.lease=45s",
				"bitcoin.rpc.follow.with-transactions=true", "bitcoin.rpc.wallet=w1", "bitcoin.rpc.json-rpc-version=2.0",
				"bitcoin.rpc.max-connections=4", "bitcoin.rpc.send-buffer-limit=1MB",
				"bitcoin.rpc.notification-queue-size=500", "bitcoin.rpc.resend-policy=never",
				"bitcoin.rpc.resend-safe-methods=importmulti,importdescriptors")
			.run((context) -> {
				BitcoinRpcProperties properties = context.getBean(BitcoinRpcProperties.class);
				assertThat(properties.isEnabled()).isFalse();
				assertThat(properties.getUrl()).isEqualTo("wss://node.example:8334/ws");
				assertThat(properties.getUser()).isEqualTo("alice");
				assertThat(properties.getPassword()).isEqualTo("secret");
				assertThat(properties.getCookieFile()).isEqualTo(Path.of("/var/lib/bitcoin/.cookie"));
				assertThat(properties.getTls().getCertificates()).isNotNull();
				assertThat(properties.getTls().getCertificates().getFilename()).isEqualTo("test-cert.pem");
				assertThat(properties.getProxy().getHost()).isEqualTo("127.0.0.1");
				assertThat(properties.getProxy().getPort()).isEqualTo(9050);
				assertThat(properties.getProxy().getUser()).isEqualTo("tor-user");
				assertThat(properties.getProxy().getPassword()).isEqualTo("tor-pass");
				assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(12));
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getMaxPendingRequests()).isEqualTo(42);
				assertThat(properties.getMaxResponseSize()).isEqualTo(DataSize.ofMegabytes(16));
				assertThat(properties.getWallet()).isEqualTo("w1");
				assertThat(properties.getJsonRpcVersion()).isEqualTo("2.0");
				assertThat(properties.getMaxConnections()).isEqualTo(4);
				assertThat(properties.getSendBufferLimit()).isEqualTo(DataSize.ofMegabytes(1));
				assertThat(properties.getNotificationQueueSize()).isEqualTo(500);
				assertThat(properties.getResendPolicy()).isEqualTo(BitcoinRpcProperties.ResendPolicy.NEVER);
				assertThat(properties.getResendSafeMethods()).containsExactly("importmulti", "importdescriptors");
				assertThat(properties.getReconnect().isEnabled()).isFalse();
				assertThat(properties.getReconnect().getPolicy()).isEqualTo(Policy.EXPONENTIAL);
				assertThat(properties.getReconnect().getInitialDelay()).isEqualTo(Duration.ofMillis(250));
				assertThat(properties.getReconnect().getMaxDelay()).isEqualTo(Duration.ofMinutes(2));
				assertThat(properties.getReconnect().getQueueTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getReconnect().getDisconnectedBehavior()).isEqualTo(DisconnectedBehavior.REJECT);
				assertThat(properties.getKeepalive().getInterval()).isEqualTo(Duration.ZERO);
				assertThat(properties.getKeepalive().getTimeout()).isEqualTo(Duration.ofSeconds(4));
				assertThat(properties.getNotifications().isBlocks()).isTrue();
				assertThat(properties.getNotifications().getTransactions()).isEqualTo(Transactions.VERBOSE);
				assertThat(properties.getNotifications().getAddresses()).containsExactly("addr1", "addr2");
				assertThat(properties.getNotifications().getOutpoints()).containsExactly("ab".repeat(32) + ":1");
				assertThat(properties.isFailFast()).isTrue();
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
				BitcoinRpcProperties.Zmq zmq = properties.getZmq();
				assertThat(zmq.isEnabled()).isTrue();
				assertThat(zmq.getHashblock()).isEqualTo("tcp://127.0.0.1:28332");
				assertThat(zmq.getHashtx()).isEqualTo("tcp://127.0.0.1:28333");
				assertThat(zmq.getRawblock()).isEqualTo("tcp://127.0.0.1:28335");
				assertThat(zmq.getRawtx()).isEqualTo("tcp://127.0.0.1:28333");
				assertThat(zmq.getSequence()).isEqualTo("tcp://127.0.0.1:28334");
				assertThat(zmq.isDiscover()).isTrue();
				assertThat(zmq.getHandshakeTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(zmq.getReconnectInterval()).isEqualTo(Duration.ofSeconds(1));
				assertThat(zmq.getReceiveHighWaterMark()).isEqualTo(5000);
				assertThat(zmq.getRetryInterval()).isEqualTo(Duration.ofSeconds(2));
				BitcoinRpcProperties.Follow follow = properties.getFollow();
				assertThat(follow.isEnabled()).isTrue();
				assertThat(follow.getName()).isEqualTo("payments");
				assertThat(follow.getStart()).isEqualTo("840000");
				assertThat(follow.getSource()).isEqualTo(BitcoinRpcProperties.Follow.Source.WAIT_FOR_NEW_BLOCK);
				assertThat(follow.getPollInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(follow.isWithTransactions()).isTrue();
				assertThat(follow.getStore()).isEqualTo(Store.FILE);
				assertThat(follow.getDirectory()).isEqualTo(Path.of("/var/lib/app/cursors"));
				assertThat(follow.getTable()).isEqualTo("app_cursors");
				assertThat(follow.getLease()).isEqualTo(Duration.ofSeconds(45));
				assertThat(follow.getFailurePolicy()).isEqualTo(FailurePolicy.SKIP);
				assertThat(follow.getRetry().getInitialDelay()).isEqualTo(Duration.ofSeconds(2));
				assertThat(follow.getRetry().getMaxDelay()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BitcoinRpcProperties.class)
	static class PropertiesConfiguration {

	}

}
