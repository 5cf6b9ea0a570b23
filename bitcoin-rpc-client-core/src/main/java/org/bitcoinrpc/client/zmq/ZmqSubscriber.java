package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.Notification;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to a Bitcoin Core node's ZMQ notifications and reports them as events.
 * <pre>{@code
 * try (ZmqSubscriber zmq = ZmqSubscriber.start(ZmqOptions.builder()
 *         .endpoint(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:28334").build(),
 *         BlockSource.of(client), blockEvent -> ..., zmqEvent -> ...)) {
 *     ...
 * }
 * }</pre>
 *
 * <h2>What each topic gives, and what it costs</h2>
 * <table>
 * <caption>Topic to event</caption>
 * <tr><th>Message</th><th>Event</th><th>RPC calls per message</th></tr>
 * <tr><td>{@code sequence} C</td><td>{@link Notification.BlockConnected}</td><td>1 {@code getblockheader} (height,
 * time); 0 if already delivered</td></tr>
 * <tr><td>{@code sequence} D</td><td>{@link Notification.BlockDisconnected}</td><td>0 (the block is remembered;
 * 1 {@code getblockheader} if it is the only one remembered)</td></tr>
 * <tr><td>{@code sequence} A</td><td>{@link ZmqEvent.MempoolAdded} (no amount: Core sends none, so no
 * {@code TxAccepted})</td><td>0</td></tr>
 * <tr><td>{@code sequence} R</td><td>{@link ZmqEvent.MempoolRemoved}</td><td>0</td></tr>
 * <tr><td>{@code hashblock}</td><td>{@link Notification.BlockConnected}, only if {@code sequence} is not
 * subscribed</td><td>1 {@code getblockheader}; 0 if already delivered</td></tr>
 * <tr><td>{@code rawtx}</td><td>{@link ZmqEvent.RawTransaction} (txid computed without witness)</td><td>0</td></tr>
 * <tr><td>{@code hashtx}</td><td>{@link ZmqEvent.TransactionAnnounced}</td><td>0</td></tr>
 * <tr><td>{@code rawblock}</td><td>{@link ZmqEvent.RawBlock}</td><td>0</td></tr>
 * <tr><td>a sequence gap on any topic</td><td>{@link ZmqEvent.NotificationGap}, then on the block topic a
 * catch-up</td><td>catch-up: 1 {@code getbestblockhash} + 1 {@code getblockheader} per new block (+1 per
 * block back to a fork older than the remembered blocks)</td></tr>
 * <tr><td>a (re)connection, the start</td><td>a catch-up</td><td>as above; 1 call when nothing was missed</td></tr>
 * </table>
 * {@code hashblock} alone cannot see disconnects: Core sends nothing when {@code invalidateblock}
 * lowers the tip and, after a reorg, announces only the new tip; the subscriber then finds the fork
 * over RPC and reports the {@code BlockDisconnected}s too, but only once a new block arrives.
 * Subscribe to {@code sequence} for blocks whenever you can.
 *
 * <h2>Guarantees for blocks</h2>
 * Block events start from the node's tip when the subscriber starts (not delivered), or after a
 * block given to {@link #start(ZmqOptions, BlockSource, Consumer, Consumer, String)}. From there a
 * listener sees every block of the best chain exactly once, in order, with
 * {@code BlockDisconnected} (newest first) before the {@code BlockConnected}s of a reorg (oldest
 * first), whatever messages are lost, repeated or late: loss shows as a sequence gap, after which
 * the subscriber catches up over RPC; a block whose parent is not the last one delivered also
 * triggers a catch-up; the {@link ZmqOptions#recentBlocks()} latest blocks are remembered to skip
 * repeats. Mempool and transaction events are not recovered; a {@link ZmqEvent.NotificationGap}
 * says when some were lost.
 *
 * <h2>Threads</h2>
 * One daemon receive thread (named {@code bitcoin-rpc-zmq-N}) reads all sockets, makes the RPC
 * calls (waiting for each; meanwhile messages queue in the sockets, up to
 * {@link ZmqOptions#receiveHighWaterMark()} each, and are applied afterwards in order) and calls
 * both consumers, in order, one event at a time. A consumer that throws is logged and skipped.
 * Hand events to another thread (the client's listener queue) rather than block in a consumer.
 * {@link #close()} ends the receive thread and ZMQ's own threads. Thread-safe.
 */
public final class ZmqSubscriber implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ZmqSubscriber.class);

	/** How often the receive loop looks at the clock and at {@code closing} when nothing arrives. */
	private static final long POLL_MILLIS = 100;

	/** Messages read from one socket before the others get a turn. */
	private static final int BATCH = 256;

	private static final AtomicLong instances = new AtomicLong();

	private final ZmqOptions options;

	private final String name;

	private final ZmqCounters counters;

	/** Created by the starting thread, then owned by the receive thread, which closes it. */
	private final ZmqSockets sockets;

	/** Only used by the receive thread. */
	private final MessageHandler handler;

	/** Set once by {@link #close()}; read by the receive loop. */
	private final AtomicBoolean closing = new AtomicBoolean();

	/** Completed by {@link #close()}, waking a receive thread that waits for an RPC call. */
	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	/** Counted down when the receive thread has closed the sockets and the context. */
	private final CountDownLatch terminated = new CountDownLatch(1);

	private final Thread thread;

	private ZmqSubscriber(ZmqOptions options, BlockSource source, Consumer<BitcoinEvent> blockEvents,
			Consumer<ZmqEvent> zmqEvents, @Nullable String resumeAfterBlock) {
		this.options = options;
		this.name = "bitcoin-rpc-zmq-" + instances.incrementAndGet();
		this.counters = new ZmqCounters(options.endpoints().keySet(), options.distinctEndpoints().size());
		EventSinks sinks = new EventSinks(blockEvents, zmqEvents);
		ZmqTopic blockTopic = options.blockTopic();
		ChainFollower follower = (blockTopic != null)
				? new ChainFollower(blockTopic, source, new RpcWaiter(options.rpcTimeout(), this.closed), sinks,
						this.counters, options, resumeAfterBlock)
				: null;
		this.handler = new MessageHandler(sinks, this.counters, follower);
		this.sockets = new ZmqSockets(options, this.name);
		this.thread = new Thread(this::run, this.name);
		this.thread.setDaemon(true);
	}

	/**
	 * Connects to the configured endpoints and starts the receive thread. Block events start at the
	 * node's tip as of the first catch-up (made at once, over {@code blocks}).
	 *
	 * @param options the endpoints and limits
	 * @param blocks the RPC calls used to fill in and recover blocks, e.g. {@code BlockSource.of(client)}
	 * @param blockEvents receives {@link Notification.BlockConnected} and {@link Notification.BlockDisconnected}
	 * @param zmqEvents receives the {@link ZmqEvent}s
	 * @throws IllegalArgumentException if an endpoint cannot be used
	 */
	public static ZmqSubscriber start(ZmqOptions options, BlockSource blocks, Consumer<BitcoinEvent> blockEvents,
			Consumer<ZmqEvent> zmqEvents) {
		return start(options, blocks, blockEvents, zmqEvents, null);
	}

	/**
	 * As {@link #start(ZmqOptions, BlockSource, Consumer, Consumer)}, but resuming after a block the
	 * listener already has (for example the last one it stored): every block after it on the best
	 * chain is delivered by the first catch-up, and if it has left the best chain it is reported
	 * disconnected first. {@code null} starts at the node's tip.
	 */
	public static ZmqSubscriber start(ZmqOptions options, BlockSource blocks, Consumer<BitcoinEvent> blockEvents,
			Consumer<ZmqEvent> zmqEvents, @Nullable String resumeAfterBlock) {
		ZmqSubscriber subscriber = new ZmqSubscriber(Objects.requireNonNull(options, "options must not be null"),
				Objects.requireNonNull(blocks, "blocks must not be null"),
				Objects.requireNonNull(blockEvents, "blockEvents must not be null"),
				Objects.requireNonNull(zmqEvents, "zmqEvents must not be null"), resumeAfterBlock);
		subscriber.thread.start();
		logger.info("Subscribed to ZMQ {} (blocks from {})", options.endpoints(),
				(options.blockTopic() != null) ? options.blockTopic().wireName() : "no topic");
		return subscriber;
	}

	public ZmqOptions options() {
		return this.options;
	}

	/** The counters now. */
	public ZmqStats stats() {
		return this.counters.snapshot();
	}

	/** The receive thread's name; ZMQ's own threads carry it as a prefix. */
	public String threadName() {
		return this.name;
	}

	/** Whether the receive thread is running (false after {@link #close()}, or if it failed). */
	public boolean isRunning() {
		return this.terminated.getCount() > 0;
	}

	/** Waits until the receive thread and ZMQ's threads have ended; false on timeout. */
	public boolean awaitTermination(Duration timeout) throws InterruptedException {
		return this.terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Stops: no event is delivered after this returns (unless called from a consumer, in which case
	 * the current event finishes first), and the sockets and all threads are released. An RPC call
	 * in progress is abandoned. Idempotent; waits up to 10 seconds for the threads.
	 */
	@Override
	public void close() {
		if (this.closing.compareAndSet(false, true)) {
			this.closed.complete(null);
		}
		if (Thread.currentThread() == this.thread) {
			return;
		}
		try {
			if (!awaitTermination(Duration.ofSeconds(10))) {
				logger.warn("The ZMQ receive thread {} did not end within 10 s", this.name);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		try {
			this.handler.start();
			boolean[] everConnected = new boolean[this.sockets.size()];
			boolean[] up = new boolean[this.sockets.size()];
			int connected = 0;
			while (!this.closing.get()) {
				this.sockets.poll(POLL_MILLIS);
				for (int i = 0; i < this.sockets.size() && !this.closing.get(); i++) {
					// Connection events first: a reconnect asks for a catch-up before the next block.
					for (ZmqSockets.Connection event = this.sockets.connectionEvent(i);
							event != ZmqSockets.Connection.NONE; event = this.sockets.connectionEvent(i)) {
						if (event == ZmqSockets.Connection.CONNECTED && !up[i]) {
							up[i] = true;
							connected++;
							this.handler.onConnected(this.sockets.address(i), everConnected[i]);
							everConnected[i] = true;
						}
						else if (event == ZmqSockets.Connection.DISCONNECTED && up[i]) {
							up[i] = false;
							connected--;
							logger.info("Lost the connection to ZMQ endpoint {}; ZMQ reconnects every {} ms",
									this.sockets.address(i), this.options.reconnectInterval().toMillis());
						}
						this.counters.connected(connected);
					}
					for (int n = 0; n < BATCH && !this.closing.get(); n++) {
						List<byte[]> frames = this.sockets.receive(i);
						if (frames == null) {
							break;
						}
						this.handler.onFrames(frames);
					}
				}
				if (!this.closing.get()) {
					this.handler.idle(System.nanoTime());
				}
			}
		}
		catch (RpcWaiter.Closed ex) {
			// close() while waiting for the node: nothing more to do.
		}
		catch (RuntimeException | Error ex) {
			if (!this.closing.get()) {
				logger.error("The ZMQ receive thread {} failed; no more ZMQ events will be delivered", this.name, ex);
			}
		}
		finally {
			try {
				this.sockets.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Closing the ZMQ sockets of {} failed", this.name, ex);
			}
			this.counters.connected(0);
			this.terminated.countDown();
			logger.debug("ZMQ receive thread {} ended", this.name);
		}
	}

}
