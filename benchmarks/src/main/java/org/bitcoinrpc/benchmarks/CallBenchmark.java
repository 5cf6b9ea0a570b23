package org.bitcoinrpc.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.benchmarks.stub.StubProcess;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (3) The client's CPU and allocation per small call ({@code getblockcount}), the whole path:
 * encode, write, read, decode, complete. The stub runs in a JVM of its own
 * ({@link StubProcess}), so {@code -prof gc} and {@code -prof org.bitcoinrpc.benchmarks.CpuTimeProfiler}
 * count the client's work only (its I/O, timer and event threads included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class CallBenchmark {

	private static final int BATCH = 16;

	@Param({ "ws", "http" })
	public String transport;

	private StubProcess stub;

	private BitcoinRpcClient client;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private final CompletableFuture<Long>[] futures = new CompletableFuture[BATCH];

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.stub = StubProcess.start(this.transport);
		this.client = BitcoinRpcClient.create(ClientOptions.builder().url(this.stub.url()).build());
		this.client.connect();
		if (this.client.getBlockCount() != 123) {
			throw new IllegalStateException("the stub did not answer 123");
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		this.client.close();
		this.stub.close();
	}

	/** One blocking call at a time: the latency of a round trip, and everything one call costs. */
	@Benchmark
	public long blockingCall() {
		return this.client.getBlockCount();
	}

	/** 16 calls sent back to back, then awaited: the per-call cost when calls are pipelined. */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public long pipelined16() {
		for (int i = 0; i < BATCH; i++) {
			this.futures[i] = this.client.getBlockCountAsync();
		}
		long sum = 0;
		for (int i = 0; i < BATCH; i++) {
			sum += this.futures[i].join();
		}
		return sum;
	}

}
