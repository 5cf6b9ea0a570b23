package org.bitcoinrpc.client.follow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * {@link CursorStore#files(Path)}: one small text file per follower name, {@code <name>.cursor},
 * replaced atomically. The file reads:
 * <pre>
 * bitcoin-rpc-cursor 1
 * hash=3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43
 * height=102
 * time=1795622297
 * previous=24197c43eccb414640ee2c319096f0efa071efe2ba46d20db62ef932a7a25dd4
 * </pre>
 * ({@code previous=} with nothing after it at the genesis block), UTF-8, each line ended by a
 * newline. {@link #load} reads it strictly: a file it cannot fully make sense of fails with an
 * {@link IllegalStateException} naming the file, because taking it for "no cursor" would restart
 * the follower at the tip and skip every block in between. A person can rewind a stopped follower
 * by editing the file, or start it afresh by deleting it.
 * <p>
 * Thread safety: this class has no mutable state, and each name has its own file and its own
 * temporary files, so different names may be used from different threads (or by different
 * instances on the same directory) at once. One name must be advanced by one thread at a time,
 * as {@link CursorStore} says, and by one process: nothing locks the file against a second
 * process following under the same name.
 */
final class FileCursorStore implements CursorStore {

	/** The rule for follower names: they become file names, so nothing that could leave the directory. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

	private static final String NAME_RULE = "1 to 100 of A-Z a-z 0-9 . _ -, not starting with '.'";

	private static final String SUFFIX = ".cursor";

	private static final String HEADER = "bitcoin-rpc-cursor ";

	private static final int VERSION = 1;

	/**
	 * A cursor file is about 200 bytes; anything much larger is not one, and is refused before
	 * it is read into memory.
	 */
	private static final int MAX_FILE_SIZE = 4096;

	private static final List<String> KEYS = List.of("hash", "height", "time", "previous");

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

	private static final HexFormat HEX = HexFormat.of();

	private final Path directory;

	/**
	 * Creates {@code directory} (with its parents) if absent, so that a misconfigured path fails
	 * here, at startup, rather than after the first block was handled.
	 */
	FileCursorStore(Path directory) {
		Objects.requireNonNull(directory, "directory must not be null");
		this.directory = directory.toAbsolutePath();
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create cursor directory " + this.directory + ": " + ex, ex);
		}
	}

	@Override
	public Optional<Cursor> load(String name) {
		Path file = file(name);
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes(MAX_FILE_SIZE + 1);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read cursor file " + file + ": " + ex, ex);
		}
		if (bytes.length > MAX_FILE_SIZE) {
			throw corrupt(file, "larger than " + MAX_FILE_SIZE + " bytes, not a cursor file");
		}
		return Optional.of(parse(file, bytes));
	}

	/**
	 * Runs the work, then writes the cursor aside, forces it to the disk, and moves it over the
	 * old file. The order is what makes a crash safe: until the move, the old file is untouched;
	 * the move is atomic, and what it installs was already on the disk.
	 */
	@Override
	public void advance(String name, Cursor cursor, Work work) throws Exception {
		// Checked before the work runs, so that a bad name cannot have the block handled but not recorded.
		Path target = file(name);
		Objects.requireNonNull(cursor, "cursor must not be null");
		Objects.requireNonNull(work, "work must not be null");
		work.run();
		deleteLeftovers(name);
		Path tmp = write(name, format(cursor));
		try {
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			deleteQuietly(tmp);
			throw new IOException("Cannot replace cursor file " + target + " with " + tmp + ": " + ex, ex);
		}
		forceDirectory();
	}

	@Override
	public String toString() {
		return "FileCursorStore[" + this.directory + "]";
	}

	private Path file(String name) {
		Objects.requireNonNull(name, "name must not be null");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Invalid follower name " + Cursor.quote(name) + ": must be " + NAME_RULE);
		}
		return this.directory.resolve(name + SUFFIX);
	}

	/**
	 * {@code <name>.cursor.<16 hex digits>.tmp}. The random part has a fixed length, so a
	 * temporary file names exactly one follower: the clean-up of one name never touches another
	 * name's file in flight (even for names such as {@code a} and {@code a.cursor.b}).
	 */
	private static Pattern tmpPattern(String name) {
		return Pattern.compile(Pattern.quote(name + SUFFIX + ".") + "[0-9a-f]{16}" + Pattern.quote(".tmp"));
	}

	private Path write(String name, String content) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
		while (true) {
			String random = HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
			Path tmp = this.directory.resolve(name + SUFFIX + "." + random + ".tmp");
			FileChannel channel;
			try {
				channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			}
			catch (FileAlreadyExistsException ex) {
				continue; // one chance in 2^64: draw another name
			}
			catch (IOException ex) {
				throw new IOException("Cannot create cursor file " + tmp + ": " + ex, ex);
			}
			try (channel) {
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
				return tmp;
			}
			catch (IOException ex) {
				deleteQuietly(tmp);
				throw new IOException("Cannot write cursor file " + tmp + ": " + ex, ex);
			}
		}
	}

	/**
	 * Makes the rename itself durable: without it, a power cut soon after the move may bring back
	 * the old name's entry. Not every platform can open a directory (Windows cannot), and there
	 * the move is as durable as the file system makes it; the new cursor is correct either way,
	 * so a failure here is not the caller's concern.
	 */
	private void forceDirectory() {
		try (FileChannel channel = FileChannel.open(this.directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// best effort, see above
		}
	}

	/**
	 * Temporary files left by a crash between write and move. They are harmless ({@link #load}
	 * never reads them), so failing to delete one must not stop the follower either.
	 */
	private void deleteLeftovers(String name) {
		Pattern pattern = tmpPattern(name);
		DirectoryStream.Filter<Path> filter = (file) -> pattern.matcher(file.getFileName().toString()).matches();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, filter)) {
			for (Path file : files) {
				deleteQuietly(file);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// best effort, see above; a directory we cannot list will fail the write that follows
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// best effort: a temporary file is never read
		}
	}

	private static String format(Cursor cursor) {
		String previous = (cursor.previousHash() != null) ? cursor.previousHash() : "";
		return HEADER + VERSION + "\n" + "hash=" + cursor.hash() + "\n" + "height=" + cursor.height() + "\n" + "time="
				+ cursor.time() + "\n" + "previous=" + previous + "\n";
	}

	private static Cursor parse(Path file, byte[] bytes) {
		if (bytes.length == 0) {
			throw corrupt(file, "empty");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw corrupt(file, "not UTF-8 text");
		}
		if (text.indexOf('\r') >= 0) {
			throw corrupt(file, "has a carriage return (lines must end with \\n alone)");
		}
		// Every line ends with \n, so a file cut short anywhere, even inside its last line, shows.
		if (!text.endsWith("\n")) {
			throw corrupt(file, "truncated (the last line has no newline)");
		}
		String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
		String first = lines[0];
		if (!first.startsWith(HEADER)) {
			throw corrupt(file, "the first line is " + Cursor.quote(first) + ", not '" + HEADER + VERSION + "'");
		}
		if (!first.equals(HEADER + VERSION)) {
			throw corrupt(file, "unsupported version " + Cursor.quote(first.substring(HEADER.length()))
					+ " (this library reads version " + VERSION + ")");
		}
		Map<String, String> values = new HashMap<>();
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			int eq = line.indexOf('=');
			String key = (eq >= 0) ? line.substring(0, eq) : line;
			if (eq < 0 || !KEYS.contains(key)) {
				throw corrupt(file, "line " + (i + 1) + " is " + Cursor.quote(line) + ", expected one of " + KEYS
						+ " as key=value");
			}
			if (values.put(key, line.substring(eq + 1)) != null) {
				throw corrupt(file, "'" + key + "' appears twice");
			}
		}
		for (String key : KEYS) {
			if (!values.containsKey(key)) {
				throw corrupt(file, "'" + key + "' is missing");
			}
		}
		String hash = values.get("hash");
		if (!Cursor.isBlockHash(hash)) {
			throw corrupt(file, "hash " + Cursor.quote(hash) + " is not 64 lowercase hex digits");
		}
		long height = parseLong(file, "height", values.get("height"));
		if (height < 0) {
			throw corrupt(file, "height " + height + " is negative");
		}
		long time = parseLong(file, "time", values.get("time"));
		String previous = values.get("previous");
		String previousHash = previous.isEmpty() ? null : previous;
		if (previousHash != null && !Cursor.isBlockHash(previousHash)) {
			throw corrupt(file, "previous " + Cursor.quote(previousHash) + " is not 64 lowercase hex digits");
		}
		try {
			return new Cursor(hash, height, time, previousHash);
		}
		catch (IllegalArgumentException ex) {
			throw corrupt(file, ex.getMessage());
		}
	}

	private static long parseLong(Path file, String key, String value) {
		if (INTEGER.matcher(value).matches()) {
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				// out of range: reported below
			}
		}
		throw corrupt(file, key + " " + Cursor.quote(value) + " is not a whole number");
	}

	private static IllegalStateException corrupt(Path file, String problem) {
		return new IllegalStateException("Cursor file " + file + " is unusable: " + problem
				+ "; fix or delete it by hand (deleting restarts the follower as if new)");
	}

}
