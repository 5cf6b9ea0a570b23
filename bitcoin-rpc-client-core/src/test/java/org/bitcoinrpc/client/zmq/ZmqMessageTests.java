package org.bitcoinrpc.client.zmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.internal.RawBlock;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Decoding against every recorded Bitcoin Core 31.0 ZMQ message, and the malformed cases. */
class ZmqMessageTests {

	private static final HexFormat HEX = HexFormat.of();

	private static final String REGTEST_GENESIS = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206";

	private static final String TIP_102 = "3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43";

	private static final String WALLET_TX = "b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e";

	private static final String BUMPED_TX = "b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa";

	/** Txids of every rawtx capture, in order; each also appears in Core's RPC captures. */
	private static final Map<String, List<String>> RAWTX_TXIDS = Map.of(
			"zmq-rawtx-fresh-node-startup.json",
			List.of("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"),
			"zmq-rawtx-coinbase-blocks.json",
			List.of("cfd22ce4c30c3c0aa3eccd604672e2f45782735f73d80c38fc504ad746a27ddc",
					"67a00576ec52c7b700fd0e3cf3181fc8c4efeda18006d5832a178f37dbf65ec9"),
			"zmq-rawtx-mempool.json", List.of(WALLET_TX),
			"zmq-rawtx-rbf-replacement.json", List.of(BUMPED_TX),
			"zmq-rawtx-block-with-tx.json",
			List.of("ebfa5da47d7e6b9e98076cb2c1952108c784ff4987c70beb53732f3f834635bf", BUMPED_TX),
			"zmq-rawtx-invalidateblock.json",
			List.of("ebfa5da47d7e6b9e98076cb2c1952108c784ff4987c70beb53732f3f834635bf", BUMPED_TX, BUMPED_TX),
			"zmq-rawtx-reconsiderblock.json",
			List.of("ebfa5da47d7e6b9e98076cb2c1952108c784ff4987c70beb53732f3f834635bf", BUMPED_TX));

	@Test
	void decodesEveryCapturedMessage() {
		List<String> names = ZmqCaptures.names();
		assertThat(names).hasSize(20).allMatch((name) -> name.startsWith("zmq-"));
		int decoded = 0;
		for (String name : names) {
			for (JsonNode captured : ZmqCaptures.messages(name)) {
				ZmqMessage message = ZmqMessage.decode(ZmqCaptures.frames(captured));
				String body = captured.get("body_hex").asString();
				assertThat(message.topic().wireName()).as(name).isEqualTo(captured.get("topic").asString());
				assertThat(message.sequence()).as(name).isEqualTo(captured.get("seq").asLong());
				if (message instanceof ZmqMessage.HashBlock hashBlock) {
					// Not reversed: Core already sends the RPC (display) order.
					assertThat(hashBlock.blockHash()).isEqualTo(body);
				}
				else if (message instanceof ZmqMessage.Sequence sequence) {
					assertThat(sequence.hash()).isEqualTo(body.substring(0, 64));
					assertThat((int) sequence.label().code()).isEqualTo(Integer.parseInt(body.substring(64, 66), 16));
					if (sequence.label().hasMempoolSequence()) {
						assertThat(body).hasSize(82);
						assertThat(sequence.mempoolSequence()).isEqualTo(Long.reverseBytes(Long.parseUnsignedLong(body.substring(66), 16)));
					}
					else {
						assertThat(body).hasSize(66);
						assertThat(sequence.mempoolSequence()).isNull();
					}
				}
				else if (message instanceof ZmqMessage.RawTx rawTx) {
					assertThat(rawTx.hex()).isEqualTo(body);
				}
				decoded++;
			}
		}
		assertThat(decoded).isEqualTo(26);
	}

	@Test
	void hashblockBodiesAreInRpcOrder() {
		JsonNode generated = Fixtures.fixture("core/http-generatetoaddress.json").get("response").get("result");
		assertThat(hashBlocks("zmq-hashblock.json")).extracting(ZmqMessage.HashBlock::blockHash)
			.containsExactly(generated.get(0).asString(), generated.get(1).asString());
		assertThat(hashBlocks("zmq-hashblock.json")).extracting(ZmqMessage::sequence).containsExactly(0L, 1L);
		String best = Fixtures.fixture("core/http-getbestblockhash.json").get("response").get("result").asString();
		assertThat(hashBlocks("zmq-hashblock-single.json")).extracting(ZmqMessage.HashBlock::blockHash).containsExactly(best);
		// reconsiderblock: the same block announced again under a new sequence number.
		assertThat(hashBlocks("zmq-hashblock-reconsiderblock.json")).containsExactly(new ZmqMessage.HashBlock(TIP_102, 102));
		assertThat(ZmqCaptures.messages("zmq-hashblock-invalidateblock.json")).isEmpty();
		assertThat(ZmqCaptures.messages("zmq-hashblock-fresh-node-startup.json")).isEmpty();
	}

