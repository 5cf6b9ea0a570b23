package org.bitcoinrpc.benchmarks;

import org.bitcoinrpc.test.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A large {@code getblock <hash> 2} reply made from a recorded one: the fixture's transactions
 * repeated until the reply reaches the wanted size, as compact JSON bytes the way the node sends
 * them ({@code rawtx} for btcd, {@code tx} for Core).
 */
public final class LargeBlock {

	/** The reply size the DESIGN's Go figure (140 ms of CPU) is for. */
	public static final int DEFAULT_BYTES = 6 * 1024 * 1024;

	private LargeBlock() {
	}

	/** The reply bytes; {@code node} is "btcd" or "core". */
	public static Built build(String node, int targetBytes) {
		ObjectMapper mapper = JsonMapper.builder().build();
		JsonNode fixture = Fixtures.fixture(node + "/http-getblock-verbosity2.json");
		ObjectNode response = ((ObjectNode) fixture.get("response")).deepCopy();
		ObjectNode result = (ObjectNode) response.get("result");
		String field = result.has("rawtx") ? "rawtx" : "tx";
		ArrayNode original = (ArrayNode) result.get(field);
		int perTx = mapper.writeValueAsBytes(original).length / original.size();
		int wanted = Math.max(original.size(), targetBytes / perTx);
		ArrayNode repeated = mapper.createArrayNode();
		for (int i = 0; i < wanted; i++) {
			repeated.add(original.get(i % original.size()).deepCopy());
		}
		result.set(field, repeated);
		if (result.has("nTx")) {
			result.put("nTx", wanted);
		}
		response.put("id", 24);
		return new Built(mapper.writeValueAsBytes(response), wanted);
	}

	/** The reply and how many transactions it holds. */
	public record Built(byte[] bytes, int transactions) {
	}

}
