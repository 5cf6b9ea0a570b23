package org.bitcoinrpc.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bitcoinrpc.readme.ReadmeSnippets.JavaBlock;
import org.bitcoinrpc.readme.ReadmeSnippets.Problem;
import org.bitcoinrpc.readme.ReadmeSnippets.Readme;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's README.md: every {@code ```java} block is marked and equals its tagged region of
 * a compiled source file (see {@link ReadmeSnippets} for the convention), so each snippet compiles
 * as shown, imports included. One dynamic test per block, named by its README line: a block that
 * differs fails with the first differing line and, for an IDE's diff view, both texts.
 */
class ReadmeSnippetsTests {

	private static final Path ROOT = ReadmeSnippets.repositoryRoot();

	/** Where this module keeps the snippets' sources (others may live anywhere in the repository). */
	private static final Path SNIPPETS = Path.of("sample-app/src/test/java/org/bitcoinrpc/readme");

	private static Readme readme() throws IOException {
		return ReadmeSnippets.parse(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8));
	}

	@Test
	void everyMarkerIsFollowedByAJavaBlockAndTheReadmeHasSome() throws IOException {
		Readme readme = readme();
		assertThat(readme.problems()).isEmpty();
		assertThat(readme.blocks()).isNotEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyJavaBlockEqualsItsTaggedSource() throws IOException {
		return readme().blocks().stream().map((block) -> DynamicTest.dynamicTest(name(block), () -> {
			Problem problem = ReadmeSnippets.check(ROOT, block);
			if (problem != null) {
				throw (problem.expected() != null)
						? new AssertionFailedError(problem.toString(), problem.expected(), problem.actual())
						: new AssertionFailedError(problem.message());
			}
		}));
	}

	/**
	 * A tagged region the README no longer shows would be kept compiling for nothing, and a
	 * {@code tag::} left open in a file would go unnoticed until a marker pointed at its tag.
	 */
	@Test
	void everyTagInTheSnippetSourcesIsShownInTheReadme() throws IOException {
		List<JavaBlock> blocks = readme().blocks();
		Set<String> shown = blocks.stream()
			.map(JavaBlock::marker)
			.filter(Objects::nonNull)
			.map((marker) -> Path.of(marker.path()).normalize() + "#" + marker.tag())
			.collect(Collectors.toSet());
		Set<Path> files = new TreeSet<>();
		try (Stream<Path> sources = Files.list(ROOT.resolve(SNIPPETS))) {
			// The check's own sources hold tag lines as test data.
			sources.map((file) -> SNIPPETS.resolve(file.getFileName().toString()))
				.filter((file) -> !file.getFileName().toString().startsWith("ReadmeSnippets"))
				.forEach(files::add);
		}
		blocks.stream()
			.map(JavaBlock::marker)
			.filter(Objects::nonNull)
			.map((marker) -> Path.of(marker.path()).normalize())
			.filter((file) -> Files.isRegularFile(ROOT.resolve(file)))
			.forEach(files::add);
		List<String> notShown = new ArrayList<>();
		for (Path file : files) {
			String source = Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
			for (String tag : ReadmeSnippets.regions(file.toString(), source).keySet()) {
				if (!shown.contains(file + "#" + tag)) {
					notShown.add(file + "#" + tag);
				}
			}
		}
		assertThat(notShown).as("tagged regions no README marker points at").isEmpty();
		assertThat(files).as("the snippet sources").contains(SNIPPETS.resolve("QuickStartTests.java"));
	}

	private static String name(JavaBlock block) {
		return "README.md:" + block.line()
				+ ((block.marker() != null) ? " " + block.marker().path() + "#" + block.marker().tag() : " (no marker)");
	}

}
