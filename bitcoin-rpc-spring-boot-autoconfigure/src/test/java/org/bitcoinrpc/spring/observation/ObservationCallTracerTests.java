package org.bitcoinrpc.spring.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.RpcBatch;
import org.bitcoinrpc.client.RpcWarmingUpException;
import org.bitcoinrpc.test.SimulatedNode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every call to a simulated node is one observation, with the documented key values, stopped when
 * the call completes, with its error, and a child of the observation open where it was made.
 */
class ObservationCallTracerTests {

	private static final String PASSWORD = "s3cret-pa55";

	private final SimulatedNode node = SimulatedNode.builder().user("u").password(PASSWORD).build().start();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	/** The contexts of the observations stopped so far, in order. */
	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	{
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				ObservationCallTracerTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	private @Nullable BitcoinRpcClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		this.node.stop();
	}

	private BitcoinRpcClient connect(String url, @Nullable BitcoinRpcObservationConvention convention) {
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(url)
			.credentials("u", PASSWORD)
			.reconnectDelay(Delay.constant(Duration.ofMillis(50)))
			.callTracer(new ObservationCallTracer(this.registry, convention))
			.build());
		this.client.connect();
		this.registry.clear();
		this.stopped.clear();
		return this.client;
	}

	@Test
	void aCallIsOneStoppedObservationWithItsKeyValues() {
		BitcoinRpcClient client = connect(this.node.wsUrl(), null);
		client.getBlockCount();
		awaitStopped(1);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasNameEqualTo("bitcoin.rpc.requests")
			.hasContextualNameEqualTo("getblockcount")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("method", "getblockcount")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("node", "unknown")
			.hasHighCardinalityKeyValue("url", this.node.wsUrl())
			.hasHighCardinalityKeyValue("rpc.method", "getblockcount")
			.doesNotHaveHighCardinalityKeyValueWithKey("wallet")
			.doesNotHaveHighCardinalityKeyValueWithKey("rpc.error.code");
		assertThat(context().getRemoteServiceAddress()).isEqualTo(this.node.wsUrl());
		assertThat(allValues(context())).noneMatch((value) -> value.contains(PASSWORD));
	}

	@Test
	void aFailedCallHasItsErrorAndCode() {
		BitcoinRpcClient client = connect(this.node.wsUrl(), null);
		this.node.failWith("getbestblockhash", -28, "Loading block index");
		assertThatExceptionOfType(RpcWarmingUpException.class).isThrownBy(client::getBestBlockHash);
		awaitStopped(1);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "rpc_error")
			.hasHighCardinalityKeyValue("rpc.error.code", "-28")
			.assertThatError()
			.isInstanceOf(RpcWarmingUpException.class);
	}

	@Test
	void unknownMethodsAreBoundedButNamedOnTheSpan() {
		BitcoinRpcClient client = connect(this.node.wsUrl(), null);
		client.callAsync("somebrandnewcall", List.of(), String.class).handle((result, failure) -> null).join();
		awaitStopped(1);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("method", "other")
			.hasHighCardinalityKeyValue("rpc.method", "somebrandnewcall");
	}

	@Test
	void theObservationOpenWhereTheCallIsMadeIsItsParent() {
		BitcoinRpcClient client = connect(this.node.wsUrl(), null);
		Observation parent = Observation.start("checkout", this.registry);
		try (Observation.Scope scope = parent.openScope()) {
			client.getBlockCount();
		}
		finally {
			parent.stop();
		}
		awaitStopped(2);
		Observation.Context call = this.stopped.stream()
			.filter((context) -> context instanceof BitcoinRpcObservationContext)
			.findFirst()
			.orElseThrow();
		assertThat(call.getParentObservation()).isSameAs(parent);
	}

	@Test
	void eachCallOfABatchIsObservedWithItsWallet() {
		BitcoinRpcClient client = connect(this.node.httpUrl(), null);
		RpcBatch batch = client.wallet("w1").batch();
		CompletableFuture<Long> count = batch.add("getblockcount", List.of(), Long.class);
		CompletableFuture<String> hash = batch.add("getbestblockhash", List.of(), String.class);
		batch.send().join();
		assertThat(List.of(count, hash)).allSatisfy((future) -> assertThat(future).isCompleted());
		awaitStopped(2);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("bitcoin.rpc.requests", 2)
			.forAllObservationsWithNameEqualTo("bitcoin.rpc.requests",
					(observation) -> observation.hasHighCardinalityKeyValue("wallet", "w1")
						.hasLowCardinalityKeyValue("outcome", "success"));
	}

	@Test
	void aConventionBeanReplacesTheDefault() {
		BitcoinRpcClient client = connect(this.node.wsUrl(), new DefaultBitcoinRpcObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(BitcoinRpcObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "payments");
			}

		});
		client.getBlockCount();
		awaitStopped(1);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("team", "payments")
			.hasLowCardinalityKeyValue("method", "getblockcount");
	}

	private BitcoinRpcObservationContext context() {
		return (BitcoinRpcObservationContext) this.stopped.get(0);
	}

	private void awaitStopped(int count) {
		// The observation stops on the thread that completed the call, which may run after the
		// caller already has the result.
		await().atMost(Duration.ofSeconds(5)).until(() -> this.stopped.size() == count);
	}

	private static List<String> allValues(Observation.Context context) {
		return context.getAllKeyValues().stream().map(KeyValue::getValue).toList();
	}

}
