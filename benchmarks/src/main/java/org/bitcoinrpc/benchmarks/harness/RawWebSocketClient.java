package org.bitcoinrpc.benchmarks.harness;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The ceiling: a bare Jetty websocket client that sends one pre-built request frame per call and
 * counts reply messages without looking inside them: it takes whole frames ({@code onWebSocketFrame}), so not even the
 * UTF-8 decoding into a String is done. The stub answers in order on one connection,
 * so each reply is matched to the oldest outstanding send (a ring of send times), not by id.
 */
final class RawWebSocketClient implements AutoCloseable {

	/** The same request the client writes for {@code getblockcount}, built once. */
	static final String REQUEST = "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]}";

	private final WebSocketClient client = new WebSocketClient();

	private final Endpoint endpoint = new Endpoint();

	private final Session session;

	private volatile ClosedLoop loop;

	private AtomicLongArray starts = new AtomicLongArray(1);

	private int mask;

	private final AtomicLong tail = new AtomicLong();

	private long head;

	/** Every text message received, replies and notifications. */
	private final AtomicLong messages = new AtomicLong();

	RawWebSocketClient(String url) throws Exception {
		this.client.setIdleTimeout(java.time.Duration.ofMinutes(10));
		this.client.start();
		this.session = this.client.connect(this.endpoint, URI.create(url)).get(10, TimeUnit.SECONDS);
	}

	/** A sender for {@link ClosedLoop} with at most {@code inFlight} outstanding calls. */
	ClosedLoop.Sender sender(int inFlight) {
		int size = Integer.highestOneBit(Math.max(1, inFlight - 1)) * 2;
		this.starts = new AtomicLongArray(size);
		this.mask = size - 1;
		this.head = 0;
		this.tail.set(0);
		return (loop, startNanos) -> {
			this.loop = loop;
			this.starts.set((int) (this.tail.getAndIncrement() & this.mask), startNanos);
			this.session.sendText(REQUEST, Callback.NOOP);
		};
	}

	/** Detaches the last {@link ClosedLoop}: later messages are only counted. */
	void detach() {
		this.loop = null;
	}

	/** Sends one raw text frame (the notification trigger). */
	void sendRaw(String text) {
		this.session.sendText(text, Callback.NOOP);
	}

	long messages() {
		return this.messages.get();
	}

	@Override
	public void close() {
		this.session.close();
		try {
			this.client.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot stop the raw client: " + ex, ex);
		}
	}

	public final class Endpoint implements Session.Listener.AutoDemanding {

		/** A connection closed by the other side at the end of a run is expected. */
		@Override
		public void onWebSocketError(Throwable cause) {
		}

		/** Whole frames, not messages: no UTF-8 decoding, no String; a message ends with a FIN frame. */
		@Override
		public void onWebSocketFrame(Frame frame, Callback callback) {
			Frame.Type type = frame.getType();
			if ((type == Frame.Type.TEXT || type == Frame.Type.CONTINUATION) && frame.isFin()) {
				RawWebSocketClient.this.messages.incrementAndGet();
				ClosedLoop current = RawWebSocketClient.this.loop;
				if (current != null) {
					long start = RawWebSocketClient.this.starts.get((int) (RawWebSocketClient.this.head++ & RawWebSocketClient.this.mask));
					current.completed(start, true);
				}
			}
			callback.succeed();
		}

	}

}
