package org.bitcoinrpc.benchmarks.stub;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bitcoinrpc.benchmarks.LargeBlock;

/**
 * The ~6.29 MB {@code getblock <hash> 2} reply of {@link LargeBlock} (btcd's layout, transactions
 * under {@code rawtx}), cut in front of its id. btcd writes the id last
 * ({@code ...,"error":null,"id":24}), so a stub answers any request with {@link #prefix()}, the
 * request's id literal and {@code '}'}, without touching the 6 MB: the reply a stub sends is then
 * byte for byte the one the decode benchmark (4) measures, with the caller's id in it.
 */
public final class LargeBlockReply {

	private static final byte[] ID_KEY = "\"id\":".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] HASH_KEY = "\"hash\":\"".getBytes(StandardCharsets.US_ASCII);

	private final byte[] prefix;

	private final String hash;

	private final int transactions;

	private final int size;

	private LargeBlockReply(byte[] prefix, String hash, int transactions, int size) {
		this.prefix = prefix;
		this.hash = hash;
		this.transactions = transactions;
		this.size = size;
	}

	/** Builds the reply: about a second, so once per JVM and only when asked. */
	public static LargeBlockReply build() {
		LargeBlock.Built built = LargeBlock.build("btcd", LargeBlock.DEFAULT_BYTES);
		byte[] bytes = built.bytes();
		int idAt = lastIndexOf(bytes, ID_KEY);
		String tail = (idAt < 0) ? "" : new String(bytes, idAt, bytes.length - idAt, StandardCharsets.US_ASCII);
		if (!tail.matches("\"id\":[0-9]+\\}")) {
			throw new IllegalStateException("the large block reply does not end with its id: ..." + tail);
		}
		int hashAt = indexOf(bytes, HASH_KEY) + HASH_KEY.length;
		String hash = new String(bytes, hashAt, 64, StandardCharsets.US_ASCII);
		return new LargeBlockReply(Arrays.copyOf(bytes, idAt + ID_KEY.length), hash, built.transactions(), bytes.length);
	}

	/** The reply up to and including {@code "id":}; not a copy: read it, never change it. */
	public byte[] prefix() {
		return this.prefix;
	}

	/** The block's hash: what a caller asks {@code getblock} for. */
	public String hash() {
		return this.hash;
	}

	/** How many transactions the block holds. */
	public int transactions() {
		return this.transactions;
	}

	/** The whole reply's length as {@link LargeBlock} built it (with a two-digit id). */
	public int size() {
		return this.size;
	}

	private static int indexOf(byte[] bytes, byte[] key) {
		for (int i = 0; i + key.length <= bytes.length; i++) {
			if (Arrays.equals(bytes, i, i + key.length, key, 0, key.length)) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOf(byte[] bytes, byte[] key) {
		for (int i = bytes.length - key.length; i >= 0; i--) {
			if (Arrays.equals(bytes, i, i + key.length, key, 0, key.length)) {
				return i;
			}
		}
		return -1;
	}

}
