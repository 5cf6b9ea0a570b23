package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The application side of the JDBC store's tests: a {@code blocks} table a handler writes one row
 * to per block, on the store's connection, and made-up cursors to advance with.
 */
final class BlocksTable {

	private BlocksTable() {
	}

	/** A cursor at {@code height} with made-up, well-formed hashes. */
	static Cursor cursor(long height) {
		return new Cursor(String.format("%064x", height + 1000), height, 1_700_000_000L + height,
				String.format("%064x", height + 999));
	}

	static void create(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
			create.execute("CREATE TABLE blocks (height BIGINT NOT NULL, hash CHAR(64) NOT NULL)");
		}
	}

	/** Inserts the block's row on the connection of the block being handled. */
	static void insert(Cursor cursor) throws Exception {
		try (PreparedStatement insert = JdbcCursorStore.currentConnection()
			.prepareStatement("INSERT INTO blocks (height, hash) VALUES (?, ?)")) {
			insert.setLong(1, cursor.height());
			insert.setString(2, cursor.hash());
			insert.executeUpdate();
		}
	}

	/** The single number a {@code SELECT COUNT(*)} gives. */
	static long count(DataSource dataSource, String sql) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
				ResultSet rows = query.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
