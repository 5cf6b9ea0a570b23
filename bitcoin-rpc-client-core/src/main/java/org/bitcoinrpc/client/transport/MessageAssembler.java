package org.bitcoinrpc.client.transport;

import java.nio.ByteBuffer;

import org.bitcoinrpc.client.protocol.JsonText;
import org.jspecify.annotations.Nullable;

/**
 * Joins the frames of one websocket text message, as UTF-8 bytes, up to a size limit in bytes.
 * The buffer is reused from message to message, so a small reply costs no allocation here. Over
 * the limit it stops keeping the message but keeps its last bytes, because btcd writes a reply's
 * {@code id} last: that is enough to fail the one call the reply belonged to while the connection
 * stays usable.
 * <p>
 * Not thread-safe: owned by the connection's reader, which delivers frames one at a time.
 */
final class MessageAssembler {

	private static final int INITIAL_CAPACITY = 8 * 1024;

	/** A buffer grown past this is dropped after its message, so one huge reply does not pin memory. */
	static final int RETAINED_CAPACITY = 1024 * 1024;

	static final int TAIL = 128;

	private final int maxSize;

	private byte[] buffer = new byte[INITIAL_CAPACITY];

	private int length;

	/** Bytes seen in the current message, kept or not. */
	private long seen;

	/** The last bytes of a message over the limit: {@code tail[0, tailLength)}. */
	private final byte[] tail = new byte[TAIL];

	private int tailLength;

	MessageAssembler(int maxSize) {
		this.maxSize = maxSize;
	}

	/**
	 * Adds a frame's payload, from its position to its limit; the buffer's position is left as it
	 * was. Returns true when this was the last frame of the message: then {@link #isTooLarge()}
	 * tells which of {@link #text()} or {@link #trailingId()} applies, until {@link #reset()}.
	 */
	boolean append(ByteBuffer fragment, boolean last) {
		int count = fragment.remaining();
		this.seen += count;
		if (this.seen <= this.maxSize) {
			ensureCapacity(this.length + count);
			fragment.get(fragment.position(), this.buffer, this.length, count);
			this.length += count;
		}
		else {
			if (this.length > 0) {
				// First frame past the limit: the bytes kept so far are no longer needed, but their end may be.
				keepTail(ByteBuffer.wrap(this.buffer, 0, this.length));
				this.length = 0;
			}
			keepTail(fragment);
		}
		return last;
	}

	/**
	 * Says how long the message's first frame is, before any of its bytes: when that is all of a
	 * message within the limit (btcd and the stubs send one frame per message), the buffer is sized
	 * for it once, instead of doubling up to it (about 2.5 times the bytes allocated for a reply of
	 * several megabytes, which is then dropped by {@link #reset()} all the same).
	 */
	void expect(long frameLength) {
		if (this.seen == 0 && frameLength > this.buffer.length && frameLength <= this.maxSize) {
			this.buffer = new byte[(int) frameLength];
		}
	}

	/** Whether the finished message went over the limit. */
	boolean isTooLarge() {
		return this.seen > this.maxSize;
	}

	/** The finished message; valid until {@link #reset()}. Only when it is not too large. */
	JsonText text() {
		return JsonText.of(this.buffer, this.length);
	}

	/** Bytes in the finished message, kept or not. */
	long size() {
		return this.seen;
	}

	/** Forgets the finished message; call after its outcome has been used. */
	void reset() {
		if (this.buffer.length > RETAINED_CAPACITY) {
			this.buffer = new byte[INITIAL_CAPACITY];
		}
		this.length = 0;
		this.seen = 0;
		this.tailLength = 0;
	}

	/** The buffer's current capacity, for tests of the shrink rule. */
	int capacity() {
		return this.buffer.length;
	}

	/** Keeps the last {@link #TAIL} bytes of what was kept so far followed by {@code bytes}. */
	private void keepTail(ByteBuffer bytes) {
		int take = Math.min(bytes.remaining(), TAIL);
		int keep = Math.min(this.tailLength, TAIL - take);
		System.arraycopy(this.tail, this.tailLength - keep, this.tail, 0, keep);
		bytes.get(bytes.limit() - take, this.tail, keep, take);
		this.tailLength = keep + take;
	}

	/**
	 * The id of a message over the limit, when its last bytes are {@code "id":N}} (JSON whitespace
	 * allowed around the tokens), else null: the same tail scan the codec uses for whole replies.
	 */
	@Nullable Long trailingId() {
		long id = JsonText.of(this.tail, this.tailLength).trailingId();
		return (id >= 0) ? id : null;
	}

	private void ensureCapacity(int capacity) {
		if (capacity > this.buffer.length) {
			byte[] grown = new byte[Math.max(capacity, Math.min(this.maxSize, this.buffer.length * 2))];
			System.arraycopy(this.buffer, 0, grown, 0, this.length);
			this.buffer = grown;
		}
	}

}