	@Test
	void sequenceLabelsHashesAndMempoolSequences() {
		assertThat(sequence("zmq-sequence-fresh-node-startup.json"))
			.containsExactly(new ZmqMessage.Sequence(REGTEST_GENESIS, SequenceLabel.BLOCK_CONNECTED, null, 0));
		JsonNode generated = Fixtures.fixture("core/http-generatetoaddress.json").get("response").get("result");
		assertThat(sequence("zmq-sequence-block-connect.json")).containsExactly(
				new ZmqMessage.Sequence(generated.get(0).asString(), SequenceLabel.BLOCK_CONNECTED, null, 1),
				new ZmqMessage.Sequence(generated.get(1).asString(), SequenceLabel.BLOCK_CONNECTED, null, 2));
		assertThat(sequence("zmq-sequence-mempool-add.json"))
			.containsExactly(new ZmqMessage.Sequence(WALLET_TX, SequenceLabel.MEMPOOL_ADDED, 1L, 102));
		assertThat(sequence("zmq-sequence-rbf-replace.json")).containsExactly(
				new ZmqMessage.Sequence(WALLET_TX, SequenceLabel.MEMPOOL_REMOVED, 2L, 103),
				new ZmqMessage.Sequence(BUMPED_TX, SequenceLabel.MEMPOOL_ADDED, 3L, 104));
		assertThat(sequence("zmq-sequence-block-with-tx.json"))
			.containsExactly(new ZmqMessage.Sequence(TIP_102, SequenceLabel.BLOCK_CONNECTED, null, 105));
		assertThat(sequence("zmq-sequence-invalidateblock.json")).containsExactly(
				new ZmqMessage.Sequence(TIP_102, SequenceLabel.BLOCK_DISCONNECTED, null, 106),
				new ZmqMessage.Sequence(BUMPED_TX, SequenceLabel.MEMPOOL_ADDED, 5L, 107));
		assertThat(sequence("zmq-sequence-reconsiderblock.json"))
			.containsExactly(new ZmqMessage.Sequence(TIP_102, SequenceLabel.BLOCK_CONNECTED, null, 108));
		// getrawmempool [false, true] after invalidateblock: mempool_sequence is the next number.
		JsonNode mempool = Fixtures.fixture("core/http-getrawmempool-after-invalidate.json").get("response").get("result");
		assertThat(mempool.get("txids").get(0).asString()).isEqualTo(BUMPED_TX);
		assertThat(mempool.get("mempool_sequence").asLong()).isEqualTo(6);
	}

	@Test
	void rawtxTxidsAreHashesOfTheSerializationWithoutWitness() {
		String rpcCaptures = Fixtures.fixture("core/http-getblock-verbosity2.json").toString()
				+ Fixtures.fixture("core/http-getblock-verbosity1.json").toString()
				+ Fixtures.fixture("core/http-getrawtransaction-mempool-verbose.json").toString();
		for (Map.Entry<String, List<String>> entry : RAWTX_TXIDS.entrySet()) {
			List<ZmqMessage.RawTx> messages = ZmqCaptures.messages(entry.getKey()).stream()
				.map((captured) -> (ZmqMessage.RawTx) ZmqMessage.decode(ZmqCaptures.frames(captured)))
				.toList();
			assertThat(messages).as(entry.getKey()).extracting(ZmqMessage.RawTx::txid).isEqualTo(entry.getValue());
		}
		assertThat(RAWTX_TXIDS.keySet()).containsExactlyInAnyOrderElementsOf(
				ZmqCaptures.names().stream().filter((name) -> name.startsWith("zmq-rawtx-")).toList());
		// The same txids as the sequence topic and the RPC captures report.
		assertThat(sequence("zmq-sequence-mempool-add.json").get(0).hash()).isEqualTo(WALLET_TX);
		assertThat(rpcCaptures).contains("ebfa5da47d7e6b9e98076cb2c1952108c784ff4987c70beb53732f3f834635bf")
			.contains("cfd22ce4c30c3c0aa3eccd604672e2f45782735f73d80c38fc504ad746a27ddc")
			.contains(WALLET_TX);
		// A segwit tx: the wtxid (hash of the body as sent) differs; a legacy one (genesis): the same.
		byte[] segwit = HEX.parseHex(ZmqCaptures.messages("zmq-rawtx-mempool.json").get(0).get("body_hex").asString());
		assertThat(RawBlock.parseTransaction(segwit).wtxid()).isNotEqualTo(WALLET_TX)
			.isEqualTo("fba8f90032068f84163ee2e68a66f396d9e9ba4d264ee415f732094efad83bcd");
		byte[] legacy = HEX.parseHex(
				ZmqCaptures.messages("zmq-rawtx-fresh-node-startup.json").get(0).get("body_hex").asString());
		RawBlock.Transaction genesis = RawBlock.parseTransaction(legacy);
		assertThat(genesis.strippedSize()).isEqualTo(legacy.length);
		assertThat(genesis.wtxid()).isEqualTo(genesis.txid());
	}

