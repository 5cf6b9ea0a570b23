package org.bitcoinrpc.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bitcoinrpc.readme.ReadmeSnippets.Problem;
import org.bitcoinrpc.readme.ReadmeSnippets.SnippetException;
import org.bitcoinrpc.readme.ReadmeSnippets.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The snippet check itself, on small READMEs and sources: what it extracts, and that it fails on
 * each way a README can break the convention, so {@link ReadmeSnippetsTests} cannot pass by
 * checking nothing.
 */
class ReadmeSnippetsCheckTests {

	private static final String SOURCE = """
			package demo;

			// tag::demo[]
			import java.util.List;

			// end::demo[]
			class Demo {

			\tvoid run() {
			\t\t// tag::demo[]
			\t\tList<String> names = List.of("a",
			\t\t\t\t"b");\s\s
			\t\t// tag::inner[]
			\t\tSystem.out.println(names);
			\t\t// end::inner[]
			\t\t// end::demo[]
			\t}

			}
			""";

	private static final String SNIPPET = String.join("\n", "import java.util.List;", "",
			"List<String> names = List.of(\"a\",", "        \"b\");", "System.out.println(names);");

	@TempDir
	Path root;

	private static List<String> texts(List<SourceLine> lines) {
		return lines.stream().map(SourceLine::text).toList();
	}

	private List<Problem> check(String readme) throws IOException {
		Files.createDirectories(this.root.resolve("src"));
		Files.writeString(this.root.resolve("src/Demo.java"), SOURCE);
		return ReadmeSnippets.check(this.root, readme);
	}

	private static String readme(String marker, String block) {
		return "# Demo\n\nSome text.\n\n" + marker + "\n```java\n" + block + "\n```\n\nMore text.\n";
	}

	@Test
	void regionsOfATagAreJoinedInOrderEachWithoutItsIndentationAndTagLinesAreLeftOut() {
		List<SourceLine> lines = ReadmeSnippets.extract("Demo.java", SOURCE, "demo");
		assertThat(texts(lines)).containsExactlyElementsOf(SNIPPET.lines().toList());
		assertThat(lines).extracting(SourceLine::number).containsExactly(4, 5, 11, 12, 14);
		assertThat(texts(ReadmeSnippets.extract("Demo.java", SOURCE, "inner")))
			.containsExactly("System.out.println(names);");
	}

	@Test
	void tabsAreExpandedToTabStopsOfFourColumns() {
		assertThat(ReadmeSnippets.expandTabs("\tx")).isEqualTo("    x");
		assertThat(ReadmeSnippets.expandTabs("  \tx\ty")).isEqualTo("    x   y");
	}

	@Test
	void aTagWithoutEndFails() {
		assertThatExceptionOfType(SnippetException.class)
			.isThrownBy(() -> ReadmeSnippets.extract("A.java", "a\n// tag::x[]\nb\n", "x"))
			.withMessage("A.java:2: tag::x[] has no end::x[]");
		assertThatExceptionOfType(SnippetException.class)
			.isThrownBy(() -> ReadmeSnippets.extract("A.java", "// tag::x[]\n// end::x[]\n// tag::y[]\n", "x"))
			.withMessage("A.java:3: tag::y[] has no end::y[]");
	}

	@Test
	void anEndWithoutTagOrATagOpenedTwiceFails() {
		assertThatExceptionOfType(SnippetException.class)
			.isThrownBy(() -> ReadmeSnippets.extract("A.java", "a\n// end::x[]\n", "x"))
			.withMessage("A.java:2: end::x[] without a tag::x[] before it");
		assertThatExceptionOfType(SnippetException.class)
			.isThrownBy(() -> ReadmeSnippets.extract("A.java", "// tag::x[]\n// tag::x[]\n// end::x[]\n", "x"))
			.withMessageContaining("A.java:2: tag::x[] again");
	}

	@Test
	void aMissingTagFails() {
		assertThatExceptionOfType(SnippetException.class)
			.isThrownBy(() -> ReadmeSnippets.extract("A.java", "// tag::x[]\n// end::x[]\n", "y"))
			.withMessage("A.java has no tag::y[]");
	}

	@Test
	void aBlockEqualToItsSourcePasses() throws IOException {
		assertThat(check(readme("<!-- snippet: src/Demo.java#demo -->", SNIPPET))).isEmpty();
		// Blank lines between the marker and the block are allowed.
		assertThat(check(readme("<!-- snippet: src/Demo.java#inner -->\n", "System.out.println(names);"))).isEmpty();
	}

