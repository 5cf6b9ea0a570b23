package org.bitcoinrpc.benchmarks.stub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.test.BlockTimes;
import org.bitcoinrpc.test.SimulatedNode;

/**
 * A stub server in a JVM of its own, so that a JMH fork measuring the client (allocation with
 * {@code -prof gc}, CPU time) sees none of the stub's work. The child prints its URL on the first
 * line, and exits when its standard input closes (the parent ended) or after an hour at most.
 * It can also run a {@link SimulatedNode} with a pre-built chain ({@link #startNode(int)}), so
 * that a harness measuring the client's heap does not count the node's chain and request log.
 */
public final class StubProcess implements AutoCloseable {

	private static final long MAX_LIFETIME_MINUTES = 60;

	/** The kinds' suffix for a Netty stub answering {@code getblock} with {@link LargeBlockReply}. */
	public static final String LARGE = "-large";

	private final Process process;

	private final String url;

	private StubProcess(Process process, String url) {
		this.process = process;
		this.url = url;
	}

	/**
	 * Starts {@code java -cp <our class path> StubProcess <kind>}; kind is "ws" or "http" (the Jetty
	 * stubs), "netty-ws" or "netty-http" ({@link NettyStubServer}), or one of these two with
	 * {@link #LARGE} after it (building the large reply fits in less than 96 MB of heap).
	 */
	public static StubProcess start(String kind) throws IOException {
		return start(kind, "256m");
	}

	/**
	 * Starts two {@link SimulatedNode}s with the same {@code height} blocks in a JVM of its own, the
	 * second with keep-alive HTTP; {@link #url()} is then {@code "<httpUrl> <wsUrl> <keepAliveHttpUrl>"},
	 * and {@link #cpuNanos()} the nodes' CPU time.
	 */
	public static StubProcess startNode(int height) throws IOException {
		return start("node:" + height, "1g");
	}

	private static StubProcess start(String kind, String heap) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC",
				"-cp", System.getProperty("java.class.path"), StubProcess.class.getName(), kind));
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process process = builder.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
		String line = out.readLine();
		if (line == null || !line.startsWith("URL ")) {
			process.destroyForcibly();
			throw new IOException("The stub process did not start: " + line);
		}
		return new StubProcess(process, line.substring(4).trim());
	}

	public String url() {
		return this.url;
	}

	/** The child's CPU time so far (all its threads), or -1 when the platform does not say. */
	public long cpuNanos() {
		return this.process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// then destroy() below ends it
		}
		try {
			if (this.process.waitFor(5, TimeUnit.SECONDS)) {
				return;
			}
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The child: {@code ws}, {@code http}, {@code netty-ws}, {@code netty-http} (each of these two
	 * possibly with {@link #LARGE}) or {@code node:<height>}.
	 */
	public static void main(String[] args) throws Exception {
		AutoCloseable stub;
		String url;
		if (args.length > 0 && args[0].startsWith("node:")) {
			long start = System.nanoTime();
			// Fixed block times: both nodes below serve the same chain, and every run the same blocks.
			SimulatedNode node = SimulatedNode.builder().initialHeight(Integer.parseInt(args[0].substring(5)))
				.blockTimes(BlockTimes.fixed()).build();
			System.err.printf(Locale.ROOT, "StubProcess: SimulatedNode with %s blocks built in %d ms%n", args[0].substring(5),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			// A second node with the same chain and keep-alive HTTP framing (as Bitcoin Core); btcd's
			// framing, the default, closes the connection after every reply.
			SimulatedNode keepAlive = SimulatedNode.builder().initialHeight(Integer.parseInt(args[0].substring(5)))
				.blockTimes(BlockTimes.fixed()).connectionClose(false).build();
			node.start();
			keepAlive.start();
			stub = () -> {
				node.close();
				keepAlive.close();
			};
			url = node.httpUrl() + " " + node.wsUrl() + " " + keepAlive.httpUrl();
		}
		else if (args.length > 0 && args[0].startsWith("netty-")) {
			NettyStubServer.Protocol protocol = args[0].startsWith("netty-ws") ? NettyStubServer.Protocol.WS
					: NettyStubServer.Protocol.HTTP;
			NettyStubServer netty = args[0].endsWith(LARGE) ? NettyStubServer.startLarge(protocol, LargeBlockReply.build())
					: NettyStubServer.start(protocol);
			stub = netty;
			url = netty.url();
		}
		else if (args.length > 0 && args[0].equals("http")) {
			StubHttpServer http = StubHttpServer.start(false);
			stub = http;
			url = http.url();
		}
		else {
			StubWebSocketServer ws = StubWebSocketServer.start(StubWebSocketServer.Mode.ANSWER);
			stub = ws;
			url = ws.url();
		}
		System.out.println("URL " + url);
		System.out.flush();
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(TimeUnit.MINUTES.toMillis(MAX_LIFETIME_MINUTES));
			}
			catch (InterruptedException ex) {
				return;
			}
			System.exit(0);
		}, "stub-lifetime");
		watchdog.setDaemon(true);
		watchdog.start();
		// Exits when the parent closes our stdin (or dies).
		while (System.in.read() >= 0) {
			// ignore input
		}
		stub.close();
		System.exit(0);
	}

}