	@Test
	void rawblockHashIsTheHeaderHash() {
		// Regtest genesis: version 1, merkle root = the genesis coinbase txid, time 1296688602, bits 207fffff, nonce 2.
		String header = "01000000" + "00".repeat(32)
				+ "3ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a" + "dae5494d" + "ffff7f20" + "02000000";
		byte[] coinbase = HEX.parseHex(
				ZmqCaptures.messages("zmq-rawtx-fresh-node-startup.json").get(0).get("body_hex").asString());
		byte[] block = new byte[80 + 1 + coinbase.length];
		System.arraycopy(HEX.parseHex(header), 0, block, 0, 80);
		block[80] = 1;
		System.arraycopy(coinbase, 0, block, 81, coinbase.length);
		ZmqMessage message = ZmqMessage.decode(List.of(bytes("rawblock"), block, new byte[] { 7, 0, 0, 0 }));
		assertThat(message).isEqualTo(new ZmqMessage.RawBlock(REGTEST_GENESIS, HEX.formatHex(block), 7));
	}

	@Test
	void hashtxAndSequenceNumbersAreUnsigned32Bit() {
		ZmqMessage message = ZmqMessage.decode(List.of(bytes("hashtx"), HEX.parseHex(WALLET_TX),
				new byte[] { (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff }));
		assertThat(message).isEqualTo(new ZmqMessage.HashTx(WALLET_TX, 0xFFFF_FFFFL));
	}

	@Test
	void malformedMessagesAreDecodeErrors() {
		byte[] seq = new byte[4];
		byte[] hash = HEX.parseHex(TIP_102);
		assertDecodeError(List.of(bytes("hashblock"), hash), "Expected 3 frames");
		assertDecodeError(List.of(bytes("hashblock"), hash, seq, seq), "Expected 3 frames");
		assertDecodeError(List.of(bytes("hashblock"), new byte[31], seq), "32-byte hash");
		assertDecodeError(List.of(bytes("hashtx"), new byte[33], seq), "32-byte hash");
		assertDecodeError(List.of(bytes("hashblock"), hash, new byte[3]), "4 bytes");
		assertDecodeError(List.of(bytes("hashblocks"), hash, seq), "Unknown topic");
		assertDecodeError(List.of(bytes("sequence"), hash, seq), "hash and a label");
		assertDecodeError(List.of(bytes("sequence"), concat(hash, new byte[] { 'X' }), seq), "unknown label");
		assertDecodeError(List.of(bytes("sequence"), concat(hash, new byte[] { 'A', 1, 0, 0 }), seq), "41 bytes");
		assertDecodeError(List.of(bytes("sequence"), concat(hash, new byte[] { 'C', 0 }), seq), "33 bytes");
		assertDecodeError(List.of(bytes("rawtx"), new byte[5], seq), "at least 10 bytes");
		byte[] tx = HEX.parseHex(ZmqCaptures.messages("zmq-rawtx-mempool.json").get(0).get("body_hex").asString());
		assertDecodeError(List.of(bytes("rawtx"), java.util.Arrays.copyOf(tx, tx.length - 1), seq), "truncated");
		assertDecodeError(List.of(bytes("rawtx"), concat(tx, new byte[1]), seq), "1 bytes follow the transaction's lock time");
		assertDecodeError(List.of(bytes("rawblock"), new byte[79], seq), "80-byte header; it has only 79 bytes");
	}

	private static void assertDecodeError(List<byte[]> frames, String message) {
		assertThatExceptionOfType(ZmqDecodeException.class).isThrownBy(() -> ZmqMessage.decode(frames))
			.withMessageContaining(message);
	}

	private static List<ZmqMessage.HashBlock> hashBlocks(String name) {
		List<ZmqMessage.HashBlock> messages = new ArrayList<>();
		for (JsonNode captured : ZmqCaptures.messages(name)) {
			messages.add((ZmqMessage.HashBlock) ZmqMessage.decode(ZmqCaptures.frames(captured)));
		}
		return messages;
	}

	private static List<ZmqMessage.Sequence> sequence(String name) {
		List<ZmqMessage.Sequence> messages = new ArrayList<>();
		for (JsonNode captured : ZmqCaptures.messages(name)) {
			messages.add((ZmqMessage.Sequence) ZmqMessage.decode(ZmqCaptures.frames(captured)));
		}
		return messages;
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] result = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
