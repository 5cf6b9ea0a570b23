package org.bitcoinrpc.client.transport;

import java.nio.ByteBuffer;

import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Collects one HTTP reply body into a byte array, up to a size limit, and hands it over with the
 * exchange's result. Replaces Jetty's {@code BufferingResponseListener}, whose aggregation buffer
 * starts at 8 KB whatever the reply: a small call's reply is about 55 bytes.
 * <p>
 * With a {@code Content-Length} the array is allocated once at that size, and a length over the
 * limit aborts the reply before its body is read. Without one (chunked) the array starts at
 * {@link #INITIAL_CAPACITY} and doubles. A reply that grows over the limit is aborted with a
 * {@link TooLargeException}, which the transport reports as {@code RpcResponseTooLargeException}.
 * <p>
 * One instance per exchange. Jetty delivers one exchange's events one at a time, each after the
 * previous one returned, so the fields need no lock.
 */
abstract class ResponseBody implements Response.Listener {

	/** First capacity for a body of unknown length; ample for a small call's reply. */
	static final int INITIAL_CAPACITY = 512;

	private static final byte[] EMPTY = new byte[0];

	private final int maxSize;

	/** The body so far in {@code [0, length)}. Only accessed from Jetty's callbacks for this exchange. */
	private byte[] bytes = EMPTY;

	private int length;

	/** Set once the reply was aborted for its size; later content is ignored. */
	private boolean tooLarge;

	ResponseBody(int maxSize) {
		this.maxSize = maxSize;
	}

	/** Called once with the exchange's result and the body received, {@code bytes[0, length)}. */
	protected abstract void onComplete(Result result, byte[] bytes, int length);

	@Override
	public final void onHeaders(Response response) {
		long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
		if (declared > this.maxSize) {
			abort(response, "The reply declares " + declared + " bytes (Content-Length), over the limit of " + this.maxSize);
			return;
		}
		if (declared > 0) {
			this.bytes = new byte[(int) declared];
		}
	}

	@Override
	public final void onContent(Response response, ByteBuffer content) {
		if (this.tooLarge) {
			return;
		}
		int count = content.remaining();
		if (count > this.maxSize - this.length) {
			abort(response, "The reply exceeds the limit of " + this.maxSize + " bytes");
			return;
		}
		int needed = this.length + count;
		if (needed > this.bytes.length) {
			grow(needed);
		}
		content.get(this.bytes, this.length, count);
		this.length = needed;
	}

	@Override
	public final void onComplete(Result result) {
		onComplete(result, this.bytes, this.length);
	}

	/**
	 * Doubles the capacity (at least {@link #INITIAL_CAPACITY}, at most the limit) until it holds
	 * {@code needed} bytes. Also covers a body longer than its {@code Content-Length}, as a decoded
	 * ({@code Content-Encoding}) one would be.
	 */
	private void grow(int needed) {
		long doubled = Math.max(2L * this.bytes.length, INITIAL_CAPACITY);
		int capacity = (int) Math.min(Math.max(doubled, needed), this.maxSize);
		byte[] grown = new byte[capacity];
		System.arraycopy(this.bytes, 0, grown, 0, this.length);
		this.bytes = grown;
	}

	private void abort(Response response, String message) {
		this.tooLarge = true;
		this.bytes = EMPTY;
		this.length = 0;
		response.abort(new TooLargeException(message));
	}

	/**
	 * The abort cause of a reply over the size limit. Without a stack trace: it only says which
	 * limit was hit, and the transport wraps it.
	 */
	static final class TooLargeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooLargeException(String message) {
			super(message, null, false, false);
		}

	}

}
