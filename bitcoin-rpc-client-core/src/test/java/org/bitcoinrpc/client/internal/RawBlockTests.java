package org.bitcoinrpc.client.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A serialized block from each node's recorded {@code getblock <hash> 0} splits into what the same
 * node's {@code getblock <hash> 2} says of that block: btcd's legacy transactions, and Core's
 * segwit ones whose txid leaves the witness out. Malformed blocks fail, saying where.
 */
class RawBlockTests {

	/** The serialized block a fixture recorded. */
	private static String serialized(String fixture) {
		return Fixtures.fixture(fixture).get("response").get("result").stringValue();
	}

	/** The verbose block a fixture recorded. */
	private static JsonNode verbose(String fixture) {
		return Fixtures.fixture(fixture).get("response").get("result");
	}

	@ParameterizedTest
	@ValueSource(strings = { "btcd", "core" })
	void theRecordedSerializedBlockSplitsIntoWhatTheNodeSaysOfIt(String node) {
		assertThat(Fixtures.fixture(node + "/http-getblock-verbosity0.json").get("request").get("params").get(0))
			.as("the same block in both fixtures")
			.isEqualTo(Fixtures.fixture(node + "/http-getblock-verbosity2.json").get("request").get("params").get(0));
		JsonNode expected = verbose(node + "/http-getblock-verbosity2.json");

		RawBlock block = RawBlock.parseHex(serialized(node + "/http-getblock-verbosity0.json"));

		assertThat(block.hash()).isEqualTo(expected.get("hash").stringValue());
		assertThat((long) block.version()).isEqualTo(expected.get("version").longValue());
		assertThat(block.previousBlockHash()).isEqualTo(expected.get("previousblockhash").stringValue());
		assertThat(block.merkleRoot()).isEqualTo(expected.get("merkleroot").stringValue());
		assertThat(block.computedMerkleRoot()).isEqualTo(block.merkleRoot());
		assertThat(block.time()).isEqualTo(expected.get("time").longValue());
		assertThat(Long.toHexString(block.bits())).isEqualTo(expected.get("bits").stringValue());
		assertThat(block.nonce()).isEqualTo(expected.get("nonce").longValue());
		assertThat(block.size()).isEqualTo(expected.get("size").intValue());
		assertThat(block.strippedSize()).isEqualTo(expected.get("strippedsize").intValue());
		assertThat(block.weight()).isEqualTo(expected.get("weight").intValue());
		JsonNode transactions = expected.get(node.equals("btcd") ? "rawtx" : "tx");
		assertThat(block.transactions()).hasSize(transactions.size());
		for (int i = 0; i < transactions.size(); i++) {
			JsonNode tx = transactions.get(i);
			RawBlock.Transaction split = block.transactions().get(i);
			assertThat(split.hex()).as("transaction %d", i).isEqualTo(tx.get("hex").stringValue());
			assertThat(split.txid()).as("transaction %d", i).isEqualTo(tx.get("txid").stringValue());
			assertThat(split.wtxid()).as("transaction %d", i).isEqualTo(tx.get("hash").stringValue());
			assertThat(split.size()).as("transaction %d", i).isEqualTo(tx.get("size").intValue());
			assertThat(3 * split.strippedSize() + split.size()).as("transaction %d", i).isEqualTo(tx.get("weight").intValue());
		}
	}

	@Test
	void aSegwitTransactionsTxidLeavesItsWitnessOut() {
		RawBlock block = RawBlock.parseHex(serialized("core/http-getblock-verbosity0.json"));

		for (RawBlock.Transaction tx : block.transactions()) {
			assertThat(tx.hex()).startsWith("0200000000" + "01");
			assertThat(tx.txid()).isNotEqualTo(tx.wtxid());
			assertThat(tx.strippedSize()).isLessThan(tx.size());
		}
		assertThat(block.strippedSize()).isLessThan(block.size());
	}

	@Test
	void aLegacyTransactionsTxidIsItsWtxid() {
		RawBlock block = RawBlock.parseHex(serialized("btcd/http-getblock-verbosity0.json"));

		assertThat(block.transactions()).hasSize(2).allSatisfy((tx) -> {
			assertThat(tx.txid()).isEqualTo(tx.wtxid());
			assertThat(tx.strippedSize()).isEqualTo(tx.size());
		});
		assertThat(block.transactions().get(1).hex())
			.isEqualTo(Fixtures.fixture("btcd/http-decoderawtransaction.json").get("request").get("params").get(0).stringValue());
	}

