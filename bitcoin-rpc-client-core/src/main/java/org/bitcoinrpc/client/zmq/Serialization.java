package org.bitcoinrpc.client.zmq;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Just enough of Bitcoin's serialization to name what {@code rawtx} and {@code rawblock} carry:
 * a transaction's txid and a block's hash, both in RPC (display) order.
 * <p>
 * The txid is the double SHA-256 of the transaction <em>without</em> its witness (BIP 144): the
 * marker and flag bytes and the witness stacks are left out, then the digest is byte-reversed for
 * display. Core publishes {@code rawtx} with the witness, so hashing the body as is would give the
 * wtxid instead. Stateless; safe from any thread.
 */
final class Serialization {

	static final HexFormat HEX = HexFormat.of();

	private Serialization() {
	}

	/** The txid of a serialized transaction (with or without witness), RPC order. */
	static String txid(byte[] raw) {
		return displayHash(doubleSha256(stripWitness(raw)));
	}

	/** The wtxid (hash of the full serialization), RPC order; equals the txid for a tx without witness. */
	static String wtxid(byte[] raw) {
		return displayHash(doubleSha256(raw));
	}

	/** The hash of a serialized block: the double SHA-256 of its 80-byte header, RPC order. */
	static String blockHash(byte[] rawBlock) {
		if (rawBlock.length < 80) {
			throw new ZmqDecodeException("A block must be at least 80 bytes (its header), was " + rawBlock.length);
		}
		MessageDigest digest = sha256();
		digest.update(rawBlock, 0, 80);
		return displayHash(sha256().digest(digest.digest()));
	}

	/**
	 * The legacy (non-witness) serialization of a transaction: version, inputs, outputs, lock
	 * time. A transaction without witness is returned as a copy of itself, after it was checked to
	 * parse to its last byte.
	 */
	static byte[] stripWitness(byte[] raw) {
		Reader in = new Reader(raw);
		in.skip(4);
		boolean witness = false;
		if (in.remaining() >= 2 && in.peek(0) == 0 && in.peek(1) != 0) {
			if (in.peek(1) != 1) {
				throw new ZmqDecodeException("Unknown transaction flag byte " + in.peek(1));
			}
			witness = true;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
		out.write(raw, 0, 4);
		if (witness) {
			in.skip(2);
		}
		int start = in.position();
		long inputs = in.varInt();
		for (long i = 0; i < inputs; i++) {
			in.skip(36);
			in.skip(in.length());
			in.skip(4);
		}
		long outputs = in.varInt();
		for (long i = 0; i < outputs; i++) {
			in.skip(8);
			in.skip(in.length());
		}
		out.write(raw, start, in.position() - start);
		if (witness) {
			for (long i = 0; i < inputs; i++) {
				long items = in.varInt();
				for (long j = 0; j < items; j++) {
					in.skip(in.length());
				}
			}
		}
		int lockTime = in.position();
		in.skip(4);
		if (in.remaining() != 0) {
			throw new ZmqDecodeException(in.remaining() + " bytes left after the transaction's lock time");
		}
		out.write(raw, lockTime, 4);
		return out.toByteArray();
	}

	static byte[] doubleSha256(byte[] data) {
		return sha256().digest(sha256().digest(data));
	}

	/** Hex of the bytes in reverse order: how RPC shows a hash whose digest is {@code internalOrder}. */
	static String displayHash(byte[] internalOrder) {
		byte[] reversed = new byte[internalOrder.length];
		for (int i = 0; i < internalOrder.length; i++) {
			reversed[i] = internalOrder[internalOrder.length - 1 - i];
		}
		return HEX.formatHex(reversed);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JRE has SHA-256", ex);
		}
	}

	/** A cursor over a byte array that fails with a {@link ZmqDecodeException} instead of running off the end. */
	private static final class Reader {

		private final byte[] bytes;

		private int position;

		Reader(byte[] bytes) {
			this.bytes = bytes;
		}

		int position() {
			return this.position;
		}

		int remaining() {
			return this.bytes.length - this.position;
		}

		int peek(int offset) {
			return this.bytes[this.position + offset] & 0xff;
		}

		void skip(long count) {
			if (count < 0 || count > remaining()) {
				throw new ZmqDecodeException("Transaction truncated: needed " + count + " bytes at offset "
						+ this.position + ", " + remaining() + " left");
			}
			this.position += (int) count;
		}

		/** A script or witness item length; checked against what is left so a huge value fails cleanly. */
		long length() {
			long length = varInt();
			if (length > remaining()) {
				throw new ZmqDecodeException("Length " + length + " at offset " + this.position + " exceeds the "
						+ remaining() + " bytes left");
			}
			return length;
		}

		long varInt() {
			skip(1);
			int first = this.bytes[this.position - 1] & 0xff;
			int size = switch (first) {
				case 0xfd -> 2;
				case 0xfe -> 4;
				case 0xff -> 8;
				default -> 0;
			};
			if (size == 0) {
				return first;
			}
			skip(size);
			long value = 0;
			for (int i = size - 1; i >= 0; i--) {
				value = (value << 8) | (this.bytes[this.position - size + i] & 0xff);
			}
			if (value < 0) {
				throw new ZmqDecodeException("Count out of range at offset " + (this.position - size));
			}
			return value;
		}

	}

}
