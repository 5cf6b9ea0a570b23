package org.bitcoinrpc.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcMaybeExecutedException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.bitcoinrpc.client.transport.Exchange;
import org.bitcoinrpc.client.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint against a transport scripted in memory: everything a transport does is implement
 * {@link Transport} (connect, write bytes, close) and report to its listener, and the endpoint
 * does the rest (writing when connected, keeping calls while not, resending what is safe after a
 * loss, retrying over request/response, matching replies). What a new transport relies on.
 */
class EndpointTests {

	private static final JsonRpcCodec CODEC = new JsonRpcCodec();

	private static final ObjectReader LONG = CODEC.mapper().readerFor(Long.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

	private final EventDispatcher events = new EventDispatcher(100, "endpoint-tests-events");

	private final AtomicLong ids = new AtomicLong();

	private final ScriptedTransport transport = new ScriptedTransport();

	@AfterEach
	void stop() throws InterruptedException {
		this.timer.shutdownNow();
		this.events.shutdown();
		assertThat(this.timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	private final Subscriptions subscriptions = new Subscriptions();

	private Endpoint endpoint(String url) {
		return new Endpoint(this.transport, CODEC, this.events, this.timer, this.subscriptions, this.ids::incrementAndGet,
				ClientOptions.builder().url(url).reconnectDelay(Delay.constant(Duration.ofMillis(10))).build());
	}

	private PendingRequest<Long> call(String method) {
		return new PendingRequest<>(this.ids.incrementAndGet(), method, List.of(), LONG, Duration.ofSeconds(10), null);
	}

	private static JsonText reply(long id, long result) {
		return JsonText.of(("{\"result\":" + result + ",\"error\":null,\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aCallGoesOutAsItsEncodedBytesAndTheMessageNamingItsIdCompletesIt() {
		Endpoint endpoint = endpoint("ws://127.0.0.1:1/ws");
		endpoint.connect(false).join();
		PendingRequest<Long> call = call("getblockcount");

		endpoint.send(call);

		assertThat(this.transport.written).singleElement().satisfies((write) -> {
			assertThat(write.exchange()).isSameAs(call);
			assertThat(write.json()).contains("\"method\":\"getblockcount\"").contains("\"id\":" + call.id());
		});
		this.transport.listener().onMessage(reply(call.id(), 42));
		assertThat(call.future()).isCompletedWithValue(42L);
		assertThat(endpoint.pendingRequests()).isZero();
	}

	@Test
	void callsMadeWhileReconnectingWaitAndGoOutOnceTheTransportIsBack() {
		Endpoint endpoint = endpoint("ws://127.0.0.1:1/ws");
		endpoint.connect(false).join();
		this.transport.nextConnect = new CompletableFuture<>();
		this.transport.lose();
		assertThat(endpoint.state()).isEqualTo(ConnectionState.RECONNECTING);
		PendingRequest<Long> call = call("getblockcount");

		endpoint.send(call);
		assertThat(this.transport.written).isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.transport.connects == 2);
		this.transport.open = true;
		this.transport.nextConnect.complete(null);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.transport.written.size() == 1);
		assertThat(this.transport.written.get(0).exchange()).isSameAs(call);
		assertThat(endpoint.state()).isEqualTo(ConnectionState.CONNECTED);
	}

	/**
	 * A connection lost while the subscriptions are registered again fails that connect, however
	 * quickly the registration fails with it, and the client reconnects: it never counts a dead
	 * connection as up.
	 */
	@Test
	void aConnectionLostWhileRegisteringAgainIsNotCountedAsUp() {
		this.subscriptions.record("notifyblocks", CODEC.mapper().createArrayNode());
		Endpoint endpoint = endpoint("ws://127.0.0.1:1/ws");
		CompletableFuture<Void> connect = endpoint.connect(true);
		assertThat(this.transport.written).singleElement().satisfies((write) -> assertThat(write.json()).contains("notifyblocks"));

		this.transport.lose();

		assertThat(connect.handle((value, failure) -> failure).join()).isInstanceOf(RpcConnectionException.class);
		assertThat(endpoint.state()).isEqualTo(ConnectionState.RECONNECTING);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.transport.written.size() == 2);
		Exchange registration = this.transport.written.get(1).exchange();
		this.transport.listener().onMessage(JsonText.of(("{\"result\":null,\"error\":null,\"id\":" + registration.id() + "}")
			.getBytes(StandardCharsets.UTF_8)));
		await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.state() == ConnectionState.CONNECTED);
		assertThat(endpoint.isConnected()).isTrue();
	}

	@Test
	void afterALossSafeCallsAreWrittenAgainAndTheOthersFailSayingTheyMayHaveRun() {
		Endpoint endpoint = endpoint("ws://127.0.0.1:1/ws");
		endpoint.connect(false).join();
		PendingRequest<Long> safe = call("getblockcount");
		PendingRequest<Long> unsafe = call("sendrawtransaction");
		endpoint.send(safe);
		endpoint.send(unsafe);

		this.transport.lose();

		assertThat(unsafe.future()).isCompletedExceptionally();
		assertThat(unsafe.future().handle((value, failure) -> failure).join()).isInstanceOf(RpcMaybeExecutedException.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.transport.written.size() == 3);
		assertThat(this.transport.written.get(2).exchange()).isSameAs(safe);
		assertThat(endpoint.resentRequests()).isEqualTo(1);
		this.transport.listener().onMessage(reply(safe.id(), 7));
		assertThat(safe.future()).isCompletedWithValue(7L);
	}

	@Test
	void aMessageTooLargeFailsTheCallItsEndNames() {
		Endpoint endpoint = endpoint("ws://127.0.0.1:1/ws");
		endpoint.connect(false).join();
		PendingRequest<Long> call = call("getblock");
		endpoint.send(call);

		this.transport.listener().onOversized(call.id(), "a message of 300 bytes exceeds maxResponseSize (200 bytes)");

		assertThat(call.future().handle((value, failure) -> failure).join()).isInstanceOf(RpcResponseTooLargeException.class)
			.hasMessageContaining("The reply to getblock").hasMessageContaining("exceeds maxResponseSize");
	}

	@Test
	void aRequestResponseReplyBelongsToItsExchangeWhateverIdItNames() {
		Endpoint endpoint = endpoint("http://127.0.0.1:1/");
		endpoint.connect(false).join();
		PendingRequest<Long> call = call("getblockcount");
		PendingRequest<Long> other = call("getblockcount");
		endpoint.send(call);
		endpoint.send(other);

		this.transport.listener().onReply(call, reply(other.id(), 5), new Status(200));

		assertThat(call.future().handle((value, failure) -> failure).join()).isInstanceOf(RpcProtocolException.class)
			.hasMessage("status 200, decoded " + InboundMessage.Response.class.getSimpleName());
		assertThat(other.future()).isNotDone();
		this.transport.listener().onReply(other, reply(other.id(), 5), new Status(200));
		assertThat(other.future()).isCompletedWithValue(5L);
	}

	@Test
	void aTransientFailureOfASafeCallIsRetriedAndOfAnUnsafeOneIsNot() {
		Endpoint endpoint = endpoint("http://127.0.0.1:1/");
		endpoint.connect(false).join();
		PendingRequest<Long> safe = call("getblockcount");
		PendingRequest<Long> unsafe = call("sendrawtransaction");
		endpoint.send(safe);
		endpoint.send(unsafe);

		this.transport.listener().onFailed(safe, new RpcConnectionException("refused"), true);
		this.transport.listener().onFailed(unsafe, new RpcConnectionException("refused"), true);

		assertThat(unsafe.future().handle((value, failure) -> failure).join()).hasMessage("refused");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.transport.written.size() == 3);
		assertThat(this.transport.written.get(2).exchange()).isSameAs(safe);
		assertThat(endpoint.resentRequests()).isEqualTo(1);
		this.transport.listener().onReply(safe, reply(safe.id(), 9), new Status(200));
		assertThat(safe.future()).isCompletedWithValue(9L);
	}

