package org.bitcoinrpc.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import org.bitcoinrpc.benchmarks.stub.StubProcess;

/**
 * What one measured window cost: this JVM's process CPU time (every thread: callers, engines, JIT,
 * GC), the bytes allocated by this JVM's threads ({@code com.sun.management.ThreadMXBean}
 * {@code getThreadAllocatedBytes}, summed over the threads alive at either end; a thread that both
 * starts and ends inside the window is missed, one that ends inside it loses its share), and the
 * stub's CPU time, read from its child process.
 */
final class ResourceMeter implements ClosedLoop.Window {

	/** A window's totals; {@code stubCpuNanos} is -1 when the platform does not say. */
	record Usage(long cpuNanos, long allocatedBytes, long stubCpuNanos) {

	}

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final StubProcess stub;

	/** Only the driver thread of a run touches these. */
	private long cpuAtStart;

	private long stubCpuAtStart;

	private Map<Long, Long> allocatedAtStart = Map.of();

	private Usage usage = new Usage(0, 0, -1);

	ResourceMeter(StubProcess stub) {
		this.stub = stub;
		if (!this.threads.isThreadAllocatedMemoryEnabled()) {
			this.threads.setThreadAllocatedMemoryEnabled(true);
		}
	}

	@Override
	public void opened() {
		this.stubCpuAtStart = this.stub.cpuNanos();
		this.allocatedAtStart = allocatedByThread();
		this.cpuAtStart = this.os.getProcessCpuTime();
	}

	@Override
	public void closed() {
		long cpu = this.os.getProcessCpuTime() - this.cpuAtStart;
		Map<Long, Long> now = allocatedByThread();
		long allocated = 0;
		for (Map.Entry<Long, Long> thread : now.entrySet()) {
			allocated += thread.getValue() - this.allocatedAtStart.getOrDefault(thread.getKey(), 0L);
		}
		long stubNow = this.stub.cpuNanos();
		this.usage = new Usage(cpu, allocated, (stubNow >= 0 && this.stubCpuAtStart >= 0) ? stubNow - this.stubCpuAtStart : -1);
	}

	/** The last window's usage. */
	Usage usage() {
		return this.usage;
	}

	private Map<Long, Long> allocatedByThread() {
		long[] ids = this.threads.getAllThreadIds();
		long[] bytes = this.threads.getThreadAllocatedBytes(ids);
		Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				byThread.put(ids[i], bytes[i]);
			}
		}
		return byThread;
	}

}
