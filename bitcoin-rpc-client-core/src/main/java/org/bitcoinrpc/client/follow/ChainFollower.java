package org.bitcoinrpc.client.follow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.client.internal.RawBlock;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every block of the node's best chain to a {@link BlockHandler} exactly once, in order:
 * a reorg as {@link Notification.BlockDisconnected} for each block that left the chain, newest
 * first, then {@link Notification.BlockConnected} for the new ones, oldest first. It keeps its
 * position, a {@link Cursor}, in a {@link CursorStore} under its name and moves it only when the
 * handler returned, so a follower started again with the same store resumes where it stopped,
 * catching up what was mined meanwhile and unwinding what a reorg removed.
 * <pre>{@code
 * ChainFollower follower = ChainFollower.builder(client)
 *     .name("payments")
 *     .store(CursorStore.files(Path.of("/var/lib/myapp/cursors")))
 *     .handler((change) -> System.out.println(change))
 *     .start();
 * }</pre>
 * <h2>How it finds out</h2>
 * The follower does not trust notifications for content: a notification, a (re)connection or a
 * poll only wakes it, and it then asks the node where the best chain is and walks from its cursor
 * to it over RPC ({@code getbestblockhash}, {@code getblockhash}, {@code getblockheader}). So a
 * notification lost while the connection was down, repeated, or out of order changes nothing, and
 * every source feeds the same walk through one small interface, {@link WakeSource}. Chosen
 * automatically, or set with {@link Builder#wakeSources(WakeSource...)}:
 * <ul>
 * <li>over a websocket (btcd): {@link WakeSource#blockNotifications()}, which subscribes with
 * {@code notifyblocks} and wakes on each block notification and on every connect and reconnect;</li>
 * <li>over HTTP: {@link WakeSource#waitForNewBlock()}, one Bitcoin Core {@code waitfornewblock}
 * call waiting at the node, which answers as soon as a block arrives; where the node has no such
 * call (btcd) the follower polls;</li>
 * <li>Bitcoin Core's ZMQ notifications: a {@code org.bitcoinrpc.client.zmq.ZmqSubscriber}, given
 * explicitly, which wakes on every block message, lost message and reconnection of its block topic;</li>
 * <li>and anything else may call {@link #wake()}.</li>
 * </ul>
 * Whatever the sources, the follower polls {@code getbestblockhash}: every
 * {@link Builder#pollInterval(Duration) poll interval} while no source is listening, and every
 * {@link #DEFAULT_SAFETY_NET_INTERVAL} as a safety net while one is.
 * <h2>Several instances</h2>
 * With a {@link LeasingCursorStore} (the JDBC store), followers of one name in several instances
 * of an application share the work: one holds the name's lease and follows, the others are
 * standbys that handle nothing and try to take the lease every poll interval (or a third of the
 * lease, if sooner). When the active one is closed it gives the lease up and a standby takes over
 * at once; when it dies, once the lease expired. The new one resumes from the stored cursor, and
 * the store's fence keeps a paused instance from committing a block after it lost the lease.
 * <h2>Threads</h2>
 * One thread of its own walks, calls the handler and writes the store; the handler is never
 * called concurrently. RPC failures are retried on that thread after the poll interval (logged
 * once per run of failures); handler failures as the {@link FailurePolicy} says.
 */
public final class ChainFollower implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ChainFollower.class);

	/** The default number of whole blocks fetched ahead of the handler. */
	public static final int DEFAULT_PREFETCH = 4;

	/** The default name: the follower's key in its store. */
	public static final String DEFAULT_NAME = "default";

	/** The default poll interval, while no {@link WakeSource} is listening: polling is then how the follower finds new blocks. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

	/**
	 * How often the follower polls while a {@link WakeSource} is listening, unless a
	 * {@link Builder#pollInterval(Duration) poll interval} was set: a safety net only.
	 */
	public static final Duration DEFAULT_SAFETY_NET_INTERVAL = Duration.ofSeconds(30);

	private final BitcoinRpcClient client;

	private final String name;

	private final CursorStore store;

	/** The handler of changes as headers; null in the full-block mode. Exactly one of the two is set. */
	private final @Nullable BlockHandler handler;

	/** The handler of whole blocks, or null when the follower delivers headers only. */
	private final @Nullable FullBlockHandler fullBlocks;

	/** Blocks fetched ahead of the handler in the full-block mode: the bound on what is held in memory. */
	private final int prefetch;

	private final StartPoint startPoint;

	private final FailurePolicy failurePolicy;

	private final Duration pollInterval;

	/** How often to poll while a source is listening: {@link #pollInterval} if set, else the safety net's. */
	private final Duration listeningPollInterval;

	/** How long to wait before trying again after an RPC failure: the poll interval, at most 5 s. */
	private final Duration retryInterval;

	private final Consumer<FollowerEvent> events;

	private final Duration rpcTimeout;

	private final Thread thread;

	/** What wakes the follower; subscribed by {@link #begin()}. */
	private final List<WakeSource> wakeSources;

	/**
	 * The running sources: written once by {@link #begin()} before the thread starts (so read
	 * safely by it), closed by the thread as it ends.
	 */
	private List<WakeSource.Subscription> subscriptions = List.of();

	/** The lease of this follower's name, if its store has leases. Only used by the follower thread, but for {@link #isActive()}. */
	private final FollowerLease lease;

	/** Set when the lease was (re)taken: another instance may have moved the stored cursor. Follower thread only. */
	private boolean reloadCursor;

	/** Guards {@link #wakeRequested}; {@link #wakeUp} is signalled by {@link #wake()} and {@link #close()}. */
	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wakeUp = this.lock.newCondition();

	/** Set by {@link #wake()} from any thread, cleared by the follower thread before it walks. Guarded by {@link #lock}. */
	private boolean wakeRequested = true;

	/** Cleared by {@link #close()} from any thread; read by the follower thread. */
	private volatile boolean running = true;

	/** The last block handled (or the starting point); written only by the follower thread. */
	private volatile @Nullable Cursor cursor;

	/** The node's tip as last seen; written only by the follower thread. */
	private volatile @Nullable Cursor nodeTip;

	private ChainFollower(Builder builder) {
		this.client = builder.client;
		this.name = builder.name;
		this.store = builder.store;
		if ((builder.handler == null) == (builder.fullBlocks == null)) {
			throw new IllegalStateException("Set exactly one of handler(BlockHandler) and fullBlocks(FullBlockHandler)");
		}
		this.fullBlocks = builder.fullBlocks;
		this.handler = builder.handler;
		this.prefetch = builder.prefetch;
		this.startPoint = builder.startPoint;
		this.failurePolicy = builder.failurePolicy;
		this.wakeSources = (builder.wakeSources != null) ? builder.wakeSources
				: List.of((this.client.options().mode() == TransportMode.WEBSOCKET) ? WakeSource.blockNotifications()
						: WakeSource.waitForNewBlock());
		this.pollInterval = (builder.pollInterval != null) ? builder.pollInterval : DEFAULT_POLL_INTERVAL;
		this.listeningPollInterval = (builder.pollInterval != null) ? builder.pollInterval
				: DEFAULT_SAFETY_NET_INTERVAL;
		this.retryInterval = (this.pollInterval.compareTo(Duration.ofSeconds(5)) < 0) ? this.pollInterval
				: Duration.ofSeconds(5);
		this.events = builder.events;
		this.rpcTimeout = this.client.options().requestTimeout();
		this.lease = new FollowerLease(this.store, this.name, this::emit);
		this.thread = new Thread(this::run, "bitcoin-rpc-follower-" + this.name);
		this.thread.setDaemon(true);
	}

	/** A builder for a follower of the chain of this client's node. */
	public static Builder builder(BitcoinRpcClient client) {
		return new Builder(Objects.requireNonNull(client, "client must not be null"));
	}

	/** The follower's name: its key in the {@link CursorStore}. */
	public String name() {
		return this.name;
	}

	/** The last block handled, or the starting point; {@code null} until the follower found its start. */
	public @Nullable Cursor cursor() {
		return this.cursor;
	}

	/** The node's best block as the follower last saw it; {@code null} until then. */
	public @Nullable Cursor nodeTip() {
		return this.nodeTip;
	}

	/** The client whose node the follower follows, for the built-in {@link WakeSource}s. */
	BitcoinRpcClient client() {
		return this.client;
	}

	/** Whether the follower's thread is still at work. */
	public boolean isRunning() {
		return this.thread.isAlive();
	}

	/**
	 * Whether this follower is the active one of its name: it holds the lease of its
	 * {@link LeasingCursorStore}, or (with any other store) it has started. {@code false} for a
	 * standby and once stopped.
	 */
	public boolean isActive() {
		return this.lease.isActive() && this.running;
	}

	/** Asks the follower to look at the node's chain now; from any thread, never blocks. */
	public void wake() {
		this.lock.lock();
		try {
			this.wakeRequested = true;
			this.wakeUp.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stops the follower and waits up to 10 seconds for its thread. A handler running now is
	 * interrupted; its block is not recorded (it is offered again at the next start). The lease,
	 * if any, is given up as the thread ends, so that a standby takes over at once. Idempotent.
	 */
	@Override
	public void close() {
		this.running = false;
		wake();
		if (Thread.currentThread() != this.thread) {
			this.thread.interrupt();
			try {
				this.thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private ChainFollower begin() {
		List<WakeSource.Subscription> started = new ArrayList<>();
		try {
			for (WakeSource source : this.wakeSources) {
				started.add(Objects.requireNonNull(source.subscribe(this), "WakeSource.subscribe returned null"));
			}
		}
		catch (RuntimeException | Error ex) {
			started.forEach(ChainFollower::closeQuietly);
			throw ex;
		}
		this.subscriptions = List.copyOf(started);
		this.thread.start();
		return this;
	}

	private static void closeQuietly(WakeSource.Subscription subscription) {
		try {
			subscription.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Closing the wake source {} failed", subscription, ex);
		}
	}

	/** Whether a source is now sure to wake the follower on the next block. */
	private boolean listening() {
		for (WakeSource.Subscription subscription : this.subscriptions) {
			if (subscription.isListening()) {
				return true;
			}
		}
		return false;
	}

	// ------------------------------------------------------------------ the follower thread

	private void run() {
		String reason = "closed";
		int rpcFailures = 0;
		try {
			while (this.running) {
				awaitWake(rpcFailures > 0);
				if (!this.running) {
					break;
				}
				if (!holdLease()) {
					continue;
				}
				try {
					if (this.cursor == null || this.reloadCursor) {
						this.cursor = findStart();
						this.reloadCursor = false;
					}
					walk();
					Cursor tip = Objects.requireNonNull(this.cursor);
					for (WakeSource.Subscription subscription : this.subscriptions) {
						subscription.caughtUp(tip);
					}
					if (rpcFailures > 0) {
						logger.info("Follower '{}' reaches the node again", this.name);
					}
					rpcFailures = 0;
				}
				catch (RpcFailed ex) {
					if (rpcFailures++ == 0) {
						logger.warn("Follower '{}' cannot follow the chain now ({}); trying again every {} ms", this.name,
								ex.getMessage(), this.retryInterval.toMillis());
					}
				}
				catch (LeaseLostException ex) {
					this.lease.lost(ex);
				}
			}
		}
		catch (Stop ex) {
			reason = ex.getMessage();
		}
		catch (InterruptedException ex) {
			// close(): the thread ends.
		}
		catch (RuntimeException | Error ex) {
			reason = "unexpected failure: " + ex;
			logger.error("Follower '{}' stopped on an unexpected failure", this.name, ex);
		}
		finally {
			this.running = false;
			this.subscriptions.forEach(ChainFollower::closeQuietly);
			// close() interrupted this thread to stop a handler or a wait: clear that, or a pool
			// (HikariCP) refuses the connection the release needs, and the lease waits out its time.
			Thread.interrupted();
			this.lease.release();
			logger.info("Follower '{}' stopped ({}) at {}", this.name, reason, describe(this.cursor));
			emit(new FollowerEvent.Stopped(this.cursor, reason));
		}
	}

	/**
	 * Whether the follower may walk: it holds its lease (taken or renewed now if due), or its
	 * store has none. A lease just taken means the stored cursor is read again first.
	 */
	private boolean holdLease() {
		FollowerLease.Hold hold = this.lease.hold();
		if (hold == FollowerLease.Hold.ACQUIRED) {
			this.reloadCursor = true;
		}
		return hold != FollowerLease.Hold.STANDBY;
	}

	/**
	 * Waits for a wake-up or the poll interval. After an RPC failure it first waits the retry
	 * interval whatever wakes it, so that a node that fails fast is not asked in a tight loop.
	 * Either wait ends early when the lease must be renewed (or, for a standby, tried again).
	 */
	private void awaitWake(boolean backOff) throws InterruptedException {
		long leaseCheck = this.lease.nanosUntilCheck();
		this.lock.lock();
		try {
			if (backOff) {
				long nanos = Math.min(this.retryInterval.toNanos(), leaseCheck);
				while (this.running && nanos > 0) {
					nanos = this.wakeUp.awaitNanos(nanos);
				}
				this.wakeRequested = false;
				return;
			}
			// While a source listens, polling is only its safety net.
			Duration poll = listening() ? this.listeningPollInterval : this.pollInterval;
			long nanos = Math.min(poll.toNanos(), leaseCheck);
			while (this.running && !this.wakeRequested && nanos > 0) {
				nanos = this.wakeUp.awaitNanos(nanos);
			}
			this.wakeRequested = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The cursor to start from: the stored one, else the {@link StartPoint}'s (recorded at once). */
	private Cursor findStart() throws InterruptedException {
		Cursor stored = this.store.load(this.name).orElse(null);
		if (stored != null) {
			logger.info("Follower '{}' resumes after {}", this.name, describe(stored));
			return stored;
		}
		Cursor start;
		if (this.startPoint instanceof StartPoint.Height height) {
			start = cursorOf(header(await(this.client.getBlockHashAsync(height.height() - 1), "getblockhash")));
		}
		else if (this.startPoint instanceof StartPoint.After after) {
			try {
				start = cursorOf(header(after.hash()));
			}
			catch (RpcFailed ex) {
				if (isUnknownBlock(ex)) {
					// Retrying cannot help: a typo, or a block of another network.
					throw new Stop("the node does not know the start block " + after.hash()
							+ " (StartPoint.after): is it a block of this node's network?");
				}
				throw ex;
			}
		}
		else {
			start = cursorOf(header(bestBlockHash()));
		}
		record(start);
		logger.info("Follower '{}' starts after {}", this.name, describe(start));
		return start;
	}

	/**
	 * Walks from the cursor to the node's best block: down while the cursor is off the best chain
	 * (each step a {@code BlockDisconnected}), then up along it (each step a {@code BlockConnected}).
	 * Each step is checked against the cursor, so a reorg during the walk sends it down again.
	 */
	private void walk() throws InterruptedException {
		int handled = 0;
		while (this.running) {
			Cursor current = Objects.requireNonNull(this.cursor);
			String best = bestBlockHash();
			BlockHeader bestHeader = header(best);
			this.nodeTip = cursorOf(bestHeader);
			if (best.equals(current.hash())) {
				if (handled > 0) {
					emit(new FollowerEvent.CaughtUp(current, handled));
					if (handled > 1) {
						logger.info("Follower '{}' caught up to {} ({} changes)", this.name, describe(current), handled);
					}
					else {
						// One block at a time is the normal pace: INFO for every block would drown the log.
						logger.debug("Follower '{}' handled {}", this.name, describe(current));
					}
				}
				return;
			}
			if (!onBestChain(current, bestHeader.height())) {
				Cursor parent = parentOf(current);
				deliver(new Notification.BlockDisconnected(current.hash(), current.height(), current.time()), parent,
						(this.fullBlocks != null) ? staleBlock(current) : null);
				handled++;
				continue;
			}
			if (this.fullBlocks != null) {
				handled += walkUpWithBlocks(current, bestHeader.height());
				continue;
			}
			String next = await(this.client.getBlockHashAsync(current.height() + 1), "getblockhash");
			while (this.running && next != null) {
				BlockHeader header = header(next);
				Cursor at = Objects.requireNonNull(this.cursor);
				if (!at.hash().equals(header.previousBlockHash())) {
					// The chain moved under the walk: look again from the top.
					break;
				}
				Cursor connected = cursorOf(header);
				deliver(new Notification.BlockConnected(connected.hash(), connected.height(), connected.time()), connected);
				handled++;
				next = header.nextBlockHash();
			}
		}
	}

	/** Whether the block is on the node's best chain now: its height is there and holds it. */
	private boolean onBestChain(Cursor block, long bestHeight) throws InterruptedException {
		return block.height() <= bestHeight
				&& block.hash().equals(await(this.client.getBlockHashAsync(block.height()), "getblockhash"));
	}

	/**
	 * The cursor before {@code block}, from the parent's serialized header: nodes answer that for
	 * blocks off their best chain too (btcd's verbose header does not), and a reorg may have taken
	 * the parent off the best chain as well.
	 */
	private Cursor parentOf(Cursor block) throws InterruptedException {
		String parent = block.previousHash();
		if (parent == null) {
			throw new Stop("the genesis block " + block.hash() + " left the best chain: wrong network?");
		}
		String hex;
		try {
			hex = await(this.client.getBlockHeaderHexAsync(parent), "getblockheader " + parent + " false");
		}
		catch (RpcFailed ex) {
			if (isUnknownBlock(ex)) {
				// Retrying cannot help: the node does not have the block (another network, a new data directory).
				throw new Stop("the node does not know block " + parent + ", the parent of " + describe(block)
						+ " which is no longer on its best chain, so the follower cannot unwind; is it the same node"
						+ " and network? Start the follower again from a new start point (another name, or clear its cursor)");
			}
			throw ex;
		}
		RawBlock.Header header;
		try {
			header = RawBlock.parseHeaderHex(hex);
		}
		catch (IllegalArgumentException ex) {
			throw new RpcFailed(ex.getMessage(), null);
		}
		boolean genesis = header.previousBlockHash().chars().allMatch((c) -> c == '0');
		return new Cursor(parent, block.height() - 1, header.time(), genesis ? null : header.previousBlockHash());
	}

	/** Whether a failed call said the node has no such block ({@code -5}, "Block not found"). */
	private static boolean isUnknownBlock(RpcFailed failure) {
		return failure.getCause() instanceof RpcErrorException error && error.code() == RpcErrorCode.INVALID_ADDRESS_OR_KEY;
	}

	/**
	 * Runs the handler for one change and records the cursor after it, as the failure policy
	 * says when the handler throws. Returns once the cursor moved.
	 */
	/**
	 * The full-block walk up the best chain to {@code bestHeight}: {@code getblockhash} then
	 * {@code getblock <hash> 2} for the next {@link #prefetch} heights at once, delivered in order,
	 * each checked against the cursor (a reorg under the walk ends it; the caller looks again).
	 * Returns how many blocks were delivered.
	 */
	private int walkUpWithBlocks(Cursor from, long bestHeight) throws InterruptedException {
		java.util.ArrayDeque<CompletableFuture<BlockWithTransactions>> window = new java.util.ArrayDeque<>();
		long nextHeight = from.height() + 1;
		int delivered = 0;
		try {
			while (this.running) {
				while (window.size() < this.prefetch && nextHeight <= bestHeight) {
					window.addLast(this.client.getBlockHashAsync(nextHeight++)
						.thenCompose(this.client::getBlockWithTransactionsAsync));
				}
				CompletableFuture<BlockWithTransactions> head = window.pollFirst();
				if (head == null) {
					return delivered;
				}
				BlockWithTransactions block = await(head, "getblock (verbosity 2)");
				Cursor at = Objects.requireNonNull(this.cursor);
				if (!at.hash().equals(block.previousBlockHash())) {
					return delivered;
				}
				Cursor connected = new Cursor(block.hash(), block.height(), block.time(), block.previousBlockHash());
				deliver(new Notification.BlockConnected(block.hash(), block.height(), block.time()), connected, block);
				delivered++;
			}
			return delivered;
		}
		finally {
			// Fetched ahead and not delivered: dropped, so that nothing beyond the window is held.
			window.forEach((pending) -> pending.cancel(false));
		}
	}

	/**
	 * A block off the best chain with its transactions: as the node serves it (Core), or rebuilt
	 * from its serialization where the node serves it only so (btcd, see {@link StaleBlocks}).
	 * Null only when the node answers that it cannot give the block (Core's pruned data, say). Not
	 * reaching the node, a timeout, or a malformed block is an {@link RpcFailed}, retried as any other.
	 */
	private @Nullable BlockWithTransactions staleBlock(Cursor block) throws InterruptedException {
		String hash = block.hash();
		try {
			return await(this.client.getBlockWithTransactionsAsync(hash), "getblock " + hash + " 2");
		}
		catch (RpcFailed ex) {
			if (!(ex.getCause() instanceof RpcErrorException)) {
				throw ex;
			}
			if (!StaleBlocks.servedOnlySerialized(ex.getCause())) {
				logger.warn("Follower '{}' gets {} without its transactions: {}", this.name, describe(block), ex.getMessage());
				return null;
			}
		}
		BlockWithTransactions rebuilt;
		try {
			rebuilt = StaleBlocks.rebuild(this.client, hash, block.height(), this::await);
		}
		catch (IllegalArgumentException ex) {
			throw new RpcFailed("the serialized block " + hash + " cannot be read: " + ex.getMessage(), ex);
		}
		if (rebuilt == null) {
			logger.warn("Follower '{}' gets {} without its transactions: the node serves it only serialized, on a"
					+ " network whose difficulty is unknown here", this.name, describe(block));
		}
		return rebuilt;
	}

	private void deliver(Notification.BlockChange change, Cursor after) throws InterruptedException {
		deliver(change, after, null);
	}

	private void deliver(Notification.BlockChange change, Cursor after, @Nullable BlockWithTransactions block)
			throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			Exception failure;
			try {
				this.lease.advance(after, work(change, block));
				this.cursor = after;
				return;
			}
			catch (LeaseLostException ex) {
				// Lost: not the handler's failure; the follower becomes a standby (see run).
				throw ex;
			}
			catch (Exception ex) {
				if (!this.running) {
					throw new InterruptedException("closed while handling " + describe(change));
				}
				// Not closing: an interrupt (or InterruptedException) from the handler's own work is
				// one more handler failure, never a silent end of the follower.
				Thread.interrupted();
				failure = ex;
			}
			if (this.failurePolicy instanceof FailurePolicy.Retry retry) {
				Duration wait = retry.delay().delay(attempt);
				logger.warn("Handler of follower '{}' failed on {} (attempt {}); trying the same block again in {} ms",
						this.name, describe(change), attempt, wait.toMillis(), failure);
				emit(new FollowerEvent.HandlerFailed(change, attempt, failure, true));
				sleep(wait);
			}
			else if (this.failurePolicy instanceof FailurePolicy.Skip) {
				logger.error("Handler of follower '{}' failed on {}; SKIPPING the block as the failure policy says",
						this.name, describe(change), failure);
				emit(new FollowerEvent.HandlerFailed(change, attempt, failure, false));
				emit(new FollowerEvent.BlockSkipped(change, failure));
				record(after);
				return;
			}
			else {
				logger.error("Handler of follower '{}' failed on {}; stopping as the failure policy says", this.name,
						describe(change), failure);
				emit(new FollowerEvent.HandlerFailed(change, attempt, failure, false));
				throw new Stop("the handler failed on " + describe(change) + ": " + failure);
			}
		}
	}

	/** The handling of one change, by whichever handler the follower has. */
	private CursorStore.Work work(Notification.BlockChange change, @Nullable BlockWithTransactions block) {
		FullBlockHandler full = this.fullBlocks;
		if (full != null) {
			return () -> full.handle(change, block);
		}
		BlockHandler headers = Objects.requireNonNull(this.handler);
		return () -> headers.handle(change);
	}

	/** Records a cursor with no handling (a start, a skipped block). */
	private void record(Cursor at) throws InterruptedException {
		try {
			this.lease.advance(at, () -> {
			});
			this.cursor = at;
		}
		catch (InterruptedException | LeaseLostException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new RpcFailed("cannot record the cursor in " + this.store + ": " + ex, ex);
		}
	}

	private void sleep(Duration wait) throws InterruptedException {
		this.lock.lock();
		try {
			long nanos = wait.toNanos();
			while (this.running && nanos > 0) {
				nanos = this.wakeUp.awaitNanos(nanos);
			}
		}
		finally {
			this.lock.unlock();
		}
		if (!this.running) {
			throw new InterruptedException("closed");
		}
	}

	private void emit(FollowerEvent event) {
		try {
			this.events.accept(event);
		}
		catch (RuntimeException ex) {
			logger.warn("Event consumer of follower '{}' failed on {}", this.name, event, ex);
		}
	}

	private String bestBlockHash() throws InterruptedException {
		return await(this.client.getBestBlockHashAsync(), "getbestblockhash");
	}

	private BlockHeader header(String hash) throws InterruptedException {
		return await(this.client.getBlockHeaderAsync(hash), "getblockheader " + hash);
	}

	private static Cursor cursorOf(BlockHeader header) {
		return new Cursor(header.hash(), header.height(), header.time(), header.previousBlockHash());
	}

	/** Waits for one call; a failure or a missing result becomes {@link RpcFailed}, retried later. */
	private <T> T await(CompletableFuture<T> call, String what) throws InterruptedException {
		T value;
		try {
			value = call.get(this.rpcTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new RpcFailed(what + " failed: " + cause.getMessage(), cause);
		}
		catch (TimeoutException ex) {
			call.cancel(false);
			throw new RpcFailed(what + " did not answer in time", ex);
		}
		if (value == null) {
			throw new RpcFailed(what + " returned null", null);
		}
		return value;
	}

	private static String describe(@Nullable Cursor cursor) {
		return (cursor != null) ? "block " + cursor.height() + " " + cursor.hash() : "no block";
	}

	private static String describe(Notification.BlockChange change) {
		return ((change instanceof Notification.BlockConnected) ? "connected block " : "disconnected block ")
				+ change.height() + " " + change.hash();
	}

	/** An RPC call failed: the walk is tried again after the poll interval. */
	private static final class RpcFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RpcFailed(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	/** The follower must stop (the failure policy says so, or it cannot go on). */
	private static final class Stop extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Stop(String reason) {
			super(reason, null, false, false);
		}

	}

	/** The fields of an 80-byte serialized block header that a cursor needs. */
	/** Collects a follower's settings. */
	public static final class Builder {

		private final BitcoinRpcClient client;

		private String name = DEFAULT_NAME;

		private CursorStore store = CursorStore.inMemory();

		private @Nullable BlockHandler handler;

		private @Nullable FullBlockHandler fullBlocks;

		private int prefetch = DEFAULT_PREFETCH;

		private StartPoint startPoint = StartPoint.tip();

		private FailurePolicy failurePolicy = FailurePolicy.DEFAULT;

		private @Nullable Duration pollInterval;

		private @Nullable List<WakeSource> wakeSources;

		private Consumer<FollowerEvent> events = (event) -> {
		};

		private Builder(BitcoinRpcClient client) {
			this.client = client;
		}

		/** The follower's name, its key in the store (default {@code default}). */
		public Builder name(String name) {
			Objects.requireNonNull(name, "name must not be null");
			if (name.isBlank()) {
				throw new IllegalArgumentException("name must not be blank");
			}
			this.name = name;
			return this;
		}

		/** Where the cursor is kept (default: in memory, so a new process starts at the start point). */
		public Builder store(CursorStore store) {
			this.store = Objects.requireNonNull(store, "store must not be null");
			return this;
		}

		/**
		 * Delivers whole blocks, with their transactions, instead of headers: the follower fetches
		 * them ({@code getblock <hash> 2}) with up to {@link #prefetch(int)} requests in flight.
		 * Set this or {@link #handler(BlockHandler)}.
		 */
		public Builder fullBlocks(FullBlockHandler fullBlocks) {
			this.fullBlocks = Objects.requireNonNull(fullBlocks, "fullBlocks must not be null");
			return this;
		}

		/**
		 * How many blocks the full-block mode fetches ahead of the handler (default
		 * {@value ChainFollower#DEFAULT_PREFETCH}): more is faster over a slow link and holds more
		 * blocks in memory.
		 */
		public Builder prefetch(int prefetch) {
			if (prefetch < 1 || prefetch > 64) {
				throw new IllegalArgumentException("prefetch must be between 1 and 64, was " + prefetch);
			}
			this.prefetch = prefetch;
			return this;
		}

		/** What to do with each block. Set this or {@link #fullBlocks(FullBlockHandler)}. */
		public Builder handler(BlockHandler handler) {
			this.handler = Objects.requireNonNull(handler, "handler must not be null");
			return this;
		}

		/** Where to start when the store has no cursor for the name (default: the node's tip). */
		public Builder startPoint(StartPoint startPoint) {
			this.startPoint = Objects.requireNonNull(startPoint, "startPoint must not be null");
			return this;
		}

		/** What a handler failure does (default {@link FailurePolicy#DEFAULT}: retry with back-off). */
		public Builder failurePolicy(FailurePolicy failurePolicy) {
			this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy must not be null");
			return this;
		}

		/**
		 * How often to ask the node for its best block without being woken, whether or not a
		 * {@link WakeSource} listens, and how long to wait (5 s at most) after an RPC failure.
		 * Default: {@link ChainFollower#DEFAULT_POLL_INTERVAL} while no source listens and
		 * {@link ChainFollower#DEFAULT_SAFETY_NET_INTERVAL} while one does.
		 */
		public Builder pollInterval(Duration pollInterval) {
			Objects.requireNonNull(pollInterval, "pollInterval must not be null");
			if (pollInterval.isNegative() || pollInterval.isZero()) {
				throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
			}
			this.pollInterval = pollInterval;
			return this;
		}

		/**
		 * What wakes the follower, instead of the automatic choice: {@link WakeSource#blockNotifications()}
		 * over a websocket, {@link WakeSource#waitForNewBlock()} over HTTP. None at all leaves polling.
		 */
		public Builder wakeSources(WakeSource... wakeSources) {
			Objects.requireNonNull(wakeSources, "wakeSources must not be null");
			for (WakeSource source : wakeSources) {
				Objects.requireNonNull(source, "wakeSources must not contain null");
			}
			this.wakeSources = List.of(wakeSources);
			return this;
		}

		/** Receives the follower's {@link FollowerEvent}s, on the follower's thread. */
		public Builder events(Consumer<FollowerEvent> events) {
			this.events = Objects.requireNonNull(events, "events must not be null");
			return this;
		}

		/** Builds the follower and starts its thread. */
		public ChainFollower start() {
			return new ChainFollower(this).begin();
		}

	}

}
