package org.bitcoinrpc.spring.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.Span;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.RpcWarmingUpException;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * With Spring Boot's tracing (Brave here), each call is a client span named after its method,
 * with the key values as tags, the error when it failed, and the span open where the call was made
 * as its parent.
 */
class BitcoinRpcTracingTests {

	private final SimulatedNode node = SimulatedNode.builder().user("u").password("p").build().start();

	private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, BraveAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, BitcoinRpcObservationAutoConfiguration.class,
				BitcoinRpcAutoConfiguration.class))
		.withBean(SpanHandler.class, () -> new SpanHandler() {

			@Override
			public boolean end(TraceContext context, MutableSpan span, Cause cause) {
				BitcoinRpcTracingTests.this.spans.add(span);
				return true;
			}

		})
		.withPropertyValues("management.tracing.sampling.probability=1.0", "bitcoin.rpc.url=" + this.node.wsUrl(),
				"bitcoin.rpc.user=u", "bitcoin.rpc.password=p");

	@AfterEach
	void stop() {
		this.node.stop();
	}

	@Test
	void eachCallIsAClientSpan() {
		this.runner.run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			this.spans.clear();
			client.getBlockCount();
			MutableSpan span = awaitSpan("getblockcount");
			assertThat(span.kind()).isEqualTo(Span.Kind.CLIENT);
			assertThat(span.remoteServiceName()).isEqualTo("bitcoin-rpc");
			assertThat(span.tags()).containsEntry("method", "getblockcount")
				.containsEntry("outcome", "success")
				.containsEntry("node", "unknown")
				.containsEntry("url", this.node.wsUrl());
			assertThat(span.error()).isNull();
		});
	}

	@Test
	void aFailedCallsSpanHasTheError() {
		this.runner.run((context) -> {
			this.node.failWith("getbestblockhash", -28, "Loading block index");
			assertThatExceptionOfType(RpcWarmingUpException.class)
				.isThrownBy(context.getBean(BitcoinRpcClient.class)::getBestBlockHash);
			MutableSpan span = awaitSpan("getbestblockhash");
			assertThat(span.error()).isInstanceOf(RpcWarmingUpException.class);
			assertThat(span.tags()).containsEntry("outcome", "rpc_error").containsEntry("rpc.error.code", "-28");
		});
	}

	@Test
	void aCallMadeInsideAnotherSpanIsItsChild() {
		this.runner.run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			Observation parent = Observation.start("checkout", context.getBean(ObservationRegistry.class));
			try (Observation.Scope scope = parent.openScope()) {
				client.getBlockCount();
			}
			finally {
				parent.stop();
			}
			MutableSpan call = awaitSpan("getblockcount");
			MutableSpan checkout = awaitSpan("checkout");
			assertThat(call.traceId()).isEqualTo(checkout.traceId());
			assertThat(call.parentId()).isEqualTo(checkout.id());
		});
	}

	private MutableSpan awaitSpan(String name) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.spans.stream().anyMatch((span) -> name.equals(span.name())));
		return this.spans.stream().filter((span) -> name.equals(span.name())).findFirst().orElseThrow();
	}

}
