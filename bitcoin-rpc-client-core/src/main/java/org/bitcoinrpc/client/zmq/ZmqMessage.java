package org.bitcoinrpc.client.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One Bitcoin Core ZMQ message, decoded. {@link #decode(List)} is pure: it turns the three frames
 * (topic, body, 4-byte little-endian sequence) into one of these records or throws a
 * {@link ZmqDecodeException}; no I/O, no state.
 * <p>
 * Byte order: every hash here is in RPC (display) order, the order {@code getblockhash} and
 * {@code getrawtransaction} use. Core already publishes {@code hashblock}, {@code hashtx} and the
 * hash of {@code sequence} in that order (checked against the recorded Core 31.0 transcripts,
 * where the {@code hashblock} bodies equal the hex returned by {@code generatetoaddress}), so the
 * bodies are taken as they are, not reversed. Hashes computed here ({@code rawtx} txids,
 * {@code rawblock} hashes) are digests, reversed for display.
 */
public sealed interface ZmqMessage {

	/** The topic of the first frame. */
	ZmqTopic topic();

	/** The per-topic sequence number of the third frame, an unsigned 32-bit value (0 to 2^32 - 1). */
	long sequence();

	/** {@code hashblock}: a new tip. */
	record HashBlock(String blockHash, long sequence) implements ZmqMessage {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.HASHBLOCK;
		}

	}

	/** {@code hashtx}: a transaction entered the mempool or was in a connected or disconnected block. */
	record HashTx(String txid, long sequence) implements ZmqMessage {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.HASHTX;
		}

	}

	/**
	 * {@code rawblock}: a new tip, serialized.
	 *
	 * @param blockHash the hash of the 80-byte header, RPC order
	 * @param hex the serialized block as lower-case hex
	 * @param sequence the per-topic sequence number
	 */
	record RawBlock(String blockHash, String hex, long sequence) implements ZmqMessage {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.RAWBLOCK;
		}

	}

	/**
	 * {@code rawtx}: a transaction entered the mempool, or was in a connected or disconnected block
	 * (Core sends it for all three and they cannot be told apart).
	 *
	 * @param txid the txid: hash of the serialization without witness, RPC order
	 * @param hex the transaction as Core sent it (with witness), lower-case hex
	 * @param sequence the per-topic sequence number
	 */
	record RawTx(String txid, String hex, long sequence) implements ZmqMessage {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.RAWTX;
		}

	}

	/**
	 * {@code sequence}: a block connected or disconnected, or a transaction added to or removed
	 * from the mempool.
	 *
	 * @param hash the block hash (C, D) or txid (A, R), RPC order
	 * @param label what happened
	 * @param mempoolSequence for A and R, the mempool sequence ({@code getrawmempool [false, true]}'s
	 * {@code mempool_sequence}); {@code null} for C and D
	 * @param sequence the per-topic sequence number
	 */
	record Sequence(String hash, SequenceLabel label, @Nullable Long mempoolSequence, long sequence)
			implements ZmqMessage {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.SEQUENCE;
		}

	}

	/**
	 * Decodes the frames of one message.
	 *
	 * @throws ZmqDecodeException when there are not exactly three frames, the topic is unknown, the
	 * sequence frame is not 4 bytes, or the body does not have the topic's shape
	 */
	static ZmqMessage decode(List<byte[]> frames) {
		Objects.requireNonNull(frames, "frames must not be null");
		if (frames.size() != 3) {
			throw new ZmqDecodeException("Expected 3 frames (topic, body, sequence), got " + frames.size());
		}
		String name = new String(frames.get(0), StandardCharsets.US_ASCII);
		ZmqTopic topic = ZmqTopic.fromWireName(name);
		if (topic == null) {
			throw new ZmqDecodeException("Unknown topic '" + name + "'");
		}
		byte[] body = frames.get(1);
		byte[] seq = frames.get(2);
		if (seq.length != 4) {
			throw new ZmqDecodeException(name + ": the sequence frame must be 4 bytes, was " + seq.length);
		}
		long sequence = (seq[0] & 0xffL) | (seq[1] & 0xffL) << 8 | (seq[2] & 0xffL) << 16 | (seq[3] & 0xffL) << 24;
		return switch (topic) {
			case HASHBLOCK -> new HashBlock(hash32(name, body), sequence);
			case HASHTX -> new HashTx(hash32(name, body), sequence);
			case RAWBLOCK -> new RawBlock(blockHash(body), HexFormat.of().formatHex(body), sequence);
			case RAWTX -> new RawTx(txid(body), HexFormat.of().formatHex(body), sequence);
			case SEQUENCE -> sequence(body, sequence);
		};
	}

	private static String hash32(String topic, byte[] body) {
		if (body.length != 32) {
			throw new ZmqDecodeException(topic + ": the body must be a 32-byte hash, was " + body.length + " bytes");
		}
		return HexFormat.of().formatHex(body);
	}

	/**
	 * The txid: the double SHA-256 of the serialization <em>without</em> its witness (BIP 144).
	 * Core publishes {@code rawtx} with the witness, so hashing the body as is would give the wtxid.
	 */
	private static String txid(byte[] body) {
		if (body.length < 10) {
			throw new ZmqDecodeException("rawtx: a transaction is at least 10 bytes, was " + body.length);
		}
		try {
			return org.bitcoinrpc.client.internal.RawBlock.parseTransaction(body).txid();
		}
		catch (IllegalArgumentException ex) {
			throw new ZmqDecodeException("rawtx: " + ex.getMessage());
		}
	}

	private static String blockHash(byte[] body) {
		try {
			return org.bitcoinrpc.client.internal.RawBlock.headerHash(body);
		}
		catch (IllegalArgumentException ex) {
			throw new ZmqDecodeException("rawblock: " + ex.getMessage());
		}
	}

	private static Sequence sequence(byte[] body, long sequence) {
		if (body.length < 33) {
			throw new ZmqDecodeException("sequence: the body must be a 32-byte hash and a label, was " + body.length
					+ " bytes");
		}
		SequenceLabel label = SequenceLabel.fromCode(body[32] & 0xff);
		if (label == null) {
			throw new ZmqDecodeException("sequence: unknown label 0x" + Integer.toHexString(body[32] & 0xff));
		}
		int expected = label.hasMempoolSequence() ? 41 : 33;
		if (body.length != expected) {
			throw new ZmqDecodeException("sequence: a '" + label.code() + "' body must be " + expected + " bytes, was "
					+ body.length);
		}
		String hash = HexFormat.of().formatHex(Arrays.copyOf(body, 32));
		Long mempoolSequence = null;
		if (label.hasMempoolSequence()) {
			long value = 0;
			for (int i = 40; i >= 33; i--) {
				value = (value << 8) | (body[i] & 0xffL);
			}
			mempoolSequence = value;
		}
		return new Sequence(hash, label, mempoolSequence, sequence);
	}

}