	/** One write the transport was handed. */
	private record Write(Exchange exchange, String json) {
	}

	/** What a request/response transport would say of a reply: here, its status and what the endpoint decoded. */
	private record Status(int status) implements Transport.ReplyStatus {

		@Override
		public boolean isSuccess() {
			return this.status / 100 == 2;
		}

		@Override
		public RuntimeException failure(@Nullable InboundMessage decoded) {
			return new RpcProtocolException("status " + this.status + ", decoded "
					+ ((decoded != null) ? decoded.getClass().getSimpleName() : "nothing"));
		}

		@Override
		public boolean isTransient() {
			return this.status == 503;
		}

	}

	/**
	 * A transport in memory: records what it is asked to write while open, and reports what the
	 * test tells it to. The smallest thing that implements {@link Transport}.
	 */
	private static final class ScriptedTransport implements Transport {

		final List<Write> written = new CopyOnWriteArrayList<>();

		volatile boolean open;

		volatile int connects;

		/** What the next connect returns; a completed one by default. */
		volatile CompletableFuture<Void> nextConnect = CompletableFuture.completedFuture(null);

		private volatile @Nullable Listener listener;

		Listener listener() {
			Listener current = this.listener;
			assertThat(current).as("connected").isNotNull();
			return current;
		}

		@Override
		public CompletableFuture<Void> connect(Listener listener) {
			this.listener = listener;
			this.connects++;
			CompletableFuture<Void> result = this.nextConnect;
			if (result.isDone()) {
				this.open = true;
			}
			return result;
		}

		@Override
		public boolean write(Exchange exchange, byte[] payload) {
			if (!this.open) {
				return false;
			}
			this.written.add(new Write(exchange, new String(payload, StandardCharsets.UTF_8)));
			return true;
		}

		@Override
		public boolean isOpen() {
			return this.open;
		}

		@Override
		public void close() {
			if (this.open) {
				lose();
			}
		}

		void lose() {
			this.open = false;
			listener().onLost(new RpcConnectionException("Connection lost: scripted"));
		}

	}

}
