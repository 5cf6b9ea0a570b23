package org.bitcoinrpc.client.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A serialized block ({@code getblock <hash> 0}) split into what a node's verbose {@code getblock}
 * derives from it: the 80-byte header's fields, and each transaction's bytes with its txid and
 * sizes. It exists because btcd describes a block off its best chain only in this form; the
 * follower rebuilds the verbose block from it.
 * <p>
 * Transactions are read as BIP 144 defines them: after the version, a {@code 0x00} marker and
 * {@code 0x01} flag announce witness data, which follows the outputs as one stack per input. The
 * txid hashes the serialization without marker, flag and witnesses; the wtxid hashes all of it.
 * Every count and length is checked against what is left, and the block must end exactly after
 * its last transaction, so a truncated or padded block fails with an {@link IllegalArgumentException}
 * saying where, instead of yielding wrong transactions. Immutable.
 */
public final class RawBlock {

	private static final HexFormat HEX = HexFormat.of();

	private static final int HEADER_SIZE = 80;

	private final String hash;

	private final int version;

	private final String previousBlockHash;

	private final String merkleRoot;

	private final long time;

	private final long bits;

	private final long nonce;

	private final List<Transaction> transactions;

	private final int size;

	private final int strippedSize;

	/** The txids in internal byte order, for {@link #computedMerkleRoot()}. */
	private final List<byte[]> txidsInternal;

	private RawBlock(byte[] bytes, List<Transaction> transactions, List<byte[]> txidsInternal, int strippedSize) {
		MessageDigest digest = sha256();
		digest.update(bytes, 0, HEADER_SIZE);
		this.hash = displayHash(sha256().digest(digest.digest()));
		this.version = (int) uint32(bytes, 0);
		this.previousBlockHash = displayHash(bytes, 4);
		this.merkleRoot = displayHash(bytes, 36);
		this.time = uint32(bytes, 68);
		this.bits = uint32(bytes, 72);
		this.nonce = uint32(bytes, 76);
		this.transactions = List.copyOf(transactions);
		this.txidsInternal = List.copyOf(txidsInternal);
		this.size = bytes.length;
		this.strippedSize = strippedSize;
	}

	/**
	 * Parses a serialized block given as hex, as {@code getblock <hash> 0} answers.
	 * @throws IllegalArgumentException when it is not hex or not exactly one block
	 */
	public static RawBlock parseHex(String hex) {
		byte[] bytes;
		try {
			bytes = HEX.parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("A serialized block must be hex: " + ex.getMessage(), ex);
		}
		return parse(bytes);
	}

	/**
	 * Parses a serialized block.
	 * @throws IllegalArgumentException when the bytes are not exactly one block
	 */
	public static RawBlock parse(byte[] bytes) {
		if (bytes.length < HEADER_SIZE) {
			throw new IllegalArgumentException("A serialized block starts with an 80-byte header; it has only "
					+ bytes.length + " bytes");
		}
		Reader in = new Reader(bytes, HEADER_SIZE);
		long count = in.varInt("the transaction count");
		if (count < 1) {
			throw new IllegalArgumentException("A block has at least one transaction (its coinbase); this one says 0");
		}
		// Each transaction takes at least 10 bytes: a bound that keeps a huge count from sizing the lists.
		if (count > in.remaining() / 10) {
			throw new IllegalArgumentException("The block says it has " + count + " transactions but only "
					+ in.remaining() + " bytes follow its header");
		}
		List<Transaction> transactions = new ArrayList<>((int) count);
		List<byte[]> txids = new ArrayList<>((int) count);
		int strippedSize = in.position();
		for (int i = 0; i < count; i++) {
			String which = "transaction " + (i + 1) + " of " + count;
			int start = in.position();
			TransactionBounds bounds = TransactionBounds.read(in, which);
			byte[] txid = bounds.txidInternal(bytes);
			byte[] raw = Arrays.copyOfRange(bytes, start, in.position());
			String wtxid = bounds.witness() ? displayHash(doubleSha256(raw)) : displayHash(txid);
			int stripped = bounds.strippedSize();
			transactions.add(new Transaction(HEX.formatHex(raw), displayHash(txid), wtxid, raw.length, stripped));
			txids.add(txid);
			strippedSize += stripped;
		}
		if (in.remaining() != 0) {
			throw new IllegalArgumentException(in.remaining() + " bytes follow the last of the block's " + count
					+ " transactions (at offset " + in.position() + " of " + bytes.length + ")");
		}
		return new RawBlock(bytes, transactions, txids, strippedSize);
	}

	/**
	 * Parses a serialized block header alone, as {@code getblockheader <hash> false} answers.
	 * @throws IllegalArgumentException when it is not 80 bytes of hex
	 */
	public static Header parseHeaderHex(String hex) {
		if (hex.length() != 2 * HEADER_SIZE) {
			throw new IllegalArgumentException("A serialized block header has " + 2 * HEADER_SIZE
					+ " hex characters, not " + hex.length());
		}
		byte[] bytes;
		try {
			bytes = HEX.parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("A serialized block header must be hex: " + ex.getMessage(), ex);
		}
		return new Header(displayHash(bytes, 4), uint32(bytes, 68));
	}

