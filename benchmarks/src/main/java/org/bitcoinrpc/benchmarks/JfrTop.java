package org.bitcoinrpc.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording taken while a benchmark ran: where the CPU samples
 * ({@code jdk.ExecutionSample}) and the sampled allocation weight ({@code jdk.ObjectAllocationSample})
 * go, attributed to the first frame outside the JDK (the library code responsible), and by library.
 * <p>
 * {@code java -cp benchmarks.jar org.bitcoinrpc.benchmarks.JfrTop recording.jfr [cpu|alloc] [rows]}
 */
public final class JfrTop {

	private JfrTop() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		String mode = (args.length > 1) ? args[1] : "cpu";
		int rows = (args.length > 2) ? Integer.parseInt(args[2]) : 25;
		String eventName = mode.equals("alloc") ? "jdk.ObjectAllocationSample" : "jdk.ExecutionSample";
		Map<String, Double> bySite = new HashMap<>();
		Map<String, Double> byLibrary = new HashMap<>();
		Map<String, Double> byLeaf = new HashMap<>();
		double total = 0;
		List<RecordedEvent> events = RecordingFile.readAllEvents(file);
		for (RecordedEvent event : events) {
			if (!event.getEventType().getName().equals(eventName)) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null) {
				continue;
			}
			double weight = mode.equals("alloc") ? event.getLong("weight") : 1;
			total += weight;
			List<RecordedFrame> frames = stack.getFrames();
			String leaf = frames.isEmpty() ? "?" : name(frames.get(0));
			if (mode.equals("alloc")) {
				leaf = event.getClass("objectClass").getName() + " @ " + leaf;
			}
			byLeaf.merge(leaf, weight, Double::sum);
			String site = "(JDK only)";
			for (RecordedFrame frame : frames) {
				String type = frame.getMethod().getType().getName();
				if (!isJdk(type)) {
					site = name(frame);
					break;
				}
			}
			bySite.merge(site, weight, Double::sum);
			byLibrary.merge(library(site), weight, Double::sum);
		}
		String unit = mode.equals("alloc") ? "sampled bytes" : "samples";
		System.out.printf(Locale.ROOT, "%s: %.0f %s in %s%n", eventName, total, unit, file);
		print("by library (first non-JDK frame)", byLibrary, total, rows);
		print("by first non-JDK frame", bySite, total, rows);
		print(mode.equals("alloc") ? "by class @ allocating frame" : "by leaf frame", byLeaf, total, rows);
	}

	private static void print(String title, Map<String, Double> map, double total, int rows) {
		System.out.println();
		System.out.println("-- " + title);
		map.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(rows)
			.forEach((entry) -> System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100 * entry.getValue() / total, entry.getKey()));
	}

	private static boolean isJdk(String type) {
		return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.");
	}

	private static String library(String site) {
		String[] prefixes = { "org.bitcoinrpc.client.", "org.bitcoinrpc.benchmarks.", "org.springframework.", "org.eclipse.jetty.",
				"tools.jackson.", "org.openjdk.jmh.", "ch.qos.logback." };
		for (String prefix : prefixes) {
			if (site.startsWith(prefix)) {
				return prefix + "*";
			}
		}
		return site;
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

}
