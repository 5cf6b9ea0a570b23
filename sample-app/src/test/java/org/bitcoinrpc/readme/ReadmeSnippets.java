package org.bitcoinrpc.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks that every {@code ```java} block of a README is a copy of a tagged region of a compiled
 * source file, so that a snippet cannot drift from the API it shows.
 * <p>
 * The convention: the block's preceding non-blank line is a marker
 * {@code <!-- snippet: <path>#<tag> -->}, the path relative to the repository's root. In that file
 * the snippet is the lines between {@code // tag::<tag>[]} and {@code // end::<tag>[]}. A tag may
 * occur several times in a file (the imports, then the code): its regions are joined in order. In
 * each region, tabs are expanded to tab stops of {@value #TAB_WIDTH} columns (the sources indent
 * with tabs, the README with spaces), trailing white space is dropped and the region's common
 * leading indentation is removed. Tag lines never appear in a snippet, whatever their tag, so
 * regions may nest or overlap. The README block must equal the result line for line.
 */
final class ReadmeSnippets {

	/** Columns per tab stop when a source's tabs are expanded. */
	static final int TAB_WIDTH = 4;

	static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)#([A-Za-z0-9_.-]+) -->");

	private static final Pattern TAG_LINE = Pattern.compile("//\\s*(tag|end)::([A-Za-z0-9_.-]+)\\[\\]");

	/** A line that opens a fenced code block: up to 3 spaces, 3+ backticks or tildes, an info string. */
	private static final Pattern FENCE = Pattern.compile("( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*).*");

	private ReadmeSnippets() {
	}

	/** The README's {@code ```java} blocks, and whatever in its layout breaks the convention. */
	static Readme parse(String readme) {
		List<String> lines = readme.lines().toList();
		List<JavaBlock> blocks = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		@Nullable Marker pending = null;
		int index = 0;
		while (index < lines.size()) {
			String line = lines.get(index);
			int lineNumber = index + 1;
			Matcher fence = FENCE.matcher(line);
			if (fence.matches()) {
				int indent = fence.group(1).length();
				String fenceChars = fence.group(2);
				boolean java = fence.group(3).equalsIgnoreCase("java");
				List<String> content = new ArrayList<>();
				int close = index + 1;
				while (close < lines.size() && !closes(lines.get(close), fenceChars)) {
					content.add(stripIndent(lines.get(close), indent));
					close++;
				}
				if (close == lines.size()) {
					problems.add("README.md:" + lineNumber + ": the code block opened here is never closed");
				}
				if (java) {
					blocks.add(new JavaBlock(lineNumber, pending, content));
				}
				else if (pending != null) {
					problems.add(strayMarker(pending));
				}
				pending = null;
				index = close + 1;
				continue;
			}
			Matcher marker = MARKER.matcher(line.strip());
			if (marker.matches()) {
				if (pending != null) {
					problems.add(strayMarker(pending));
				}
				pending = new Marker(lineNumber, marker.group(1), marker.group(2));
			}
			else if (line.contains("<!-- snippet:")) {
				problems.add("README.md:" + lineNumber + ": malformed snippet marker, expected "
						+ "<!-- snippet: <path>#<tag> --> alone on its line: " + line.strip());
			}
			else if (!line.isBlank() && pending != null) {
				problems.add(strayMarker(pending));
				pending = null;
			}
			index++;
		}
		if (pending != null) {
			problems.add(strayMarker(pending));
		}
		if (blocks.isEmpty()) {
			problems.add("README.md has no ```java block: the snippet check would pass without checking anything");
		}
		return new Readme(blocks, problems);
	}

	private static boolean closes(String line, String fenceChars) {
		String stripped = line.strip();
		int leading = line.length() - line.stripLeading().length();
		return leading <= 3 && stripped.length() >= fenceChars.length()
				&& stripped.chars().allMatch((c) -> c == fenceChars.charAt(0));
	}

	/** Removes up to {@code indent} leading spaces, as CommonMark does for an indented fence's content. */
	private static String stripIndent(String line, int indent) {
		int removed = 0;
		while (removed < indent && removed < line.length() && line.charAt(removed) == ' ') {
			removed++;
		}
		return line.substring(removed);
	}

	private static String strayMarker(Marker marker) {
		return "README.md:" + marker.line() + ": the marker <!-- snippet: " + marker.path() + "#" + marker.tag()
				+ " --> is not followed by a ```java block";
	}

	/**
	 * Every tagged region of a source, by tag, each tag's regions joined in order.
	 * @throws SnippetException if a tag is opened twice, closed without being open, or never closed
	 */
	static Map<String, List<SourceLine>> regions(String fileName, String source) {
		Map<String, List<SourceLine>> joined = new LinkedHashMap<>();
		Map<String, Integer> openSince = new LinkedHashMap<>();
		Map<String, List<SourceLine>> current = new LinkedHashMap<>();
		List<String> lines = source.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			int lineNumber = i + 1;
			Matcher tag = TAG_LINE.matcher(lines.get(i).strip());
			if (tag.matches()) {
				String name = tag.group(2);
				if (tag.group(1).equals("tag")) {
					Integer open = openSince.putIfAbsent(name, lineNumber);
					if (open != null) {
						throw new SnippetException(fileName + ":" + lineNumber + ": tag::" + name
								+ "[] again, but the region opened at line " + open + " has no end::" + name + "[] yet");
					}
					current.put(name, new ArrayList<>());
				}
				else {
					if (openSince.remove(name) == null) {
						throw new SnippetException(
								fileName + ":" + lineNumber + ": end::" + name + "[] without a tag::" + name + "[] before it");
					}
					joined.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(normalize(current.remove(name)));
				}
				continue;
			}
			for (List<SourceLine> region : current.values()) {
				region.add(new SourceLine(lineNumber, lines.get(i)));
			}
		}
		if (!openSince.isEmpty()) {
			Map.Entry<String, Integer> open = openSince.entrySet().iterator().next();
			throw new SnippetException(fileName + ":" + open.getValue() + ": tag::" + open.getKey()
					+ "[] has no end::" + open.getKey() + "[]");
		}
		return joined;
	}

	/** The snippet for one tag: its regions in the source, joined. */
	static List<SourceLine> extract(String fileName, String source, String tag) {
		List<SourceLine> lines = regions(fileName, source).get(tag);
		if (lines == null) {
			throw new SnippetException(fileName + " has no tag::" + tag + "[]");
		}
		return lines;
	}

	/** Tabs expanded, trailing white space dropped, the common leading indentation removed. */
	private static List<SourceLine> normalize(List<SourceLine> region) {
		List<SourceLine> expanded = region.stream()
			.map((line) -> new SourceLine(line.number(), expandTabs(line.text()).stripTrailing()))
			.toList();
		int indent = expanded.stream()
			.filter((line) -> !line.text().isEmpty())
			.mapToInt((line) -> line.text().length() - line.text().stripLeading().length())
			.min()
			.orElse(0);
		return expanded.stream()
			.map((line) -> new SourceLine(line.number(), line.text().isEmpty() ? "" : line.text().substring(indent)))
			.toList();
	}

	static String expandTabs(String line) {
		StringBuilder expanded = new StringBuilder(line.length());
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\t') {
				do {
					expanded.append(' ');
				}
				while (expanded.length() % TAB_WIDTH != 0);
			}
			else {
				expanded.append(c);
			}
		}
		return expanded.toString();
	}

	/**
	 * What is wrong with one block: {@code null} when it equals its tagged source.
	 * @param root the repository's root, against which markers' paths are resolved
	 */
	static @Nullable Problem check(Path root, JavaBlock block) {
		Marker marker = block.marker();
		String where = "README.md:" + block.line();
		if (marker == null) {
			return new Problem(where + ": this ```java block has no marker: put <!-- snippet: <path>#<tag> --> on "
					+ "the line before it, and the code between // tag::<tag>[] and // end::<tag>[] in a compiled "
					+ "source file", null, null);
		}
		Path normalizedRoot = root.toAbsolutePath().normalize();
		Path file = normalizedRoot.resolve(marker.path()).normalize();
		if (!file.startsWith(normalizedRoot) || Path.of(marker.path()).isAbsolute()) {
			return new Problem(where + ": the marker's path " + marker.path() + " is not inside the repository", null,
					null);
		}
		if (!Files.isRegularFile(file)) {
			return new Problem(where + ": the marker's file " + marker.path() + " does not exist", null, null);
		}
		List<SourceLine> expected;
		try {
			expected = extract(marker.path(), Files.readString(file, StandardCharsets.UTF_8), marker.tag());
		}
		catch (SnippetException ex) {
			return new Problem(where + ": " + ex.getMessage(), null, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> actual = block.lines();
		int common = Math.min(expected.size(), actual.size());
		for (int i = 0; i < common; i++) {
			if (!expected.get(i).text().equals(actual.get(i))) {
				return mismatch(block, marker, expected, "README.md line " + (block.line() + 1 + i) + " is\n  ["
						+ actual.get(i) + "]\nbut " + marker.path() + " line " + expected.get(i).number() + " is\n  ["
						+ expected.get(i).text() + "]");
			}
		}
		if (actual.size() > common) {
			return mismatch(block, marker, expected, "README.md line " + (block.line() + 1 + common) + " is\n  ["
					+ actual.get(common) + "]\nbut the tagged region has ended");
		}
		if (expected.size() > common) {
			return mismatch(block, marker, expected, "the block ends at README.md line " + (block.line() + 1 + common)
					+ " but " + marker.path() + " line " + expected.get(common).number() + " is still in the region:\n  ["
					+ expected.get(common).text() + "]");
		}
		return null;
	}

	private static Problem mismatch(JavaBlock block, Marker marker, List<SourceLine> expected, String detail) {
		String expectedText = String.join("\n", expected.stream().map(SourceLine::text).toList());
		String actualText = String.join("\n", block.lines());
		return new Problem("README.md:" + block.line() + ": the ```java block differs from " + marker.path() + "#"
				+ marker.tag() + " (tabs expanded to " + TAB_WIDTH + " columns, common indentation removed): " + detail,
				expectedText, actualText);
	}

	/** Every problem of a README: its layout's, then each block's. */
	static List<Problem> check(Path root, String readme) {
		Readme parsed = parse(readme);
		List<Problem> problems = new ArrayList<>();
		parsed.problems().forEach((problem) -> problems.add(new Problem(problem, null, null)));
		for (JavaBlock block : parsed.blocks()) {
			Problem problem = check(root, block);
			if (problem != null) {
				problems.add(problem);
			}
		}
		return problems;
	}

	/**
	 * The repository's root: the nearest directory, from the working directory up, that holds
	 * README.md and the parent pom listing sample-app (Maven runs tests in the module's directory,
	 * an IDE often in the root's).
	 */
	static Path repositoryRoot() {
		Path start = Path.of("").toAbsolutePath();
		for (Path directory = start; directory != null; directory = directory.getParent()) {
			Path pom = directory.resolve("pom.xml");
			try {
				if (Files.isRegularFile(directory.resolve("README.md")) && Files.isRegularFile(pom)
						&& Files.readString(pom, StandardCharsets.UTF_8).contains("<module>sample-app</module>")) {
					return directory;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		throw new IllegalStateException("No README.md with a pom.xml listing <module>sample-app</module> in " + start
				+ " or above it");
	}

	/** A README's java blocks, and the problems of its layout (stray markers, unclosed fences, no blocks). */
	record Readme(List<JavaBlock> blocks, List<String> problems) {
	}

	/**
	 * A {@code ```java} block.
	 * @param line the line of its opening fence, from 1
	 * @param marker the marker before it, if any
	 * @param lines its content, without the fences
	 */
	record JavaBlock(int line, @Nullable Marker marker, List<String> lines) {
	}

	/** {@code <!-- snippet: path#tag -->} at a line of the README. */
	record Marker(int line, String path, String tag) {
	}

	/** A line of a snippet, with its line number in the source file. */
	record SourceLine(int number, String text) {
	}

	/**
	 * Something wrong, with the expected and actual text of a block that differs from its source
	 * (for an IDE's diff view).
	 */
	record Problem(String message, @Nullable String expected, @Nullable String actual) {

		@Override
		public String toString() {
			return (this.expected != null)
					? this.message + "\n--- expected (the tagged source):\n" + this.expected + "\n--- README has:\n" + this.actual
					: this.message;
		}

	}

	/** A source whose tags do not pair up, or lack the tag asked for. */
	static final class SnippetException extends RuntimeException {

		SnippetException(String message) {
			super(message);
		}

	}

}
