package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.bitcoinrpc.test.SimulatedNode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A {@link CallTracer} sees every call start on the caller's thread, with what is known of it, and
 * end once with its outcome, single calls and batch members alike.
 */
class CallTracerTests {

	private final SimulatedNode node = SimulatedNode.builder().user("u").password("p").build().start();

	private final RecordingTracer tracer = new RecordingTracer();

	private @Nullable BitcoinRpcClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		this.node.stop();
	}

	private BitcoinRpcClient connect(String url) {
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(url)
			.credentials("u", "p")
			.callTracer(this.tracer)
			.reconnectDelay(Delay.constant(Duration.ofMillis(50)))
			.build());
		this.client.connect();
		this.tracer.spans.clear();
		return this.client;
	}

	@Test
	void startsOnTheCallersThreadAndEndsOnceWithTheOutcome() {
		BitcoinRpcClient client = connect(this.node.wsUrl());
		assertThat(client.getBlockCount()).isNotNegative();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.tracer.ended(1));
		RecordedSpan span = this.tracer.spans.get(0);
		assertThat(span.info).isEqualTo(new CallInfo("getblockcount", TransportMode.WEBSOCKET,
				client.options().url(), null, null, false));
		assertThat(span.startThread).isSameAs(Thread.currentThread());
		assertThat(span.outcome).isEqualTo(CallOutcome.SUCCESS);
		assertThat(span.failure).isNull();
		assertThat(span.ends).hasValue(1);
	}

	@Test
	void endsWithTheUnwrappedFailure() {
		BitcoinRpcClient client = connect(this.node.wsUrl());
		this.node.failWith("getbestblockhash", -28, "Loading block index");
		assertThatExceptionOfType(RpcWarmingUpException.class).isThrownBy(client::getBestBlockHash);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.tracer.ended(1));
		RecordedSpan span = this.tracer.spans.get(0);
		assertThat(span.outcome).isEqualTo(CallOutcome.RPC_ERROR);
		assertThat(span.failure).isInstanceOf(RpcWarmingUpException.class);
	}

	@Test
	void namesTheNodeKindOnceKnown() {
		BitcoinRpcClient client = connect(this.node.wsUrl());
		// btcd answers getnetworkinfo with an error and is known by its getinfo.
		this.node.stubResult("getinfo", "{\"version\":240200}");
		assertThat(client.nodeInfo().kind()).isEqualTo(NodeInfo.Kind.BTCD);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.tracer.ended(this.tracer.spans.size()));
		this.tracer.spans.clear();
		client.getBlockCount();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.tracer.ended(1));
		assertThat(this.tracer.spans.get(0).info.nodeKind()).isEqualTo(NodeInfo.Kind.BTCD);
	}

	@Test
	void tracesEachCallOfABatchAndTheWallet() {
		BitcoinRpcClient client = connect(this.node.httpUrl());
		RpcBatch batch = client.wallet("w1").batch();
		CompletableFuture<Long> count = batch.add("getblockcount", List.of(), Long.class);
		CompletableFuture<String> hash = batch.add("getbestblockhash", List.of(), String.class);
		batch.send().join();
		assertThat(count).isCompleted();
		assertThat(hash).isCompleted();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.tracer.ended(2));
		assertThat(this.tracer.spans).extracting((span) -> span.info.method())
			.containsExactly("getblockcount", "getbestblockhash");
		assertThat(this.tracer.spans).allSatisfy((span) -> {
			assertThat(span.info.batched()).isTrue();
			assertThat(span.info.wallet()).isEqualTo("w1");
			assertThat(span.info.transport()).isEqualTo(TransportMode.HTTP_POST);
			assertThat(span.startThread).isSameAs(Thread.currentThread());
		});
	}

	@Test
	void aFailingTracerDoesNotFailTheCall() {
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(this.node.wsUrl())
			.credentials("u", "p")
			.callTracer((call) -> {
				throw new IllegalStateException("broken tracer");
			})
			.build());
		this.client.connect();
		assertThat(this.client.getBlockCount()).isNotNegative();
		BitcoinRpcClient other = BitcoinRpcClient.create(this.client.options()
			.mutate()
			.callTracer((call) -> (outcome, failure) -> {
				throw new IllegalStateException("broken span");
			})
			.build());
		try {
			other.connect();
			assertThat(other.getBlockCount()).isNotNegative();
		}
		finally {
			other.close();
		}
	}

	private static final class RecordedSpan {

		final CallInfo info;

		final Thread startThread = Thread.currentThread();

		final AtomicInteger ends = new AtomicInteger();

		volatile @Nullable CallOutcome outcome;

		volatile @Nullable Throwable failure;

		RecordedSpan(CallInfo info) {
			this.info = info;
		}

	}

	private static final class RecordingTracer implements CallTracer {

		final List<RecordedSpan> spans = new CopyOnWriteArrayList<>();

		@Override
		public Span start(CallInfo call) {
			RecordedSpan span = new RecordedSpan(call);
			this.spans.add(span);
			return (outcome, failure) -> {
				span.failure = failure;
				span.outcome = outcome;
				span.ends.incrementAndGet();
			};
		}

		boolean ended(int count) {
			return this.spans.size() == count && this.spans.stream().allMatch((span) -> span.ends.get() == 1);
		}

	}

}
