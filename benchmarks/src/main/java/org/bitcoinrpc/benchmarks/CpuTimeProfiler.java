package org.bitcoinrpc.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM (every thread: the caller, the client's I/O and timer
 * threads, the JIT and the GC) per operation, the way {@code -prof gc} normalises allocation:
 * {@code -prof org.bitcoinrpc.benchmarks.CpuTimeProfiler} adds {@code cpu.time.norm} in ns/op.
 * Only meaningful when nothing else runs in the fork: the stub the client talks to then runs in a
 * separate JVM ({@link org.bitcoinrpc.benchmarks.stub.StubProcess}).
 */
public final class CpuTimeProfiler implements InternalProfiler {

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long startCpu;

	private long startWall;

	@Override
	public String getDescription() {
		return "Process CPU time per operation (all threads of the fork)";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.startCpu = this.os.getProcessCpuTime();
		this.startWall = System.nanoTime();
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.startCpu;
		long wall = System.nanoTime() - this.startWall;
		long ops = result.getMetadata().getAllOps();
		return List.of(
				new ScalarResult("cpu.time.norm", (ops > 0) ? (double) cpu / ops : Double.NaN, "ns/op", AggregationPolicy.AVG),
				new ScalarResult("cpu.cores.busy", (wall > 0) ? (double) cpu / wall : Double.NaN, "cores", AggregationPolicy.AVG));
	}

}