	@Test
	void aTruncatedBlockFailsSayingWhere() {
		String hex = serialized("btcd/http-getblock-verbosity0.json");

		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(hex.substring(0, hex.length() - 2)))
			.withMessage("The block is truncated in transaction 2 of 2: its lock time: 4 bytes needed at offset 411, 3 left");
		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(hex.substring(0, 2 * 200)))
			.withMessageStartingWith("The block is truncated")
			.withMessageContaining("transaction 2 of 2");
		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(hex.substring(0, 2 * 79)))
			.withMessage("A serialized block starts with an 80-byte header; it has only 79 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(hex.substring(0, 2 * 80)))
			.withMessageStartingWith("The block is truncated in the transaction count");
	}

	@Test
	void bytesAfterTheLastTransactionFail() {
		String hex = serialized("core/http-getblock-verbosity0.json");

		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(hex + "00"))
			.withMessage("1 bytes follow the last of the block's 2 transactions (at offset 471 of 472)");
	}

	@Test
	void countsThatCannotFitFailBeforeAnythingIsAllocated() {
		String header = serialized("btcd/http-getblock-verbosity0.json").substring(0, 160);

		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(header + "00"))
			.withMessage("A block has at least one transaction (its coinbase); this one says 0");
		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(header + "ffffffffffffffff7f" + "00".repeat(100)))
			.withMessage("The block says it has 9223372036854775807 transactions but only 100 bytes follow its header");
		// One transaction whose input count (0xfe: 4 bytes) claims more inputs than its bytes could hold.
		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(header + "01" + "01000000" + "feffffff00"
				+ "00".repeat(60)))
			.withMessageStartingWith("The block is truncated: transaction 1 of 1: its input count is 16777215");
	}

	@Test
	void aSegwitMarkerWithAnotherFlagFails() {
		String hex = serialized("core/http-getblock-verbosity0.json");
		// The first transaction starts after the header and the count: version, then marker 00 and flag 01.
		int flag = 2 * (80 + 1 + 4 + 1);
		String patched = hex.substring(0, flag) + "02" + hex.substring(flag + 2);

		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex(patched))
			.withMessage("transaction 1 of 2 has the segwit marker but flag 2 (not 1) at offset 86");
	}

	@Test
	void notHexFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> RawBlock.parseHex("zz"))
			.withMessageStartingWith("A serialized block must be hex");
	}

	@Test
	void theMerkleRootOfOddLevelsPairsTheLastHashWithItself() {
		// Three transactions: the Core block's two and btcd's spend, re-serialized with a count of 3.
		String core = serialized("core/http-getblock-verbosity0.json");
		String spend = RawBlock.parseHex(serialized("btcd/http-getblock-verbosity0.json")).transactions().get(1).hex();
		RawBlock two = RawBlock.parseHex(core);
		List<String> txs = new ArrayList<>();
		two.transactions().forEach((tx) -> txs.add(tx.hex()));
		txs.add(spend);

		RawBlock three = RawBlock.parseHex(core.substring(0, 160) + "03" + String.join("", txs));

		assertThat(three.transactions()).extracting(RawBlock.Transaction::hex).containsExactlyElementsOf(txs);
		assertThat(three.computedMerkleRoot()).isNotEqualTo(three.merkleRoot())
			.isEqualTo(merkleOfThree(three.transactions()));
	}

	/** Bitcoin's merkle root of three txids, spelled out: (a, b) and (c, c), then the pair of those. */
	private static String merkleOfThree(List<RawBlock.Transaction> txs) {
		byte[] a = internal(txs.get(0).txid());
		byte[] b = internal(txs.get(1).txid());
		byte[] c = internal(txs.get(2).txid());
		return display(hashPair(hashPair(a, b), hashPair(c, c)));
	}

	private static byte[] internal(String display) {
		byte[] bytes = HexFormat.of().parseHex(display);
		for (int i = 0; i < bytes.length / 2; i++) {
			byte swap = bytes[i];
			bytes[i] = bytes[bytes.length - 1 - i];
			bytes[bytes.length - 1 - i] = swap;
		}
		return bytes;
	}

	private static String display(byte[] internal) {
		return HexFormat.of().formatHex(internal(HexFormat.of().formatHex(internal)));
	}

	private static byte[] hashPair(byte[] left, byte[] right) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(left);
			sha.update(right);
			return MessageDigest.getInstance("SHA-256").digest(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
