package org.bitcoinrpc.spring.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.Cursor;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.spring.event.BitcoinRpcEvent;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Relays a client's chain events to browsers: a Spring {@link WebSocketHandler} that sends each
 * block connected or disconnected, mempool transaction and change of the connection's state to
 * every open session as a small JSON message, and an {@link ApplicationListener} of the
 * {@link BitcoinRpcEvent}s it relays. A new session first gets a snapshot: the tip, the state and,
 * when there is one, the chain follower's position, so that a page is never blank.
 * <p>
 * Read-only: text a browser sends is ignored, a binary message closes its session (1003). Each
 * session has a bounded backlog ({@link RelaySession}): a browser that cannot keep up is closed
 * with status 4500 ({@link CloseStatus#SESSION_NOT_RELIABLE}) and a reason starting "too slow",
 * and never delays the client or another browser. Messages never carry the client's URL,
 * credentials or error texts.
 * <p>
 * Threads: events arrive on the client's event thread (or the follower's); sessions open and close
 * on the web server's threads; messages are sent by the relay's own sender threads
 * ({@code bitcoin-rpc-relay-N}), at most one per session at a time.
 */
public class ChainEventRelay
		implements WebSocketHandler, ApplicationListener<BitcoinRpcEvent<?>>, SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(ChainEventRelay.class);

	/** How long a new session waits for the node's tip when the relay has not seen one yet. */
	private static final Duration TIP_TIMEOUT = Duration.ofSeconds(5);

	/** How many of the last txids are remembered to drop a repeated announcement. */
	private static final int RECENT_TXIDS = 4096;

	private final BitcoinRpcClient client;

	private final Supplier<@Nullable ChainFollower> follower;

	private final int bufferSizeLimit;

	private final int sendTimeLimitMillis;

	private final boolean transactions;

	/** Open sessions by id: added by the server's threads, removed by them or by a slow close. */
	private final Map<String, RelaySession> sessions = new ConcurrentHashMap<>();

	/** The best block last seen in an event or read from the node; null after a block left the chain. */
	private final AtomicReference<RelayMessages.@Nullable Block> tip = new AtomicReference<>();

	/**
	 * The last txids relayed, so that a transaction announced twice (Core's ZMQ {@code hashtx} and
	 * {@code sequence} both on) is relayed once. Guarded by itself; events come one at a time.
	 */
	private final Map<String, Boolean> recentTxids = new LinkedHashMap<>(RECENT_TXIDS * 2, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > RECENT_TXIDS;
		}

	};

	private final AtomicLong messagesSent = new AtomicLong();

	private final AtomicLong slowSessionsClosed = new AtomicLong();

	private final ExecutorService senders;

	/** Between start and stop: sessions are taken. Written by the context's lifecycle thread. */
	private volatile boolean running;

	/**
	 * A relay.
	 * @param client the client whose events are relayed (events of other clients are not)
	 * @param follower the chain follower, for its position; a supplier of {@code null} when there
	 * is none
	 * @param bufferSizeLimit characters that may wait for a browser before it is closed as slow
	 * @param sendTimeLimit how long one send may be stuck before the browser is closed as slow
	 * @param transactions whether to relay mempool transactions
	 */
	public ChainEventRelay(BitcoinRpcClient client, Supplier<@Nullable ChainFollower> follower, int bufferSizeLimit,
			Duration sendTimeLimit, boolean transactions) {
		if (bufferSizeLimit <= 0) {
			throw new IllegalArgumentException("bufferSizeLimit must be positive, was " + bufferSizeLimit);
		}
		if (sendTimeLimit.isNegative() || sendTimeLimit.isZero()) {
			throw new IllegalArgumentException("sendTimeLimit must be positive, was " + sendTimeLimit);
		}
		this.client = client;
		this.follower = follower;
		this.bufferSizeLimit = bufferSizeLimit;
		this.sendTimeLimitMillis = (int) Math.min(Integer.MAX_VALUE, sendTimeLimit.toMillis());
		this.transactions = transactions;
		AtomicInteger threads = new AtomicInteger();
		// Unbounded in threads but not in practice: a sender thread blocks only while it is the one
		// sending to a browser that does not read, so there are at most as many as sessions.
		this.senders = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "bitcoin-rpc-relay-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	// --- Browser sessions ---------------------------------------------------------------------

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		RelaySession relaySession = new RelaySession(session, this.senders, this.bufferSizeLimit,
				this.sendTimeLimitMillis, this.messagesSent);
		if (!this.running) {
			relaySession.close(CloseStatus.GOING_AWAY);
			return;
		}
		// Registered before the snapshot is built, so no event falls between the two; the events
		// queued meanwhile follow the snapshot.
		this.sessions.put(session.getId(), relaySession);
		RelayMessages.Block known = this.tip.get();
		if (known != null) {
			relaySession.open(snapshot(known));
			return;
		}
		readTip().whenComplete((block, failure) -> {
			if (block != null) {
				this.tip.compareAndSet(null, block);
			}
			relaySession.open(snapshot(block));
		});
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		if (message instanceof BinaryMessage) {
			RelaySession relaySession = this.sessions.remove(session.getId());
			if (relaySession != null) {
				relaySession.close(CloseStatus.NOT_ACCEPTABLE.withReason("read-only: binary messages are not accepted"));
			}
		}
		// Text and pongs: read-only, never acted on.
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		RelaySession relaySession = this.sessions.remove(session.getId());
		if (relaySession != null) {
			relaySession.close(CloseStatus.SERVER_ERROR);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
		RelaySession relaySession = this.sessions.remove(session.getId());
		if (relaySession != null) {
			relaySession.close(closeStatus);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return false;
	}

	// --- Events -------------------------------------------------------------------------------

	@Override
	public void onApplicationEvent(BitcoinRpcEvent<?> event) {
		if (event.getSource() != this.client) {
			return;
		}
		String message = message(event);
		if (message != null) {
			broadcast(message);
		}
	}

	private @Nullable String message(BitcoinRpcEvent<?> event) {
		BitcoinEvent payload = event.getPayload();
		if (payload instanceof Notification.BlockConnected connected) {
			RelayMessages.Block block = RelayMessages.Block.of(connected);
			this.tip.set(block);
			Integer transactionCount = (event instanceof BlockConnectedEvent blockEvent && blockEvent.getBlock() != null)
					? blockEvent.getBlock().transactions().size() : null;
			return RelayMessages.blockConnected(block, transactionCount, lag(block.height()));
		}
		if (payload instanceof Notification.BlockDisconnected disconnected) {
			// The new tip is the parent, whose hash the event does not give: a session opened now
			// reads it from the node, unless the next block comes first.
			this.tip.set(null);
			return RelayMessages.blockDisconnected(RelayMessages.Block.of(disconnected));
		}
		if (payload instanceof ConnectionEvent connectionEvent) {
			return RelayMessages.state(connectionEvent);
		}
		String txid = this.transactions ? txid(payload) : null;
		return (txid != null && firstAnnouncement(txid)) ? RelayMessages.transaction(txid) : null;
	}

	private boolean firstAnnouncement(String txid) {
		synchronized (this.recentTxids) {
			return this.recentTxids.put(txid, Boolean.TRUE) == null;
		}
	}

	private static @Nullable String txid(BitcoinEvent payload) {
		if (payload instanceof Notification.TxAccepted accepted) {
			return accepted.txid();
		}
		if (payload instanceof Notification.TxAcceptedVerbose accepted) {
			return accepted.txid();
		}
		if (payload instanceof ZmqEvent.MempoolAdded added) {
			return added.txid();
		}
		if (payload instanceof ZmqEvent.TransactionAnnounced announced) {
			return announced.txid();
		}
		return null;
	}

	private void broadcast(String message) {
		for (RelaySession session : this.sessions.values()) {
			String tooSlow = session.offer(message);
			if (tooSlow != null && this.sessions.remove(session.id(), session)) {
				this.slowSessionsClosed.incrementAndGet();
				logger.info("Closing browser session " + session.id() + ": too slow, " + tooSlow);
				session.close(CloseStatus.SESSION_NOT_RELIABLE.withReason(reason(tooSlow)));
			}
		}
	}

	/** A close reason fits in 123 bytes of UTF-8 (RFC 6455, 5.5). */
	private static String reason(String detail) {
		String reason = "too slow: " + detail;
		return (reason.length() > 123) ? reason.substring(0, 123) : reason;
	}

	// --- Snapshot -----------------------------------------------------------------------------

	private String snapshot(RelayMessages.@Nullable Block tip) {
		return RelayMessages.snapshot(RelayMessages.state(this.client.state()), tip, followerPosition());
	}

	private CompletableFuture<RelayMessages.@Nullable Block> readTip() {
		CompletableFuture<RelayMessages.@Nullable Block> read;
		try {
			read = this.client.getBestBlockHashAsync()
				.thenCompose(this.client::getBlockHeaderAsync)
				.thenApply((header) -> new RelayMessages.Block(header.height(), header.hash(), header.time()));
		}
		catch (RuntimeException ex) {
			read = CompletableFuture.failedFuture(ex);
		}
		return read.completeOnTimeout(null, TIP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.exceptionally((failure) -> null);
	}

	private RelayMessages.@Nullable Follower followerPosition() {
		ChainFollower current = this.follower.get();
		Cursor cursor = (current != null) ? current.cursor() : null;
		if (current == null || cursor == null) {
			return null;
		}
		return new RelayMessages.Follower(cursor.height(), lag(current, cursor.height()));
	}

	/** How far the node's tip, as the follower last saw it, is ahead of a height; null without a follower. */
	private @Nullable Long lag(long height) {
		ChainFollower current = this.follower.get();
		return (current != null) ? lag(current, height) : null;
	}

	private static long lag(ChainFollower follower, long height) {
		Cursor nodeTip = follower.nodeTip();
		return (nodeTip != null) ? Math.max(0, nodeTip.height() - height) : 0;
	}

	// --- Measurements and shutdown ------------------------------------------------------------

	/**
	 * Browser sessions open now.
	 * @return the number of sessions
	 */
	public int openSessions() {
		return this.sessions.size();
	}

	/**
	 * Messages sent to browsers since the start, snapshots included.
	 * @return the count
	 */
	public long messagesSent() {
		return this.messagesSent.get();
	}

	/**
	 * Sessions closed because their browser could not keep up, since the start.
	 * @return the count
	 */
	public long slowSessionsClosed() {
		return this.slowSessionsClosed.get();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Closes every session as "going away" (1001), so that pages reconnect to the next start;
	 * before the web server stops (a later phase), which would otherwise cut them off (1006).
	 * Waits at most a second for the close frames to be handed over.
	 */
	@Override
	public void stop() {
		this.running = false;
		List<CompletableFuture<Void>> closes = new ArrayList<>();
		for (String id : this.sessions.keySet()) {
			RelaySession session = this.sessions.remove(id);
			if (session != null) {
				closes.add(session.close(CloseStatus.GOING_AWAY));
			}
		}
		try {
			CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("Not every browser session was closed in time: " + ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops the sender threads, once every session was closed. */
	@Override
	public void destroy() throws InterruptedException {
		stop();
		this.senders.shutdown();
		if (!this.senders.awaitTermination(2, TimeUnit.SECONDS)) {
			this.senders.shutdownNow();
		}
	}

}
