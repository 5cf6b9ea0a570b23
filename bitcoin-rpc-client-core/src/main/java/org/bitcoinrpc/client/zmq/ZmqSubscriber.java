package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.WakeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to a Bitcoin Core node's ZMQ notifications, reports them as {@link ZmqEvent}s, and
 * wakes {@link ChainFollower}s when the chain may have moved. It makes no RPC calls.
 * <pre>{@code
 * try (ZmqSubscriber zmq = ZmqSubscriber.start(ZmqOptions.builder()
 *         .endpoint(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:28334").build(), client::dispatchEvent);
 *         ChainFollower follower = ChainFollower.builder(client)
 *             .wakeSources(zmq)
 *             .handler((change) -> ...)
 *             .start()) {
 *     ...
 * }
 * }</pre>
 *
 * <h2>What each message gives</h2>
 * <table>
 * <caption>Message to event</caption>
 * <tr><th>Message</th><th>Event</th><th>Wakes the followers</th></tr>
 * <tr><td>{@code sequence} C</td><td>{@link ZmqEvent.BlockAnnounced} (topic {@code sequence})</td><td>yes</td></tr>
 * <tr><td>{@code sequence} D</td><td>{@link ZmqEvent.BlockRetracted}</td><td>yes</td></tr>
 * <tr><td>{@code sequence} A</td><td>{@link ZmqEvent.MempoolAdded} (no amount: Core sends none)</td><td>no</td></tr>
 * <tr><td>{@code sequence} R</td><td>{@link ZmqEvent.MempoolRemoved}</td><td>no</td></tr>
 * <tr><td>{@code hashblock}</td><td>{@link ZmqEvent.BlockAnnounced} (topic {@code hashblock})</td><td>if
 * {@code sequence} is not subscribed</td></tr>
 * <tr><td>{@code rawtx}</td><td>{@link ZmqEvent.RawTransaction} (txid computed without witness)</td><td>no</td></tr>
 * <tr><td>{@code hashtx}</td><td>{@link ZmqEvent.TransactionAnnounced}</td><td>no</td></tr>
 * <tr><td>{@code rawblock}</td><td>{@link ZmqEvent.RawBlock}</td><td>no</td></tr>
 * <tr><td>a gap in a topic's sequence numbers</td><td>{@link ZmqEvent.NotificationGap}</td><td>on the block
 * topic</td></tr>
 * <tr><td>a sequence that starts again (the node restarted), a malformed message</td><td>none (logged and
 * counted)</td><td>on the block topic</td></tr>
 * <tr><td>a socket connecting, reconnecting or losing its connection</td><td>none</td><td>the block topic's
 * socket</td></tr>
 * </table>
 * The block topic is {@link ZmqOptions#blockTopic()}: {@code sequence}, else {@code hashblock}.
 *
 * <h2>Blocks</h2>
 * Block messages are hints: ZMQ loses messages when a queue is full or a connection drops, and
 * says nothing of what was published while the subscriber was away. The subscriber therefore
 * never claims a block; it is a {@link WakeSource}. A follower built with
 * {@code .wakeSources(subscriber)} is woken on every block message, gap, restart and malformed
 * message of the block topic, at each (re)connection of its socket, and once when it subscribes
 * (and when the socket is lost or the subscriber closed, so that it goes back to polling often);
 * it then reads the chain over RPC from its cursor and delivers every block exactly once, in
 * order, reorgs unwound, whatever ZMQ lost. While the block topic's socket is connected the
 * subscriber {@linkplain #isListening() listens} and the follower polls only as a safety net; while
 * it is down (the node restarting) the follower polls at its poll interval. {@code hashblock}
 * alone says nothing when {@code invalidateblock} lowers the tip: the follower sees that at its
 * next poll or block. Subscribe to {@code sequence} for blocks whenever you can. Mempool and
 * transaction messages are not recovered; a {@link ZmqEvent.NotificationGap} says when some were
 * lost.
 *
 * <h2>Threads</h2>
 * One daemon receive thread (named {@code bitcoin-rpc-zmq-N}) reads all sockets and calls the
 * consumer, in order, one event at a time; a consumer that throws is logged and skipped. Hand
 * events on (the client's listener queue, {@code client::dispatchEvent}) rather than block in the
 * consumer: messages queue in the sockets meanwhile, up to {@link ZmqOptions#receiveHighWaterMark()}
 * each, and are lost past that. Followers are woken with {@link ChainFollower#wake()}, which never
 * blocks. {@link #close()} ends the receive thread and ZMQ's own threads. Thread-safe.
 */
public final class ZmqSubscriber implements WakeSource, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ZmqSubscriber.class);

	/** How often the receive loop looks at {@code closing} when nothing arrives. */
	private static final long POLL_MILLIS = 100;

	/** Messages read from one socket before the others get a turn. */
	private static final int BATCH = 256;

	private static final AtomicLong instances = new AtomicLong();

	private final ZmqOptions options;

	private final String name;

	private final ZmqCounters counters;

	/** Created by the starting thread, then owned by the receive thread, which closes it. */
	private final ZmqSockets sockets;

	/** The index of the block topic's socket in {@link #sockets}, or -1 without a block topic. */
	private final int blockSocket;

	/** Only used by the receive thread. */
	private final MessageHandler handler;

	/** The followers to wake: added and removed from any thread, iterated by the receive thread. */
	private final List<ChainFollower> followers = new CopyOnWriteArrayList<>();

	/** Whether the block topic's socket is connected: written by the receive thread, read by any. */
	private volatile boolean blockSocketUp;

	/** Set once by {@link #close()}; read by the receive loop. */
	private final AtomicBoolean closing = new AtomicBoolean();

	/** Counted down when the receive thread has closed the sockets and the context. */
	private final CountDownLatch terminated = new CountDownLatch(1);

	private final Thread thread;

	private ZmqSubscriber(ZmqOptions options, Consumer<? super ZmqEvent> events) {
		this.options = options;
		this.name = "bitcoin-rpc-zmq-" + instances.incrementAndGet();
		this.counters = new ZmqCounters(options.endpoints().keySet(), options.distinctEndpoints().size());
		ZmqTopic blockTopic = options.blockTopic();
		this.blockSocket = (blockTopic != null)
				? List.copyOf(options.distinctEndpoints()).indexOf(options.endpoint(blockTopic)) : -1;
		this.handler = new MessageHandler(blockTopic, events, this.counters, this::wakeFollowers);
		this.sockets = new ZmqSockets(options, this.name);
		this.thread = new Thread(this::run, this.name);
		this.thread.setDaemon(true);
	}

	/**
	 * Connects to the configured endpoints and starts the receive thread.
	 *
	 * @param options the endpoints and limits
	 * @param events receives every {@link ZmqEvent}, on the receive thread: for example
	 * {@code client::dispatchEvent}, to reach the client's listeners
	 * @throws IllegalArgumentException if an endpoint cannot be used
	 */
	public static ZmqSubscriber start(ZmqOptions options, Consumer<? super ZmqEvent> events) {
		ZmqSubscriber subscriber = new ZmqSubscriber(Objects.requireNonNull(options, "options must not be null"),
				Objects.requireNonNull(events, "events must not be null"));
		subscriber.thread.start();
		ZmqTopic blockTopic = options.blockTopic();
		logger.info("Subscribed to ZMQ {} ({})", options.endpoints(), (blockTopic != null)
				? "followers woken by " + blockTopic.wireName() : "no block topic: wakes no follower");
		return subscriber;
	}

	/**
	 * Wakes {@code follower} from now on: at once, then on every block message, gap, restart and
	 * malformed message of the block topic and at every (re)connection of its socket, until the
	 * subscription is closed. Without a block topic, or once this subscriber is closed, it is woken
	 * only now and never listens, so the follower polls.
	 * @param follower the follower to wake
	 * @return the subscription: listening while the block topic's socket is connected
	 */
	@Override
	public Subscription subscribe(ChainFollower follower) {
		Objects.requireNonNull(follower, "follower must not be null");
		this.followers.add(follower);
		// Whatever was announced before the follower subscribed is unknown to it: look now.
		follower.wake();
		return new Subscription() {

			@Override
			public boolean isListening() {
				return ZmqSubscriber.this.isListening();
			}

			@Override
			public void close() {
				ZmqSubscriber.this.followers.remove(follower);
			}

		};
	}

	/**
	 * Whether the block topic's socket is connected now, so that a block the node announces
	 * reaches the followers (ZMQ sends the subscription as the connection completes; a message
	 * published in that instant may still be missed, which the followers' safety-net poll covers).
	 * False without a block topic and once closed.
	 */
	public boolean isListening() {
		return this.blockSocketUp && !this.closing.get();
	}

	private void wakeFollowers() {
		for (ChainFollower follower : this.followers) {
			follower.wake();
		}
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
	 * Stops: no event is delivered and no follower woken after this returns (unless called from the
	 * consumer, in which case the current event finishes first), and the sockets and all threads are
	 * released. Followers still subscribed stop listening and poll. Idempotent; waits up to 10
	 * seconds for the threads.
	 */
	@Override
	public void close() {
		this.closing.set(true);
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
			boolean[] everConnected = new boolean[this.sockets.size()];
			boolean[] up = new boolean[this.sockets.size()];
			int connected = 0;
			while (!this.closing.get()) {
				this.sockets.poll(POLL_MILLIS);
				for (int i = 0; i < this.sockets.size() && !this.closing.get(); i++) {
					// Connection events before the messages: a follower woken by a reconnect then
					// reads the chain at once, whatever the messages that follow say.
					for (ZmqSockets.Connection event = this.sockets.connectionEvent(i);
							event != ZmqSockets.Connection.NONE; event = this.sockets.connectionEvent(i)) {
						if (event == ZmqSockets.Connection.CONNECTED && !up[i]) {
							up[i] = true;
							connected++;
							// Listening before the wake-up, so the woken follower waits its safety-net interval.
							this.blockSocketUp |= i == this.blockSocket;
							this.handler.onConnected(this.sockets.address(i), everConnected[i], i == this.blockSocket);
							everConnected[i] = true;
						}
						else if (event == ZmqSockets.Connection.DISCONNECTED && up[i]) {
							up[i] = false;
							connected--;
							logger.info("Lost the connection to ZMQ endpoint {}; ZMQ reconnects every {} ms",
									this.sockets.address(i), this.options.reconnectInterval().toMillis());
							if (i == this.blockSocket) {
								stopListening();
							}
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
			}
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
			stopListening();
			this.terminated.countDown();
			logger.debug("ZMQ receive thread {} ended", this.name);
		}
	}

	/**
	 * The block topic's socket is down, or the subscriber closing: the followers, which may be
	 * waiting their long safety-net interval, are woken to poll at their poll interval instead.
	 */
	private void stopListening() {
		if (this.blockSocketUp) {
			this.blockSocketUp = false;
			wakeFollowers();
		}
	}

}
