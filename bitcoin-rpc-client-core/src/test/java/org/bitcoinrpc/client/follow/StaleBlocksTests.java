package org.bitcoinrpc.client.follow;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.internal.RawBlock;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block rebuilt from its serialization is what the node's {@code getblock <hash> 2} says of the
 * same block (the recorded fixtures), and only btcd's "not in the main chain" makes the follower
 * rebuild one.
 */
class StaleBlocksTests {

	private static final long SIMNET_LIMIT = 0x207fffffL;

	private final JsonRpcCodec codec = new JsonRpcCodec();

	/** A fixture's result, decoded as the client decodes a reply. */
	private <T> T result(String fixture, Class<T> type) {
		byte[] body = Fixtures.responseBody(fixture).getBytes(StandardCharsets.UTF_8);
		InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(JsonText.of(body));
		return response.result().decode(this.codec.mapper(), this.codec.mapper().readerFor(type));
	}

	private static RawBlock serialized(String fixture) {
		return RawBlock.parseHex(Fixtures.fixture(fixture).get("response").get("result").stringValue());
	}

	@Test
	void aBlockRebuiltFromBtcdsSerializationIsWhatBtcdSaysOfIt() {
		BlockWithTransactions expected = result("btcd/http-getblock-verbosity2.json", BlockWithTransactions.class);

		BlockWithTransactions rebuilt = StaleBlocks.assemble(serialized("btcd/http-getblock-verbosity0.json"), expected.hash(),
				expected.height(), expected.transactions(), SIMNET_LIMIT);

		assertThat(rebuilt.hash()).isEqualTo(expected.hash());
		assertThat(rebuilt.version()).isEqualTo(expected.version());
		assertThat(rebuilt.versionHex()).isEqualTo(expected.versionHex());
		assertThat(rebuilt.previousBlockHash()).isEqualTo(expected.previousBlockHash());
		assertThat(rebuilt.merkleRoot()).isEqualTo(expected.merkleRoot());
		assertThat(rebuilt.time()).isEqualTo(expected.time());
		assertThat(rebuilt.nonce()).isEqualTo(expected.nonce());
		assertThat(rebuilt.bits()).isEqualTo(expected.bits());
		assertThat(rebuilt.difficulty()).isEqualTo(expected.difficulty()).isEqualTo(BigDecimal.ONE);
		assertThat(rebuilt.size()).isEqualTo(expected.size());
		assertThat(rebuilt.strippedSize()).isEqualTo(expected.strippedSize());
		assertThat(rebuilt.weight()).isEqualTo(expected.weight());
		// The rest too, but for the one field a block off the best chain must differ in.
		assertThat(rebuilt).usingRecursiveComparison().ignoringFields("confirmations").isEqualTo(expected);
		assertThat(rebuilt.confirmations()).isEqualTo(-1L);
	}

	@Test
	void btcdsDecoderGivesTheSpendOfThatBlockAsGetblockDoesLessTheSizesAndTheBlock() {
		BlockWithTransactions block = result("btcd/http-getblock-verbosity2.json", BlockWithTransactions.class);
		RawTransaction decoded = result("btcd/http-decoderawtransaction.json", RawTransaction.class);
		RawTransaction mined = block.transactions().get(1);

		assertThat(decoded.txid()).isEqualTo(serialized("btcd/http-getblock-verbosity0.json").transactions().get(1).txid())
			.isEqualTo(mined.txid());
		assertThat(decoded).usingRecursiveComparison()
			.ignoringFields("hash", "size", "vsize", "weight", "hex", "blockHash", "confirmations", "time", "blockTime")
			.isEqualTo(mined);
	}

	@Test
	void aSegwitBlockRebuiltFromCoresSerializationHasCoresSizesAndBtcdsDifficulty() {
		BlockWithTransactions expected = result("core/http-getblock-verbosity2.json", BlockWithTransactions.class);

		BlockWithTransactions rebuilt = StaleBlocks.assemble(serialized("core/http-getblock-verbosity0.json"), expected.hash(),
				expected.height(), expected.transactions(), 0x207fffffL);

		assertThat(rebuilt).usingRecursiveComparison()
			.ignoringFields("confirmations", "medianTime", "target", "difficulty", "chainWork", "txCount")
			.isEqualTo(expected);
		assertThat(rebuilt.strippedSize()).isEqualTo(326L);
		assertThat(rebuilt.weight()).isEqualTo(1449L);
		// Core divides mainnet's limit in floating point; btcd its own network's exactly.
		assertThat(expected.difficulty()).isEqualTo(new BigDecimal("4.656542373906925e-10"));
		assertThat(rebuilt.difficulty()).isEqualTo(BigDecimal.ONE);
		assertThat(rebuilt.medianTime()).isNull();
		assertThat(rebuilt.chainWork()).isNull();
		assertThat(rebuilt.target()).isNull();
		assertThat(rebuilt.txCount()).isNull();
		assertThat(rebuilt.nextBlockHash()).isNull();
	}

	@Test
	void versionHexIsGosPercent08x() {
		assertThat(StaleBlocks.versionHex(0x30400007)).isEqualTo("30400007");
		assertThat(StaleBlocks.versionHex(0x20000000)).isEqualTo("20000000");
		assertThat(StaleBlocks.versionHex(1)).isEqualTo("00000001");
		assertThat(StaleBlocks.versionHex(-1)).isEqualTo("-0000001");
		assertThat(StaleBlocks.versionHex(Integer.MIN_VALUE)).isEqualTo("-80000000");
	}

	@Test
	void onlyBtcdsNotInTheMainChainMeansServedOnlySerialized() {
		String hash = "4d2af2dca5ffa4b59662a568f8b67020f959fde5ec991bdc6d7c78894b1bf61b";

		assertThat(StaleBlocks.servedOnlySerialized(RpcErrorException.of("getblock", RpcErrorCode.INTERNAL_ERROR,
				"block " + hash + " is not in the main chain"))).isTrue();
		assertThat(StaleBlocks.servedOnlySerialized(RpcErrorException.of("getblock", RpcErrorCode.INTERNAL_ERROR,
				"Failed to deserialize block"))).isFalse();
		assertThat(StaleBlocks.servedOnlySerialized(RpcErrorException.of("getblock", RpcErrorCode.INVALID_ADDRESS_OR_KEY,
				"Block not found"))).isFalse();
		assertThat(StaleBlocks.servedOnlySerialized(RpcErrorException.of("getblock", RpcErrorCode.MISC_ERROR,
				"Block not available (pruned data)"))).isFalse();
		assertThat(StaleBlocks.servedOnlySerialized(new RpcConnectionException("connection refused"))).isFalse();
		assertThat(StaleBlocks.servedOnlySerialized(null)).isFalse();
	}

}
