package org.bitcoinrpc.benchmarks.stub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stub server in a JVM of its own, so that a JMH fork measuring the client (allocation with
 * {@code -prof gc}, CPU time) sees none of the stub's work. The child prints its URL on the first
 * line, and exits when its standard input closes (the parent ended) or after an hour at most.
 */
public final class StubProcess implements AutoCloseable {

	private static final long MAX_LIFETIME_MINUTES = 60;

	private final Process process;

	private final String url;

	private StubProcess(Process process, String url) {
		this.process = process;
		this.url = url;
	}

	/** Starts {@code java -cp <our class path> StubProcess <kind>}; kind is "ws" or "http". */
	public static StubProcess start(String kind) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC",
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

	/** The child: {@code ws} or {@code http}. */
	public static void main(String[] args) throws Exception {
		AutoCloseable stub;
		String url;
		if (args.length > 0 && args[0].equals("http")) {
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