	@Test
	void aDifferingLineFailsNamingBothLines() throws IOException {
		List<Problem> problems = check(readme("<!-- snippet: src/Demo.java#demo -->", SNIPPET.replace("\"b\"", "\"c\"")));
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.message()).startsWith("README.md:6: the ```java block differs from src/Demo.java#demo")
				.contains("README.md line 10 is\n  [        \"c\");]")
				.contains("src/Demo.java line 12 is\n  [        \"b\");]");
			assertThat(problem.expected()).isEqualTo(SNIPPET);
			assertThat(problem.actual()).isEqualTo(SNIPPET.replace("\"b\"", "\"c\""));
		});
	}

	@Test
	void indentationAndTrailingLinesCount() throws IOException {
		assertThat(check(readme("<!-- snippet: src/Demo.java#inner -->", "  System.out.println(names);")))
			.singleElement().extracting(Problem::message).asString().contains("README.md line 7 is");
		assertThat(check(readme("<!-- snippet: src/Demo.java#inner -->", "System.out.println(names);\n// more")))
			.singleElement().extracting(Problem::message).asString()
			.contains("README.md line 8 is\n  [// more]\nbut the tagged region has ended");
		assertThat(check(readme("<!-- snippet: src/Demo.java#demo -->", "import java.util.List;")))
			.singleElement().extracting(Problem::message).asString()
			.contains("the block ends at README.md line 8 but src/Demo.java line 5 is still in the region");
	}

	@Test
	void aReadmeWithoutJavaBlocksFails() throws IOException {
		assertThat(check("# Demo\n\n```xml\n<a/>\n```\n")).extracting(Problem::message)
			.containsExactly("README.md has no ```java block: the snippet check would pass without checking anything");
	}

	@Test
	void aJavaBlockWithoutMarkerFails() throws IOException {
		assertThat(check(readme("", SNIPPET))).extracting(Problem::message)
			.singleElement().asString().startsWith("README.md:6: this ```java block has no marker");
		// A marker separated from the block by text does not count.
		assertThat(check(readme("<!-- snippet: src/Demo.java#demo -->\nText.", SNIPPET))).extracting(Problem::message)
			.containsExactly(
					"README.md:5: the marker <!-- snippet: src/Demo.java#demo --> is not followed by a ```java block",
					"README.md:7: this ```java block has no marker: put <!-- snippet: <path>#<tag> --> on the line "
							+ "before it, and the code between // tag::<tag>[] and // end::<tag>[] in a compiled source file");
	}

	@Test
	void aMarkerBeforeAnotherKindOfBlockOrAtTheEndFails() throws IOException {
		String readme = readme("<!-- snippet: src/Demo.java#inner -->", "System.out.println(names);")
				+ "\n<!-- snippet: src/Demo.java#demo -->\n```xml\n<a/>\n```\n<!-- snippet: src/Demo.java#demo -->\n";
		assertThat(check(readme)).extracting(Problem::message).containsExactly(
				"README.md:12: the marker <!-- snippet: src/Demo.java#demo --> is not followed by a ```java block",
				"README.md:16: the marker <!-- snippet: src/Demo.java#demo --> is not followed by a ```java block");
	}

	@Test
	void aMalformedMarkerFails() throws IOException {
		assertThat(check(readme("<!-- snippet: src/Demo.java -->", SNIPPET))).extracting(Problem::message)
			.first().asString().startsWith("README.md:5: malformed snippet marker");
	}

	@Test
	void aMarkerToAMissingFileOrTagOrOutsideTheRepositoryFails() throws IOException {
		assertThat(check(readme("<!-- snippet: src/Missing.java#demo -->", SNIPPET))).extracting(Problem::message)
			.containsExactly("README.md:6: the marker's file src/Missing.java does not exist");
		assertThat(check(readme("<!-- snippet: src/Demo.java#other -->", SNIPPET))).extracting(Problem::message)
			.containsExactly("README.md:6: src/Demo.java has no tag::other[]");
		assertThat(check(readme("<!-- snippet: ../Demo.java#demo -->", SNIPPET))).extracting(Problem::message)
			.containsExactly("README.md:6: the marker's path ../Demo.java is not inside the repository");
	}

	@Test
	void anUnclosedFenceFails() throws IOException {
		assertThat(check("<!-- snippet: src/Demo.java#inner -->\n```java\nSystem.out.println(names);\n"))
			.extracting(Problem::message)
			.containsExactly("README.md:2: the code block opened here is never closed");
	}

	@Test
	void aMarkerInsideAnotherCodeBlockIsText() throws IOException {
		String readme = "```markdown\n<!-- snippet: src/Demo.java#x -->\n```java\n```\n\n"
				+ readme("<!-- snippet: src/Demo.java#inner -->", "System.out.println(names);");
		assertThat(check(readme)).isEmpty();
	}

	@Test
	void theRepositoryRootHoldsTheSampleApp() {
		assertThat(ReadmeSnippets.repositoryRoot().resolve("sample-app/pom.xml")).isRegularFile();
	}

}
