package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ZmqOptionsTests {

	@Test
	void defaults() {
		ZmqOptions options = ZmqOptions.builder().endpoint(ZmqTopic.HASHBLOCK, "tcp://127.0.0.1:28332").build();
		assertThat(options.receiveHighWaterMark()).isEqualTo(ZmqOptions.DEFAULT_RECEIVE_HIGH_WATER_MARK).isEqualTo(1000);
		assertThat(options.reconnectInterval()).isEqualTo(ZmqOptions.DEFAULT_RECONNECT_INTERVAL);
		assertThat(options.handshakeTimeout()).isEqualTo(ZmqOptions.DEFAULT_HANDSHAKE_TIMEOUT);
		assertThat(options.blockTopic()).isEqualTo(ZmqTopic.HASHBLOCK);
	}

	@Test
	void everyFieldSurvivesMutate() {
		ZmqOptions options = ZmqOptions.builder()
			.endpoint(ZmqTopic.HASHBLOCK, "tcp://127.0.0.1:28332")
			.endpoint(ZmqTopic.RAWTX, "tcp://127.0.0.1:28333")
			.endpoint(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:28332")
			.receiveHighWaterMark(5)
			.reconnectInterval(Duration.ofMillis(7))
			.handshakeTimeout(Duration.ofMillis(9))
			.build();
		ZmqOptions copy = options.mutate().build();
		assertThat(copy).usingRecursiveComparison().isEqualTo(options);
		assertThat(copy.toString()).isEqualTo(options.toString());
		assertThat(copy.endpoints()).containsExactly(Map.entry(ZmqTopic.HASHBLOCK, "tcp://127.0.0.1:28332"),
				Map.entry(ZmqTopic.RAWTX, "tcp://127.0.0.1:28333"), Map.entry(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:28332"));
		assertThat(copy.distinctEndpoints()).containsExactly("tcp://127.0.0.1:28332", "tcp://127.0.0.1:28333");
		// Both block topics: sequence wins (it also reports disconnects).
		assertThat(copy.blockTopic()).isEqualTo(ZmqTopic.SEQUENCE);
		assertThat(copy.mutate().removeEndpoint(ZmqTopic.SEQUENCE).removeEndpoint(ZmqTopic.HASHBLOCK).build().blockTopic())
			.isNull();
		for (ZmqTopic topic : List.of(ZmqTopic.HASHTX, ZmqTopic.RAWBLOCK)) {
			assertThat(copy.endpoint(topic)).isNull();
		}
		assertThat(Set.of(ZmqTopic.values())).extracting(ZmqTopic::wireName)
			.containsExactlyInAnyOrder("hashblock", "hashtx", "rawblock", "rawtx", "sequence");
	}

	@Test
	void argumentsAreChecked() {
		ZmqOptions.Builder builder = ZmqOptions.builder();
		assertThatIllegalStateException().isThrownBy(builder::build).withMessageContaining("At least one");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.endpoint(ZmqTopic.HASHTX, "127.0.0.1:28332"))
			.withMessageContaining("endpoint");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.receiveHighWaterMark(0))
			.withMessageContaining("receiveHighWaterMark");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.reconnectInterval(Duration.ZERO))
			.withMessageContaining("reconnectInterval");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.handshakeTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("handshakeTimeout");
	}

}
