package org.bitcoinrpc.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

	private static String name(JavaBlock block) {
		return "README.md:" + block.line()
				+ ((block.marker() != null) ? " " + block.marker().path() + "#" + block.marker().tag() : " (no marker)");
	}

}
