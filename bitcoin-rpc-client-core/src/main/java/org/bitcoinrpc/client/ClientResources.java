package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;

/**
 * The I/O threads clients run on: one event loop group, which carries their connections and their
 * timers (request timeouts, keep-alive pings, reconnect delays). A client made with
 * {@link BitcoinRpcClient#create(ClientOptions)} owns resources of its own and releases them at
 * shutdown. An application talking to several nodes can share one instance instead, so that ten
 * clients do not start ten sets of threads:
 * <pre>{@code
 * ClientResources resources = ClientResources.create();
 * BitcoinRpcClient mainnet = BitcoinRpcClient.create(mainnetOptions, resources);
 * BitcoinRpcClient testnet = BitcoinRpcClient.create(testnetOptions, resources);
 * // ...
 * mainnet.close();
 * testnet.close();
 * resources.close();
 * }</pre>
 * Shared resources outlive the clients on them: shutting a client down releases its connection
 * and timers, never the shared threads; {@link #close()} does that, after the clients.
 * <p>
 * The callbacks of every client on these threads share them: a future's callback that blocks holds
 * up every connection on its event loop. Chain slow work with the {@code ...Async} methods.
 */
public final class ClientResources implements AutoCloseable {

	private static final AtomicLong instances = new AtomicLong();

	private final EventLoopGroup group;

	private final int ioThreads;

	private final AtomicBoolean closed = new AtomicBoolean();

	private ClientResources(int ioThreads, String threadNamePrefix) {
		if (ioThreads < 1) {
			throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
		}
		this.ioThreads = ioThreads;
		ThreadFactory threads = new DefaultThreadFactory(threadNamePrefix, true);
		this.group = new MultiThreadIoEventLoopGroup(ioThreads, threads, NioIoHandler.newFactory());
	}

	/** Resources with one I/O thread per core, at most four: enough for many nodes on one machine. */
	public static ClientResources create() {
		return create(Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	/** Resources with {@code ioThreads} I/O threads, at least 1. */
	public static ClientResources create(int ioThreads) {
		return new ClientResources(ioThreads, "bitcoin-rpc-shared-" + instances.incrementAndGet() + "-io");
	}

	/** The resources a client owns alone, named after it. */
	static ClientResources owned(int ioThreads, String clientName) {
		return new ClientResources(ioThreads, clientName + "-io");
	}

	/** How many I/O threads these resources run. */
	public int ioThreads() {
		return this.ioThreads;
	}

	/** Whether {@link #close()} was called. */
	public boolean isClosed() {
		return this.closed.get();
	}

	/** The event loop group; for the transports. */
	EventLoopGroup group() {
		if (this.closed.get()) {
			throw new IllegalStateException("These ClientResources are closed: create the client with open ones");
		}
		return this.group;
	}

	/** Stops the threads in the background; idempotent. */
	Future<?> shutdown() {
		this.closed.set(true);
		return this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
	}

	/**
	 * Stops the threads, waiting up to {@code timeout} for them to end; false if they have not.
	 * Shut the clients on these resources down first: a client left on stopped threads can neither
	 * call nor reconnect, and its connection is not closed cleanly.
	 */
	public boolean close(Duration timeout) throws InterruptedException {
		return shutdown().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops the threads and waits up to 10 seconds for them to end. Idempotent. */
	@Override
	public void close() {
		try {
			close(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "ClientResources[ioThreads=" + this.ioThreads + (this.closed.get() ? ", closed" : "") + "]";
	}

}
