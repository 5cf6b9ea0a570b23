package org.bitcoinrpc.client.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

	/** The header value ({@code Basic ...}), or {@code null} to send none. */
	public abstract @Nullable String authorization();

	/**
	 * Reloads credentials after the node refused them. Returns whether they changed, so a caller
	 * knows a retry can succeed.
	 */
	public boolean reload() {
		return false;
	}

	/** What to check when the node refuses these credentials, as the end of a sentence; never the secret. */
	public String hint() {
		return "";
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
	 * start. Read on first use and again after a 401.
	 */
	static final class CookieFile extends Credentials {

		private final Path path;

		/** Guarded by {@code this}. */
		private @Nullable String header;

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
		public synchronized boolean reload() {
			String previous = this.header;
			try {
				this.header = read();
			}
			catch (RpcAuthenticationException ex) {
				return false;
			}
			return !this.header.equals(previous);
		}

		private String read() {
			String content;
			try {
				content = Files.readString(this.path, StandardCharsets.UTF_8).trim();
			}
			catch (IOException ex) {
				throw new RpcAuthenticationException("Cannot read the cookie file " + this.path + ": " + ex, ex);
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