	/**
	 * What a serialized header tells a walk along the chain.
	 * @param previousBlockHash the parent's hash, RPC order (all zeros for a genesis block)
	 * @param time the block time, Unix seconds
	 */
	public record Header(String previousBlockHash, long time) {
	}

	/**
	 * Parses one serialized transaction on its own, as ZMQ's {@code rawtx} carries it.
	 * @throws IllegalArgumentException when the bytes are not exactly one transaction
	 */
	public static Transaction parseTransaction(byte[] bytes) {
		Reader in = new Reader(bytes, 0);
		TransactionBounds bounds = TransactionBounds.read(in, "the transaction");
		if (in.remaining() != 0) {
			throw new IllegalArgumentException(in.remaining() + " bytes follow the transaction's lock time (at offset "
					+ in.position() + " of " + bytes.length + ")");
		}
		String txid = displayHash(bounds.txidInternal(bytes));
		String wtxid = bounds.witness() ? displayHash(doubleSha256(bytes)) : txid;
		return new Transaction(HEX.formatHex(bytes), txid, wtxid, bytes.length, bounds.strippedSize());
	}

	/**
	 * The hash of the block whose serialization starts with {@code bytes}: the double SHA-256 of
	 * its 80-byte header, in RPC order. The transactions after the header are not looked at.
	 * @throws IllegalArgumentException when there are fewer than 80 bytes
	 */
	public static String headerHash(byte[] bytes) {
		if (bytes.length < HEADER_SIZE) {
			throw new IllegalArgumentException("A serialized block starts with an 80-byte header; it has only "
					+ bytes.length + " bytes");
		}
		MessageDigest digest = sha256();
		digest.update(bytes, 0, HEADER_SIZE);
		return displayHash(sha256().digest(digest.digest()));
	}

	/** The block hash, double SHA-256 of the header, in RPC (display) order. */
	public String hash() {
		return this.hash;
	}

	/** The header's version field, signed as nodes print it. */
	public int version() {
		return this.version;
	}

	/** The previous block's hash, RPC order. */
	public String previousBlockHash() {
		return this.previousBlockHash;
	}

	/** The merkle root as the header states it, RPC order. */
	public String merkleRoot() {
		return this.merkleRoot;
	}

	/** The merkle root of the transactions' txids: equals {@link #merkleRoot()} for an intact block. */
	public String computedMerkleRoot() {
		List<byte[]> level = this.txidsInternal;
		while (level.size() > 1) {
			List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
			for (int i = 0; i < level.size(); i += 2) {
				// An odd level pairs its last hash with itself.
				byte[] right = level.get(Math.min(i + 1, level.size() - 1));
				MessageDigest digest = sha256();
				digest.update(level.get(i));
				digest.update(right);
				next.add(sha256().digest(digest.digest()));
			}
			level = next;
		}
		return displayHash(level.get(0));
	}

	/** The header's time, Unix seconds (unsigned 32-bit). */
	public long time() {
		return this.time;
	}

	/** The header's compact target (unsigned 32-bit). */
	public long bits() {
		return this.bits;
	}

	/** The header's nonce (unsigned 32-bit). */
	public long nonce() {
		return this.nonce;
	}

	/** The transactions, coinbase first. */
	public List<Transaction> transactions() {
		return this.transactions;
	}

	/** The serialized size in bytes, witness data included. */
	public int size() {
		return this.size;
	}

	/** The size without witness data (marker, flag and witness stacks left out). */
	public int strippedSize() {
		return this.strippedSize;
	}

	/** The BIP 141 weight: three times the stripped size plus the full size. */
	public int weight() {
		return 3 * this.strippedSize + this.size;
	}

	/**
	 * One transaction of the block.
	 * @param hex its serialization, witness data included, as hex
	 * @param txid the double SHA-256 of the serialization without witness data, RPC order
	 * @param wtxid the double SHA-256 of the whole serialization, RPC order; the txid without witness data
	 * @param size the serialized size in bytes
	 * @param strippedSize the size without witness data
	 */
	public record Transaction(String hex, String txid, String wtxid, int size, int strippedSize) {
	}

	/**
	 * Where one transaction's parts lie in the block: the txid hashes the version, the inputs and
	 * outputs, and the lock time, skipping the marker, the flag and the witnesses between them.
	 */
	private record TransactionBounds(int start, int body, int bodyEnd, int lockTime, boolean witness) {

