package org.bitcoinrpc.client.follow;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a follower keeps its {@link Cursor}, by follower name. The cursor moves only together
 * with the handling of the block it names: {@link #advance} runs the handler's work and records
 * the cursor only if the work returned normally. A store that shares a transaction with the work
 * (JDBC, with the application's own writes on the same database) commits both at once, which
 * gives exactly-once effects; the others give at-least-once effects across a crash between the
 * work and the record (the block is handled again at the next start).
 * <p>
 * A store is called by one follower thread at a time for a given name. Followers of one name in
 * several processes share a store only if it is a {@link LeasingCursorStore}, which makes one of
 * them the active one.
 */
public interface CursorStore {

	/** The cursor saved for this follower name, if any. */
	Optional<Cursor> load(String name);

	/**
	 * Runs {@code work}, then records {@code cursor} for {@code name}. If the work throws, nothing
	 * is recorded and the exception propagates; if recording fails, the exception propagates too
	 * (and a transactional store rolls the work back).
	 */
	void advance(String name, Cursor cursor, Work work) throws Exception;

	/** The handling of one block. */
	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

	/** A store in memory: lost with the process. For tests, and for followers that start at the tip. */
	static CursorStore inMemory() {
		return new InMemoryCursorStore();
	}

	/**
	 * A store in files under {@code directory}, one per follower name, each replaced atomically
	 * (written aside, then moved over the old one), so a crash leaves the old cursor or the new
	 * one, never a torn file. Follower names become file names, so they are 1 to 100 of
	 * {@code A-Z a-z 0-9 . _ -}, not starting with {@code .}; others are rejected with an
	 * {@link IllegalArgumentException}. The directory is created, with its parents, if absent.
	 *
	 * @throws java.io.UncheckedIOException if the directory cannot be created
	 */
	static CursorStore files(Path directory) {
		return new FileCursorStore(directory);
	}

	/**
	 * A store in the table {@value JdbcCursorStore#DEFAULT_TABLE} of a database, created if absent;
	 * the handler's own writes on {@link JdbcCursorStore#currentConnection()} commit with the cursor.
	 * Followers of one name in several instances share it through a lease of
	 * {@link JdbcCursorStore#DEFAULT_LEASE_DURATION 30 s}: one is active, the others wait (see
	 * {@link LeasingCursorStore}).
	 */
	static CursorStore jdbc(javax.sql.DataSource dataSource) {
		return jdbc(dataSource, JdbcCursorStore.DEFAULT_TABLE);
	}

	/** {@link #jdbc(javax.sql.DataSource)} with a table of another name. */
	static CursorStore jdbc(javax.sql.DataSource dataSource, String table) {
		return jdbc(dataSource, table, JdbcCursorStore.DEFAULT_LEASE_DURATION);
	}

	/**
	 * {@link #jdbc(javax.sql.DataSource, String)} with a lease of another length: a standby takes
	 * over at most this long after the active instance died, and every block's handling must end
	 * within it.
	 */
	static CursorStore jdbc(javax.sql.DataSource dataSource, String table, java.time.Duration leaseDuration) {
		return new JdbcCursorStore(dataSource, table, leaseDuration);
	}

	/**
	 * {@link #jdbc(javax.sql.DataSource, String, java.time.Duration)} in transactions that
	 * {@code transactions} runs: a framework's (Spring's, in the Spring Boot starter), so that the
	 * handler's writes through that framework commit with the cursor. The SQL is the same.
	 */
	static CursorStore jdbc(JdbcTransactions transactions, String table, java.time.Duration leaseDuration) {
		return new JdbcCursorStore(transactions, table, leaseDuration);
	}

}
