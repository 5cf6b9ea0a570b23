package org.bitcoinrpc.client.follow;

import java.nio.file.Path;
import java.util.Optional;

/** {@link CursorStore#files(Path)}. Being written (branch follow-stores). */
final class FileCursorStore implements CursorStore {

	private final Path directory;

	FileCursorStore(Path directory) {
		this.directory = directory;
	}

	@Override
	public Optional<Cursor> load(String name) {
		throw new UnsupportedOperationException("not yet: " + this.directory);
	}

	@Override
	public void advance(String name, Cursor cursor, Work work) throws Exception {
		throw new UnsupportedOperationException("not yet: " + this.directory);
	}

}
