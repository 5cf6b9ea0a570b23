package org.bitcoinrpc.benchmarks.stub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A websocket JSON-RPC stub on 127.0.0.1 that does as little as it can: each text message is
 * answered at once from the reader thread with {@code result 123} and the request's id (cut out of
 * the text, no JSON parsing), or, in {@link Mode#SILENT}, only counted and never answered.
 * <p>
 * A request for {@value StubReplies#NOTIFY_METHOD} with params {@code [count, "tx"|"block"]} is
 * answered, then {@code count} notifications are pushed from a thread of the stub, at most
 * {@value #NOTIFY_WINDOW} unacknowledged sends at a time, for at most {@value #NOTIFY_MAX_SECONDS} s.
 */
public final class StubWebSocketServer implements AutoCloseable {

	/** What the stub does with a request. */
	public enum Mode {
		/** Answers every request. */
		ANSWER,
		/** Counts requests and never answers (pending-request memory). */
		SILENT
	}

	private static final int NOTIFY_WINDOW = 512;

	private static final int NOTIFY_MAX_SECONDS = 120;

	private static final int NOTIFY_FLUSH_EVERY = 32;

	private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

	private final Server server;

	private final ServerConnector connector;

	private final Mode mode;

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong notificationsSent = new AtomicLong();

	private StubWebSocketServer(Mode mode) {
		this.mode = mode;
		QueuedThreadPool threads = new QueuedThreadPool(16, 2);
		threads.setName("stub-ws");
		threads.setDaemon(true);
		this.server = new Server(threads);
		this.server.setStopTimeout(0);
		HttpConfiguration http = new HttpConfiguration();
		http.setSendServerVersion(false);
		http.setSendDateHeader(false);
		this.connector = new ServerConnector(this.server, 1, 1, new HttpConnectionFactory(http));
		this.connector.setHost("127.0.0.1");
		this.connector.setPort(0);
		this.connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
		this.server.addConnector(this.connector);
		WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(this.server, (container) -> {
			container.setIdleTimeout(IDLE_TIMEOUT);
			container.setMaxTextMessageSize(1024 * 1024);
			container.addMapping("/ws", (request, response, callback) -> {
				response.setExtensions(List.of());
				return new Endpoint();
			});
		});
		this.server.setHandler(upgrade);
	}

	/** Starts a stub on an ephemeral port of 127.0.0.1. */
	public static StubWebSocketServer start(Mode mode) throws Exception {
		StubWebSocketServer stub = new StubWebSocketServer(mode);
		stub.server.start();
		return stub;
	}

	public int port() {
		return this.connector.getLocalPort();
	}

	public String url() {
		return "ws://127.0.0.1:" + port() + "/ws";
	}

	/** Text messages received so far, on every session. */
	public long received() {
		return this.received.get();
	}

	public long notificationsSent() {
		return this.notificationsSent.get();
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot stop the stub: " + ex, ex);
		}
	}

	public final class Endpoint implements Session.Listener.AutoDemanding {

		private volatile Session session;

		@Override
		public void onWebSocketOpen(Session session) {
			this.session = session;
		}

		/** A connection closed by the other side at the end of a run is expected. */
		@Override
		public void onWebSocketError(Throwable cause) {
		}

		@Override
		public void onWebSocketText(String message) {
			StubWebSocketServer.this.received.incrementAndGet();
			if (StubWebSocketServer.this.mode == Mode.SILENT) {
				return;
			}
			this.session.sendText(StubReplies.reply(StubReplies.idOf(message)), Callback.NOOP);
			if (StubReplies.isNotify(message)) {
				long count = StubReplies.notifyCount(message);
				String notification = StubReplies.notification(message);
				Thread pusher = new Thread(() -> push(count, notification), "stub-ws-notify");
				pusher.setDaemon(true);
				pusher.start();
			}
		}

		/**
		 * Sends {@code count} notifications with a bounded window; gives up when the session closes or
		 * time runs out. The frame is encoded once and written through Jetty's core session in batch
		 * mode (flushed every {@value #NOTIFY_FLUSH_EVERY} frames), so that the stub, not the client,
		 * is never what limits the rate.
		 */
		private void push(long count, String notification) {
			CoreSession core = ((WebSocketSession) this.session).getCoreSession();
			ByteBuffer payload = ByteBuffer.wrap(notification.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
			Semaphore window = new Semaphore(NOTIFY_WINDOW);
			org.eclipse.jetty.util.Callback release = org.eclipse.jetty.util.Callback.from(window::release,
					(failure) -> window.release());
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(NOTIFY_MAX_SECONDS);
			try {
				for (long i = 0; i < count && this.session.isOpen() && System.nanoTime() < deadline; i++) {
					if (!window.tryAcquire(1, TimeUnit.SECONDS)) {
						i--;
						continue;
					}
					boolean batch = (i % NOTIFY_FLUSH_EVERY) != NOTIFY_FLUSH_EVERY - 1 && i != count - 1;
					core.sendFrame(new Frame(OpCode.TEXT, payload.slice()), release, batch);
					StubWebSocketServer.this.notificationsSent.incrementAndGet();
				}
				core.flush(org.eclipse.jetty.util.Callback.NOOP);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
