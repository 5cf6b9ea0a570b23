package org.bitcoinrpc.client.model;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.BtcdCalls;
import org.bitcoinrpc.client.ChainCalls;
import org.bitcoinrpc.client.ControlCalls;
import org.bitcoinrpc.client.MempoolCalls;
import org.bitcoinrpc.client.MiningCalls;
import org.bitcoinrpc.client.NetworkCalls;
import org.bitcoinrpc.client.PsbtCalls;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.TransactionCalls;
import org.bitcoinrpc.client.UtilityCalls;
import org.bitcoinrpc.client.UtxoSetCalls;
import org.bitcoinrpc.client.WalletCalls;
import org.bitcoinrpc.client.WalletManagementCalls;
import org.bitcoinrpc.client.WalletSpendCalls;
import org.bitcoinrpc.client.ZmqCalls;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.bitcoinrpc.test.Fixtures;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every typed call interface, backed by one recorded transcript: {@code callAsync} records the
 * method and params it was given and answers with the transcript's reply, decoded the way the
 * client decodes a reply ({@link JsonRpcCodec#decode} then {@code result().decode(...)} with the
 * reader of the requested type). An error reply completes the future with the
 * {@link RpcErrorException} the client would raise.
 */
final class FixtureCalls implements ChainCalls, MempoolCalls, TransactionCalls, NetworkCalls, MiningCalls,
		UtilityCalls, WalletCalls, UtxoSetCalls, PsbtCalls, WalletSpendCalls, WalletManagementCalls, ControlCalls,
		ZmqCalls, BtcdCalls {

	private final JsonRpcCodec codec = new JsonRpcCodec();

	private final String fixture;

	private final List<String> methods = new ArrayList<>();

	private final List<List<?>> params = new ArrayList<>();

	private FixtureCalls(String fixture) {
		this.fixture = fixture;
	}

	/** Calls answered with the reply recorded in {@code fixtures/<name>}. */
	static FixtureCalls replaying(String name) {
		return new FixtureCalls(name);
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType) {
		return reply(method, params, this.codec.mapper().readerFor(resultType));
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType, Duration timeout) {
		return callAsync(method, params, resultType);
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType) {
		return reply(method, params, this.codec.mapper().readerFor(resultType));
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType,
			Duration timeout) {
		return callAsync(method, params, resultType);
	}

	private <T> CompletableFuture<T> reply(String method, List<?> params, ObjectReader reader) {
		this.methods.add(method);
		this.params.add(params);
		byte[] body = Fixtures.responseBody(this.fixture).getBytes(StandardCharsets.UTF_8);
		InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(JsonText.of(body));
		assertThat(response.malformation()).as(this.fixture).isNull();
		if (response.error() != null) {
			return CompletableFuture.failedFuture(
					RpcErrorException.of(method, response.error().code(), response.error().message()));
		}
		assertThat(response.result()).as(this.fixture + " has a result").isNotNull();
		T value = response.result().decode(this.codec.mapper(), reader);
		return CompletableFuture.completedFuture(value);
	}

	/** The request the typed call made, as the client would write it. */
	JsonNode sentRequest() {
		assertThat(this.methods).as("exactly one call").hasSize(1);
		String text = this.codec.encodeRequestText(1, this.methods.get(0), this.params.get(0));
		return this.codec.mapper().readTree(text);
	}

	/** Asserts the typed call sent the transcript's method and params, value for value. */
	FixtureCalls assertSentAsRecorded() {
		JsonNode recorded = Fixtures.fixture(this.fixture).get("request");
		JsonNode sent = sentRequest();
		assertThat(sent.get("method")).as(this.fixture + " method").isEqualTo(recorded.get("method"));
		assertThat(sent.get("params")).as(this.fixture + " params").isEqualTo(recorded.get("params"));
		return this;
	}

	/**
	 * For transcripts whose request differs from what the typed call sends (e.g. Core recorded with
	 * a boolean verbosity): asserts the method matches and the params are {@code expectedParams}.
	 */
	FixtureCalls assertSent(String expectedParams) {
		JsonNode recorded = Fixtures.fixture(this.fixture).get("request");
		JsonNode sent = sentRequest();
		assertThat(sent.get("method")).as(this.fixture + " method").isEqualTo(recorded.get("method"));
		assertThat(sent.get("params")).as(this.fixture + " params")
			.isEqualTo(this.codec.mapper().readTree(expectedParams));
		return this;
	}

}
