package org.bitcoinrpc.client.transport;

import java.nio.ByteBuffer;

import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.io.Content;
import org.jspecify.annotations.Nullable;

/**
 * The body of one POST: a JSON request already encoded, sent as a single chunk. Replaces Jetty's
 * {@code BytesRequestContent}, which builds streams, a list, a lock and a serialized invoker per
 * request to serve the same one array.
 * <p>
 * Thread-safe: Jetty reads it from the thread sending the request, and may fail it (abort,
 * timeout) from another.
 */
final class RequestBody implements Request.Content {

	static final String CONTENT_TYPE = "application/json";

	private final byte[] bytes;

	/** {@code EOF} once the chunk was read, a failure chunk once failed, {@code null} before. Guarded by {@code this}. */
	private Content.@Nullable Chunk terminated;

	RequestBody(byte[] bytes) {
		this.bytes = bytes;
	}

	@Override
	public String getContentType() {
		return CONTENT_TYPE;
	}

	@Override
	public long getLength() {
		return this.bytes.length;
	}

	@Override
	public synchronized Content.Chunk read() {
		if (this.terminated != null) {
			return this.terminated;
		}
		this.terminated = Content.Chunk.EOF;
		return Content.Chunk.from(ByteBuffer.wrap(this.bytes), true);
	}

	/** {@link #read()} never answers "nothing yet", so there is never anything to wait for. */
	@Override
	public void demand(Runnable demandCallback) {
		demandCallback.run();
	}

	@Override
	public synchronized void fail(Throwable failure) {
		if (this.terminated == null) {
			this.terminated = Content.Chunk.from(failure);
		}
	}

	@Override
	public synchronized boolean rewind() {
		this.terminated = null;
		return true;
	}

}
