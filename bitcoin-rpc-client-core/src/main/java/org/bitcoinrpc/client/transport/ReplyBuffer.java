package org.bitcoinrpc.client.transport;

import io.netty.buffer.ByteBuf;

/**
 * Collects the body of one HTTP reply at a time into a byte array, up to a size limit, and is used
 * again for the next reply on the same connection. Netty's {@code HttpObjectAggregator} would
 * gather the body into a composite buffer that starts small and then copy it out once more; a
 * small call's reply is about 55 bytes.
 * <p>
 * With a {@code Content-Length} the array is the one kept from earlier replies when that is large
 * enough, else one of exactly that size, and a length over the limit fails the reply before its
 * body is read. Without one (chunked, or read to the end of the connection) the array starts at
 * {@link #INITIAL_CAPACITY} and doubles. A reply that grows over the limit fails with a
 * {@link TooLargeException}. An array larger than {@link #RETAINED_CAPACITY} is dropped once its
 * reply is handed over, so that one large reply does not pin its size to an idle connection.
 * <p>
 * Not thread-safe: one per connection, used on its event loop only.
 */
final class ReplyBuffer {

	/** First capacity for a body of unknown length; ample for a small call's reply. */
	static final int INITIAL_CAPACITY = 512;

	/** The largest array kept for the next reply. */
	static final int RETAINED_CAPACITY = 64 * 1024;

	private static final byte[] EMPTY = new byte[0];

	private final int maxSize;

	/** The body so far in {@code [0, length)}. */
	private byte[] bytes = EMPTY;

	private int length;

	ReplyBuffer(int maxSize) {
		this.maxSize = maxSize;
	}

	/**
	 * Starts a reply's body, forgetting the previous one.
	 * @param declaredLength its {@code Content-Length}, or a negative value when it has none
	 * @throws TooLargeException when the declared length is over the limit
	 */
	void start(long declaredLength) {
		this.length = 0;
		if (declaredLength > this.maxSize) {
			throw new TooLargeException("The reply declares " + declaredLength + " bytes (Content-Length), over the limit of "
					+ this.maxSize);
		}
		if (declaredLength > this.bytes.length) {
			this.bytes = new byte[(int) declaredLength];
		}
	}

	/**
	 * Appends a piece of the body.
	 * @throws TooLargeException when the body grows over the limit
	 */
	void append(ByteBuf content) {
		int count = content.readableBytes();
		if (count == 0) {
			return;
		}
		if (count > this.maxSize - this.length) {
			throw new TooLargeException("The reply exceeds the limit of " + this.maxSize + " bytes");
		}
		int needed = this.length + count;
		if (needed > this.bytes.length) {
			grow(needed);
		}
		content.getBytes(content.readerIndex(), this.bytes, this.length, count);
		this.length = needed;
	}

	/** The body: valid in {@code [0, length())} until the next {@link #start} or {@link #handedOver}. */
	byte[] bytes() {
		return this.bytes;
	}

	int length() {
		return this.length;
	}

	/** The reply was handed over and is no longer read: an array over {@link #RETAINED_CAPACITY} goes. */
	void handedOver() {
		if (this.bytes.length > RETAINED_CAPACITY) {
			this.bytes = EMPTY;
		}
		this.length = 0;
	}

	/**
	 * Doubles the capacity (at least {@link #INITIAL_CAPACITY}, at most the limit) until it holds
	 * {@code needed} bytes.
	 */
	private void grow(int needed) {
		long doubled = Math.max(2L * this.bytes.length, INITIAL_CAPACITY);
		int capacity = (int) Math.min(Math.max(doubled, needed), this.maxSize);
		byte[] grown = new byte[capacity];
		System.arraycopy(this.bytes, 0, grown, 0, this.length);
		this.bytes = grown;
	}

	/**
	 * Why a reply was dropped: which limit it went over. Without a stack trace: the transport wraps
	 * it in an {@code RpcResponseTooLargeException}.
	 */
	static final class TooLargeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooLargeException(String message) {
			super(message, null, false, false);
		}

	}

}
