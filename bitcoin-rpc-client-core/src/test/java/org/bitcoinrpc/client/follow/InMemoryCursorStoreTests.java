package org.bitcoinrpc.client.follow;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class InMemoryCursorStoreTests {

	static final Cursor GENESIS = new Cursor("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206", 0,
			1296688602, null);

	static final Cursor BLOCK_1 = new Cursor("24197c43eccb414640ee2c319096f0efa071efe2ba46d20db62ef932a7a25dd4", 1,
			1795622200, GENESIS.hash());

	@Test
	void roundTrip() throws Exception {
		CursorStore store = CursorStore.inMemory();
		assertThat(store.load("payments")).isEmpty();
		store.advance("payments", GENESIS, () -> {
		});
		store.advance("payments", BLOCK_1, () -> {
		});
		assertThat(store.load("payments")).contains(BLOCK_1);
		assertThat(store.load("indexer-1")).isEmpty();
	}

	@Test
	void workThrowingLeavesTheOldCursorAndPropagatesUnchanged() throws Exception {
		CursorStore store = CursorStore.inMemory();
		store.advance("payments", GENESIS, () -> {
		});
		IOException failure = new IOException("database down");
		assertThatException().isThrownBy(() -> store.advance("payments", BLOCK_1, () -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(store.load("payments")).contains(GENESIS);
	}

}
