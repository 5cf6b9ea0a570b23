package org.bitcoinrpc.client.follow;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CursorStore#inMemory()}: a map, safe from any thread. */
final class InMemoryCursorStore implements CursorStore {

	private final ConcurrentHashMap<String, Cursor> cursors = new ConcurrentHashMap<>();

	@Override
	public Optional<Cursor> load(String name) {
		return Optional.ofNullable(this.cursors.get(name));
	}

	@Override
	public void advance(String name, Cursor cursor, Work work) throws Exception {
		work.run();
		this.cursors.put(name, cursor);
	}

	@Override
	public String toString() {
		return "InMemoryCursorStore" + this.cursors.keySet();
	}

}
