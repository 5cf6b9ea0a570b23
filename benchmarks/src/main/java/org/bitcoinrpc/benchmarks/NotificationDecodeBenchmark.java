package org.bitcoinrpc.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.benchmarks.stub.StubReplies;
import org.bitcoinrpc.client.internal.NotificationDecoder;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * (5, breakdown) The reader thread's JSON work per notification ({@code txaccepted}), and what the
 * {@code params} tree alone costs read the client's way ({@code JsonParser.readValueAsTree()}, which
 * in Jackson 3 looks the tree deserializer up again, introspecting {@code JsonNode}'s annotations, on
 * every call) against a cached {@code ObjectReader} for {@code JsonNode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class NotificationDecodeBenchmark {

	private final JsonRpcCodec codec = new JsonRpcCodec(JsonRpcCodec.defaultMapper(), "1.0");

	private final ObjectMapper mapper = this.codec.mapper();

	/** Jackson 3 readers fail on trailing tokens by default; params are followed by the rest of the message. */
	private final ObjectReader treeReader = this.mapper.readerFor(JsonNode.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final NotificationDecoder decoder = new NotificationDecoder();

	private final char[] message = StubReplies.TX_ACCEPTED.toCharArray();

	/** What the reader thread does per notification: classify, params into a tree. */
	@Benchmark
	public Object clientDecode() {
		return this.codec.decode(JsonText.of(this.message, this.message.length));
	}

	/** Plus what the event thread does: the tree into a {@code Notification} record. */
	@Benchmark
	public Object clientDecodeAndRecord() {
		InboundMessage.Notification notification = (InboundMessage.Notification) this.codec
			.decode(JsonText.of(this.message, this.message.length));
		return this.decoder.decode(notification.method(), notification.params());
	}

	/** Only the params, the client's way. */
	@Benchmark
	public JsonNode paramsReadValueAsTree() {
		try (JsonParser parser = atParams()) {
			return parser.readValueAsTree();
		}
	}

	/** Only the params, with a reader made once (the suggested change). */
	@Benchmark
	public JsonNode paramsCachedReader() {
		try (JsonParser parser = atParams()) {
			return this.treeReader.readValue(parser);
		}
	}

	/** A parser positioned on the {@code [} of {@code params}. */
	private JsonParser atParams() {
		JsonParser parser = this.mapper.createParser(this.message, 0, this.message.length);
		JsonToken token;
		while ((token = parser.nextToken()) != null) {
			if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("params")) {
				parser.nextToken();
				return parser;
			}
		}
		throw new IllegalStateException("no params");
	}

}