		static TransactionBounds read(Reader in, String which) {
			int start = in.position();
			in.skip(4, which + ": its version");
			boolean witness = false;
			if (in.remaining() >= 1 && in.peek() == 0) {
				// A legacy transaction never has zero inputs, so a zero here is the segwit marker.
				in.skip(1, which + ": its segwit marker");
				in.skip(1, which + ": its segwit flag");
				int flag = in.last();
				if (flag != 1) {
					throw new IllegalArgumentException(which + " has the segwit marker but flag " + flag + " (not 1) at offset "
							+ (in.position() - 1));
				}
				witness = true;
			}
			int body = in.position();
			long inputs = in.count(41, which + ": its input count");
			for (long i = 0; i < inputs; i++) {
				String input = which + ", input " + (i + 1) + " of " + inputs;
				in.skip(36, input + ": its outpoint");
				in.skip(in.length(input + ": its script length"), input + ": its script");
				in.skip(4, input + ": its sequence");
			}
			long outputs = in.count(9, which + ": its output count");
			for (long i = 0; i < outputs; i++) {
				String output = which + ", output " + (i + 1) + " of " + outputs;
				in.skip(8, output + ": its value");
				in.skip(in.length(output + ": its script length"), output + ": its script");
			}
			int bodyEnd = in.position();
			if (witness) {
				for (long i = 0; i < inputs; i++) {
					String stack = which + ", witness " + (i + 1) + " of " + inputs;
					long items = in.count(1, stack + ": its item count");
					for (long j = 0; j < items; j++) {
						in.skip(in.length(stack + ": an item's length"), stack + ": an item");
					}
				}
			}
			int lockTime = in.position();
			in.skip(4, which + ": its lock time");
			return new TransactionBounds(start, body, bodyEnd, lockTime, witness);
		}

		int strippedSize() {
			return 4 + (this.bodyEnd - this.body) + 4;
		}

		byte[] txidInternal(byte[] bytes) {
			MessageDigest digest = sha256();
			digest.update(bytes, this.start, 4);
			digest.update(bytes, this.body, this.bodyEnd - this.body);
			digest.update(bytes, this.lockTime, 4);
			return sha256().digest(digest.digest());
		}

	}

	/** A position in the block that fails with an {@link IllegalArgumentException} naming what is missing, never running off the end. */
	private static final class Reader {

		private final byte[] bytes;

		private int position;

		Reader(byte[] bytes, int position) {
			this.bytes = bytes;
			this.position = position;
		}

		int position() {
			return this.position;
		}

		int remaining() {
			return this.bytes.length - this.position;
		}

		int peek() {
			return this.bytes[this.position] & 0xff;
		}

		int last() {
			return this.bytes[this.position - 1] & 0xff;
		}

		void skip(long count, String what) {
			if (count > remaining()) {
				throw new IllegalArgumentException("The block is truncated in " + what + ": " + count
						+ " bytes needed at offset " + this.position + ", " + remaining() + " left");
			}
			this.position += (int) count;
		}

		/** A length of bytes that follow; larger than what is left means a truncated block. */
		long length(String what) {
			long length = varInt(what);
			if (length > remaining()) {
				throw new IllegalArgumentException("The block is truncated: " + what + " is " + length + " at offset "
						+ this.position + ", " + remaining() + " bytes left");
			}
			return length;
		}

		/** A count of items each at least {@code minimumSize} bytes long, checked against what is left. */
		long count(int minimumSize, String what) {
			long count = varInt(what);
			if (count > remaining() / minimumSize) {
				throw new IllegalArgumentException("The block is truncated: " + what + " is " + count + " at offset "
						+ this.position + ", with " + remaining() + " bytes left");
			}
			return count;
		}

		/** Bitcoin's CompactSize: one byte below 0xfd, else 0xfd/0xfe/0xff then 2/4/8 bytes little-endian. */
		long varInt(String what) {
			skip(1, what);
			int first = last();
			int size = switch (first) {
				case 0xfd -> 2;
				case 0xfe -> 4;
				case 0xff -> 8;
				default -> 0;
			};
			if (size == 0) {
				return first;
			}
			skip(size, what);
			long value = 0;
			for (int i = this.position - 1; i >= this.position - size; i--) {
				value = (value << 8) | (this.bytes[i] & 0xff);
			}
			if (value < 0) {
				throw new IllegalArgumentException(what + " at offset " + (this.position - size) + " is out of range");
			}
			return value;
		}

	}

	private static long uint32(byte[] bytes, int offset) {
		return (bytes[offset] & 0xffL) | (bytes[offset + 1] & 0xffL) << 8 | (bytes[offset + 2] & 0xffL) << 16
				| (bytes[offset + 3] & 0xffL) << 24;
	}

	/** The 32 bytes at {@code offset}, reversed into RPC order. */
	private static String displayHash(byte[] bytes, int offset) {
		byte[] reversed = new byte[32];
		for (int i = 0; i < 32; i++) {
			reversed[i] = bytes[offset + 31 - i];
		}
		return HEX.formatHex(reversed);
	}

	private static String displayHash(byte[] internalOrder) {
		return displayHash(internalOrder, 0);
	}

	private static byte[] doubleSha256(byte[] data) {
		return sha256().digest(sha256().digest(data));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JRE has SHA-256", ex);
		}
	}

}
