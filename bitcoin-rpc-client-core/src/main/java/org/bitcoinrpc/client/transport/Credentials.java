package org.bitcoinrpc.client.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.RpcAuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * Where the {@code Authorization} header comes from: fixed user and password, Bitcoin Core's
 * cookie file, or nothing. Thread-safe. Never prints the secret.
 */
public abstract sealed class Credentials {

	/** The credentials the options ask for. */
	public static Credentials from(ClientOptions options) {
		if (options.cookieFile() != null) {
			return new CookieFile(options.cookieFile());
		}
		if (options.user() != null || options.password() != null) {
			return new Fixed(basic(String.valueOf(options.user()), String.valueOf(options.password())));
		}
		return new None();
	}

	/**
	 * The current header value ({@code Basic ...}), or {@code null} to send none. A cookie file is
	 * read on first use.
	 * @throws RpcAuthenticationException when the cookie file cannot be read or is empty or
	 *         malformed (not cached: the next call reads it again)
	 */
	public abstract @Nullable String authorization();

	/**
	 * The node refused {@code rejected}, the exact header value a request was sent with. Returns
	 * whether the current value now differs from it, so that sending again can succeed.
	 * <p>
	 * Many requests sent with the same stale value are refused together when Bitcoin Core restarts
	 * with a new cookie: the first to get here re-reads the file, the others find the current value
	 * already different and are simply sent again. The file is re-read only while {@code rejected}
	 * is still the current value, so a refusal of a value already replaced never replaces a newer
	 * one. A failed re-read returns false and keeps the current value. Fixed credentials never
	 * change: false.
	 */
	public boolean refresh(@Nullable String rejected) {
		return false;
	}

	/** What to check when the node refuses these credentials, as the end of a sentence; never the secret. */
	public String hint() {
		return "";
	}

	/**
	 * Why the last re-read by {@link #refresh} failed, or {@code null}: for the error of a request
	 * that could not be sent again. Never holds the secret.
	 */
	@Nullable String refreshFailure() {
		return null;
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static final class None extends Credentials {

		@Override
		public String hint() {
			return "; no user, password or cookie file was given";
		}

		@Override
		public @Nullable String authorization() {
			return null;
		}

	}

	static final class Fixed extends Credentials {

		private final String header;

		Fixed(String header) {
			this.header = header;
		}

		@Override
		public String authorization() {
			return this.header;
		}

	}

	/**
	 * Bitcoin Core's {@code .cookie}: one line {@code __cookie__:<hex>}, rewritten at every node
	 * start. Read on first use and again when the node refuses the value read last.
	 */
	static final class CookieFile extends Credentials {

		private final Path path;

		/** The header made from the last good read, or null before one. Guarded by {@code this}. */
		private @Nullable String header;

		/**
		 * The message of the last failed re-read, null after a good one. Guarded by {@code this}.
		 * Holds no secret: read errors never quote the file.
		 */
		private @Nullable String failure;

		CookieFile(Path path) {
			this.path = path;
		}

		@Override
		public String hint() {
			return "; the cookie file " + this.path + " may belong to another node or network (regtest, testnet4 and"
					+ " signet keep theirs in a sub-folder of the data directory)";
		}

		@Override
		public synchronized String authorization() {
			if (this.header == null) {
				this.header = read();
			}
			return this.header;
		}

		@Override
		public synchronized boolean refresh(@Nullable String rejected) {
			if (this.header == null || this.header.equals(rejected)) {
				try {
					this.header = read();
					this.failure = null;
				}
				catch (RpcAuthenticationException ex) {
					this.failure = ex.getMessage();
					return false;
				}
			}
			return !this.header.equals(rejected);
		}

		@Override
		synchronized @Nullable String refreshFailure() {
			return this.failure;
		}

		/** Reads the file; its content never goes into a message. */
		private String read() {
			String content;
			try {
				content = Files.readString(this.path, StandardCharsets.UTF_8).trim();
			}
			catch (NoSuchFileException ex) {
				throw new RpcAuthenticationException("The cookie file " + this.path
						+ " does not exist (Bitcoin Core writes it at start and deletes it at shutdown: is the node running?)", ex);
			}
			catch (IOException ex) {
				throw new RpcAuthenticationException("Cannot read the cookie file " + this.path + ": " + ex, ex);
			}
			if (content.isEmpty()) {
				throw new RpcAuthenticationException("The cookie file " + this.path
						+ " is empty (Bitcoin Core writes __cookie__:<hex> there at start)");
			}
			int colon = content.indexOf(':');
			if (colon <= 0 || colon == content.length() - 1 || content.indexOf('\n') >= 0) {
				throw new RpcAuthenticationException("The cookie file " + this.path
						+ " does not hold one line of the form user:password (Bitcoin Core writes __cookie__:<hex>)");
			}
			return basic(content.substring(0, colon), content.substring(colon + 1));
		}

	}

}
