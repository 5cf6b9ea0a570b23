package org.bitcoinrpc.client.follow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileCursorStoreTests {

	static final String HASH = CursorTests.HASH;

	static final String PREVIOUS = CursorTests.PREVIOUS;

	static final Cursor GENESIS = InMemoryCursorStoreTests.GENESIS;

	static final Cursor BLOCK_102 = new Cursor(HASH, 102, 1795622297, PREVIOUS);

	static final String BLOCK_102_FILE = "bitcoin-rpc-cursor 1\nhash=" + HASH + "\nheight=102\ntime=1795622297\nprevious="
			+ PREVIOUS + "\n";

	static final CursorStore.Work NOTHING = () -> {
	};

	@TempDir
	Path directory;

	@Test
	void roundTripInAHumanReadableFile() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		assertThat(store.load("payments")).isEmpty();
		store.advance("payments", BLOCK_102, NOTHING);
		assertThat(store.load("payments")).contains(BLOCK_102);
		assertThat(Files.readString(this.directory.resolve("payments.cursor"))).isEqualTo(BLOCK_102_FILE);
	}

	@Test
	void roundTripAtGenesisWithoutParent() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		store.advance("payments", GENESIS, NOTHING);
		assertThat(store.load("payments")).contains(GENESIS);
		assertThat(Files.readString(this.directory.resolve("payments.cursor"))).endsWith("\nprevious=\n");
	}

	@Test
	void createsTheDirectoryWithItsParents() throws Exception {
		Path nested = this.directory.resolve("a/b/cursors");
		CursorStore store = CursorStore.files(nested);
		assertThat(nested).isDirectory();
		assertThat(store.load("payments")).isEmpty();
		store.advance("payments", BLOCK_102, NOTHING);
		assertThat(store.load("payments")).contains(BLOCK_102);
	}

	@Test
	void aDirectoryThatCannotBeCreatedFailsAtOnceNamingIt() throws Exception {
		Path file = Files.writeString(this.directory.resolve("not-a-directory"), "x");
		assertThatThrownBy(() -> CursorStore.files(file.resolve("cursors"))).isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining(file.resolve("cursors").toString());
	}

	@Test
	void workRunsBeforeTheCursorMoves() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		store.advance("payments", GENESIS, NOTHING);
		List<Cursor> seenByWork = new ArrayList<>();
		store.advance("payments", BLOCK_102, () -> seenByWork.add(store.load("payments").orElseThrow()));
		assertThat(seenByWork).containsExactly(GENESIS);
		assertThat(store.load("payments")).contains(BLOCK_102);
	}

	@Test
	void workThrowingLeavesTheOldCursorAndPropagatesUnchanged() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		store.advance("payments", GENESIS, NOTHING);
		byte[] before = Files.readAllBytes(this.directory.resolve("payments.cursor"));
		Exception checked = new Exception("database down");
		assertThatException().isThrownBy(() -> store.advance("payments", BLOCK_102, () -> {
			throw checked;
		})).isSameAs(checked);
		RuntimeException unchecked = new IllegalStateException("bug in handler");
		assertThatException().isThrownBy(() -> store.advance("payments", BLOCK_102, () -> {
			throw unchecked;
		})).isSameAs(unchecked);
		assertThat(store.load("payments")).contains(GENESIS);
		assertThat(Files.readAllBytes(this.directory.resolve("payments.cursor"))).isEqualTo(before);
		assertThat(fileNames()).containsExactly("payments.cursor");
	}

	@Test
	void workThrowingAtTheFirstBlockWritesNothing() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		assertThatException().isThrownBy(() -> store.advance("payments", GENESIS, () -> {
			throw new IOException("database down");
		})).withMessage("database down");
		assertThat(store.load("payments")).isEmpty();
		assertThat(fileNames()).isEmpty();
	}

	@Test
	void aSecondStoreOnTheSameDirectoryReadsWhatTheFirstWrote() throws Exception {
		CursorStore.files(this.directory).advance("payments", BLOCK_102, NOTHING);
		CursorStore afterRestart = CursorStore.files(this.directory);
		assertThat(afterRestart.load("payments")).contains(BLOCK_102);
		assertThat(afterRestart.load("indexer-1")).isEmpty();
	}

	@Test
	void manyAdvancesKeepOnlyTheLast() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		Cursor cursor = GENESIS;
		store.advance("payments", cursor, NOTHING);
		for (int height = 1; height <= 200; height++) {
			cursor = new Cursor(hash(height), height, GENESIS.time() + height, cursor.hash());
			store.advance("payments", cursor, NOTHING);
		}
		assertThat(store.load("payments")).contains(cursor);
		assertThat(fileNames()).containsExactly("payments.cursor");
	}

	@Test
	void namesAreSeparate() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		store.advance("payments", GENESIS, NOTHING);
		store.advance("indexer-1", BLOCK_102, NOTHING);
		assertThat(store.load("payments")).contains(GENESIS);
		assertThat(store.load("indexer-1")).contains(BLOCK_102);
		assertThat(fileNames()).containsExactlyInAnyOrder("payments.cursor", "indexer-1.cursor");
	}

	@Test
	void differentNamesFromDifferentThreadsAtOnce() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Cursor>> lasts = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				// Names that are prefixes of one another: one name's clean-up must not take another's file.
				String name = "f" + ".cursor.f".repeat(t);
				lasts.add(threads.submit(() -> {
					Cursor cursor = GENESIS;
					store.advance(name, cursor, NOTHING);
					for (int height = 1; height <= 50; height++) {
						cursor = new Cursor(hash(height), height, height, cursor.hash());
						store.advance(name, cursor, NOTHING);
					}
					return cursor;
				}));
			}
			for (int t = 0; t < 4; t++) {
				String name = "f" + ".cursor.f".repeat(t);
				Cursor last = lasts.get(t).get(30, TimeUnit.SECONDS);
				assertThat(store.load(name)).contains(last);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(fileNames()).hasSize(4).allMatch((name) -> name.endsWith(".cursor"));
	}

	@Test
	void aLeftoverTemporaryFileIsIgnoredThenCleanedUp() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		store.advance("payments", GENESIS, NOTHING);
		// What a crash between write and move leaves: possibly torn, never read.
		Files.writeString(this.directory.resolve("payments.cursor.0123456789abcdef.tmp"), "bitcoin-rpc-cur");
		// Not this name's: another follower's file in flight, and someone else's file.
		Files.writeString(this.directory.resolve("payments.cursor.b.cursor.0123456789abcdef.tmp"), "x");
		Files.writeString(this.directory.resolve("notes.tmp"), "x");
		assertThat(store.load("payments")).contains(GENESIS);
		store.advance("payments", BLOCK_102, NOTHING);
		assertThat(store.load("payments")).contains(BLOCK_102);
		assertThat(fileNames()).containsExactlyInAnyOrder("payments.cursor",
				"payments.cursor.b.cursor.0123456789abcdef.tmp", "notes.tmp");
	}

	@Test
	void aLeftoverTemporaryFileAloneIsNoCursor() throws Exception {
		Files.writeString(this.directory.resolve("payments.cursor.0123456789abcdef.tmp"), BLOCK_102_FILE);
		CursorStore store = CursorStore.files(this.directory);
		assertThat(store.load("payments")).isEmpty();
		store.advance("payments", GENESIS, NOTHING);
		assertThat(fileNames()).containsExactly("payments.cursor");
	}

	static Stream<Arguments> corruptFiles() {
		String hash = "hash=" + HASH + "\n";
		String rest = "height=102\ntime=1795622297\nprevious=" + PREVIOUS + "\n";
		String v1 = "bitcoin-rpc-cursor 1\n";
		return Stream.of(Arguments.of("", "empty"),
				Arguments.of(BLOCK_102_FILE.substring(0, BLOCK_102_FILE.length() - 1), "truncated"),
				Arguments.of(v1 + hash, "'height' is missing"), Arguments.of(v1, "'hash' is missing"),
				Arguments.of(v1 + hash + "height=102\nprevious=" + PREVIOUS + "\n", "'time' is missing"),
				Arguments.of(v1 + hash + "height=102\ntime=1795622297\n", "'previous' is missing"),
				Arguments.of("bitcoin-rpc-cursor 2\n" + hash + rest, "unsupported version '2'"),
				Arguments.of("{\"hash\":\"" + HASH + "\"}\n", "not 'bitcoin-rpc-cursor 1'"),
				Arguments.of(v1 + "hash=" + HASH.toUpperCase() + "\n" + rest, "is not 64 lowercase hex digits"),
				Arguments.of(v1 + "hash=" + HASH.substring(1) + "\n" + rest, "is not 64 lowercase hex digits"),
				Arguments.of(v1 + "hash=\n" + rest, "hash '' is not 64 lowercase hex digits"),
				Arguments.of(v1 + hash + "height=-1\ntime=1\nprevious=" + PREVIOUS + "\n", "height -1 is negative"),
				Arguments.of(v1 + hash + "height=+102\ntime=1\nprevious=" + PREVIOUS + "\n", "not a whole number"),
				Arguments.of(v1 + hash + "height=ten\ntime=1\nprevious=" + PREVIOUS + "\n", "not a whole number"),
				Arguments.of(v1 + hash + "height=99999999999999999999\ntime=1\nprevious=" + PREVIOUS + "\n",
						"not a whole number"),
				Arguments.of(v1 + hash + "height=102\ntime=\nprevious=" + PREVIOUS + "\n", "time '' is not a whole number"),
				Arguments.of(v1 + hash + "height=102\ntime=1\nprevious=xyz\n", "previous 'xyz' is not 64 lowercase"),
				Arguments.of(v1 + hash + "height=102\ntime=1\nprevious=\n", "previousHash may be null only at height 0"),
				Arguments.of(v1 + hash + hash + rest, "'hash' appears twice"),
				Arguments.of(v1 + hash + rest + "colour=blue\n", "line 6 is 'colour=blue'"),
				Arguments.of(v1 + hash + "\n" + rest, "line 3 is ''"),
				Arguments.of(v1 + "hash = " + HASH + "\n" + rest, "line 2 is 'hash = "),
				Arguments.of(BLOCK_102_FILE.replace("\n", "\r\n"), "carriage return"),
				Arguments.of(BLOCK_102_FILE + "x".repeat(5000) + "\n", "larger than 4096 bytes"));
	}

	@ParameterizedTest
	@MethodSource("corruptFiles")
	void aCorruptFileFailsLoudlyNamingTheFileAndTheProblem(String content, String problem) throws Exception {
		Path file = Files.writeString(this.directory.resolve("payments.cursor"), content);
		assertThatIllegalStateException().isThrownBy(() -> CursorStore.files(this.directory).load("payments"))
			.withMessageContaining(file.toString())
			.withMessageContaining(problem);
	}

	@Test
	void aFileCutShortAnywhereFailsLoudly() throws Exception {
		byte[] whole = BLOCK_102_FILE.getBytes(StandardCharsets.UTF_8);
		CursorStore store = CursorStore.files(this.directory);
		Path file = this.directory.resolve("payments.cursor");
		for (int length = 0; length < whole.length; length++) {
			Files.write(file, Arrays.copyOf(whole, length));
			assertThatIllegalStateException().as("cut at %d bytes", length)
				.isThrownBy(() -> store.load("payments"))
				.withMessageContaining(file.toString());
		}
	}

	@Test
	void aFileThatIsNotUtf8FailsLoudly() throws Exception {
		Path file = Files.write(this.directory.resolve("payments.cursor"), new byte[] { 'b', (byte) 0xff, '\n' });
		assertThatIllegalStateException().isThrownBy(() -> CursorStore.files(this.directory).load("payments"))
			.withMessageContaining(file.toString())
			.withMessageContaining("not UTF-8");
	}

	@Test
	void aFileThatCannotBeReadFailsNamingIt() throws Exception {
		Path file = Files.createDirectories(this.directory.resolve("payments.cursor"));
		assertThatThrownBy(() -> CursorStore.files(this.directory).load("payments"))
			.isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining(file.toString());
	}

	@Test
	void aFailedWriteFailsNamingTheFileAndLeavesNoTemporaryFile() throws Exception {
		// A non-empty directory where the cursor file should be: the move cannot replace it.
		Path file = Files.createDirectories(this.directory.resolve("payments.cursor"));
		Files.writeString(file.resolve("keep"), "x");
		CursorStore store = CursorStore.files(this.directory);
		assertThatIOException().isThrownBy(() -> store.advance("payments", BLOCK_102, NOTHING))
			.withMessageContaining(file.toString());
		assertThat(fileNames()).containsExactly("payments.cursor");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "a/b", "a\\b", "", ".hidden", ".", "..", "/etc/passwd", "a b", "a\nb", "a\u0000b",
			"caf\u00e9", "a:b", "*", "payments/../../x" })
	void badNamesAreRejectedNamingTheNameAndTheRule(String name) throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		AtomicBoolean ran = new AtomicBoolean();
		assertThatIllegalArgumentException().isThrownBy(() -> store.load(name))
			.withMessageContaining("'" + name + "'")
			.withMessageContaining("1 to 100 of A-Z a-z 0-9 . _ -, not starting with '.'");
		assertThatIllegalArgumentException().isThrownBy(() -> store.advance(name, BLOCK_102, () -> ran.set(true)))
			.withMessageContaining("'" + name + "'");
		assertThat(ran).as("work must not run for a name that cannot be recorded").isFalse();
		assertThat(fileNames()).isEmpty();
	}

	@Test
	void aNameOfMoreThan100CharactersIsRejected() throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		store.advance("x".repeat(100), BLOCK_102, NOTHING);
		assertThat(store.load("x".repeat(100))).contains(BLOCK_102);
		assertThatIllegalArgumentException().isThrownBy(() -> store.load("x".repeat(101)))
			.withMessageContaining("1 to 100");
	}

	@ParameterizedTest
	@ValueSource(strings = { "payments", "indexer-1", "a", "A.b_c-9", "-", "_x", "x.", "x..y", "x.tmp" })
	void goodNamesAreAccepted(String name) throws Exception {
		CursorStore store = CursorStore.files(this.directory);
		store.advance(name, BLOCK_102, NOTHING);
		assertThat(store.load(name)).contains(BLOCK_102);
		assertThat(this.directory.resolve(name + ".cursor")).isRegularFile();
	}

	@Test
	void toStringNamesTheDirectory() {
		assertThat(CursorStore.files(this.directory)).hasToString("FileCursorStore[" + this.directory.toAbsolutePath() + "]");
	}

	private List<String> fileNames() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static String hash(int n) {
		return String.format("%064x", n);
	}

}
