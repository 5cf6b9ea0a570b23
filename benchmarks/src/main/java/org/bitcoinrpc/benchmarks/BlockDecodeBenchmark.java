package org.bitcoinrpc.benchmarks;

import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.bitcoinrpc.client.protocol.ResultValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

/**
 * (4) Decoding a ~6 MB {@code getblock} verbosity-2 reply (thousands of transactions) into
 * {@link BlockWithTransactions} through the client's real path, against Jackson reading the same
 * bytes into a tree with the same mapper. The records path warms up slowly (the first operations
 * take about a second each while the databind and creator code is compiled), hence the long warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 2, time = 6)
@Measurement(iterations = 3, time = 3)
public class BlockDecodeBenchmark {

	@Param({ "btcd", "core" })
	public String node;

	private final JsonRpcCodec codec = new JsonRpcCodec(JsonRpcCodec.defaultMapper(), "1.0");

	private final ObjectMapper mapper = this.codec.mapper();

	/** As the client makes its readers: the result is bound inside the envelope, so trailing tokens are expected. */
	private final ObjectReader reader = this.mapper.readerFor(BlockWithTransactions.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	/**
	 * The same mapper with the model's hand-written deserializers ({@code model.json}) switched off:
	 * what Jackson's own record binding does with the same records. Issue 14 keeps the hand-written
	 * ones only if they beat this by 1.5x or more.
	 */
	private final ObjectMapper plainMapper = ((JsonMapper) JsonRpcCodec.defaultMapper()).rebuild()
		.annotationIntrospector(new WithoutCustomDeserializers())
		.build();

	private final ObjectReader plainReader = this.plainMapper.readerFor(BlockWithTransactions.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private byte[] bytes;

	/** The result's byte range, found once: what {@link #bindOnly()} decodes. */
	private ResultValue result;

	@Setup(Level.Trial)
	public void build() {
		LargeBlock.Built built = LargeBlock.build(this.node, LargeBlock.DEFAULT_BYTES);
		this.bytes = built.bytes();
		BlockWithTransactions block = records();
		JsonNode tree = tree();
		if (block.transactions().size() != built.transactions() || !tree.path("result").isObject()) {
			throw new IllegalStateException("decoded " + block.transactions().size() + " of " + built.transactions());
		}
		this.result = ((InboundMessage.Response) this.codec.decode(JsonText.of(this.bytes))).result();
		BlockWithTransactions plain = jacksonRecords();
		if (!plain.equals(block)) {
			throw new IllegalStateException("Jackson's record binding decodes the block differently from model.json's");
		}
		System.out.printf("%n%s block: %d bytes, %d transactions%n", this.node, this.bytes.length, built.transactions());
	}

	/**
	 * The client's path: the reply's trailing id names the pending request, and its result is bound
	 * into records in the same pass as the envelope.
	 */
	@Benchmark
	public BlockWithTransactions records() {
		InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(JsonText.of(this.bytes),
				(id) -> this.reader);
		return response.result().decode(this.mapper, this.reader);
	}

	/** The client's path before it bound in one pass: classify (skipping over the result), then bind the range. */
	@Benchmark
	public BlockWithTransactions twoPass() {
		InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(JsonText.of(this.bytes));
		return response.result().decode(this.mapper, this.reader);
	}

	/** Breakdown of {@link #twoPass()}: only its first step, classifying the reply. */
	@Benchmark
	public Object classifyOnly() {
		return this.codec.decode(JsonText.of(this.bytes));
	}

	/** Breakdown of {@link #twoPass()}: only its second step, databind of the result's byte range. */
	@Benchmark
	public BlockWithTransactions bindOnly() {
		return this.result.decode(this.mapper, this.reader);
	}

	/**
	 * {@link #records()} with Jackson's own record binding for the transaction records instead of
	 * the hand-written deserializers.
	 */
	@Benchmark
	public BlockWithTransactions jacksonRecords() {
		InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(JsonText.of(this.bytes),
				(id) -> this.plainReader);
		return response.result().decode(this.plainMapper, this.plainReader);
	}

	/** The yardstick: the same bytes into a {@code JsonNode} tree. */
	@Benchmark
	public JsonNode tree() {
		return this.mapper.readTree(this.bytes);
	}

	/** Jackson's default introspection, except that {@code @JsonDeserialize(using = ...)} is ignored. */
	static final class WithoutCustomDeserializers extends JacksonAnnotationIntrospector {

		@Override
		public Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
			return null;
		}

	}

}
