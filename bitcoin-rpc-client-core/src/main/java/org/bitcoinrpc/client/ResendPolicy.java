package org.bitcoinrpc.client;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which calls may be sent again after the connection broke while they were in flight (or,
 * over HTTP, retried after a transport failure, a 503 or a -28 warm-up error). A call that may not
 * be resent fails with {@link RpcMaybeExecutedException}: it may or may not have run on the node.
 * <p>
 * Calls that were never written to a connection are always sent when the client reconnects: they
 * cannot have run.
 */
@FunctionalInterface
public interface ResendPolicy {

	/** Whether running {@code method} twice is harmless. */
	boolean isSafeToResend(String method);

	/**
	 * The default: calls that only read. That is methods starting with {@code get}, {@code list},
	 * {@code estimate}, {@code decode}, {@code validate}, {@code verify} or {@code test} (as in
	 * {@code testmempoolaccept}), plus a few named read-only calls and the subscription calls
	 * (which only register interest), but not {@code getnewaddress} and
	 * {@code getrawchangeaddress}, which take a key from the wallet. Everything else, above all
	 * {@code sendrawtransaction}, {@code sendtoaddress}, {@code sendmany}, wallet writes,
	 * {@code generate} and the long-running {@code rescan}, is not resent.
	 */
	static ResendPolicy readOnlyCalls() {
		return ReadOnlyCalls.INSTANCE;
	}

	/** Never resend a call that was written: every in-flight call fails when the connection breaks. */
	static ResendPolicy never() {
		return (method) -> false;
	}

	/** The default policy plus these methods (for calls the application knows to be idempotent). */
	static ResendPolicy readOnlyCallsAnd(Set<String> alsoSafe) {
		Set<String> safe = Set.copyOf(Objects.requireNonNull(alsoSafe, "alsoSafe must not be null"));
		return (method) -> safe.contains(method) || ReadOnlyCalls.INSTANCE.isSafeToResend(method);
	}

	/** The default policy, as a named class so that it prints well in options. */
	final class ReadOnlyCalls implements ResendPolicy {

		static final ReadOnlyCalls INSTANCE = new ReadOnlyCalls();

		private static final Set<String> READ_ONLY_PREFIXES = Set.of("get", "list", "estimate", "decode", "validate",
				"verify", "test");

		private static final Set<String> READ_ONLY = Set.of("help", "ping", "uptime", "version", "session",
				"searchrawtransactions", "gettxoutsetinfo", "scantxoutset", "notifyblocks", "stopnotifyblocks",
				"notifynewtransactions", "stopnotifynewtransactions", "notifyspent", "stopnotifyspent",
				"notifyreceived", "stopnotifyreceived", "loadtxfilter", "rescanblocks", "createmultisig",
				"createrawtransaction", "combinerawtransaction", "converttopsbt", "createpsbt", "analyzepsbt",
				"finalizepsbt", "joinpsbts", "combinepsbt", "utxoupdatepsbt", "deriveaddresses");

		private static final Set<String> WRITES = Set.of("getnewaddress", "getrawchangeaddress");

		private ReadOnlyCalls() {
		}

		@Override
		public boolean isSafeToResend(String method) {
			String name = method.toLowerCase(Locale.ROOT);
			if (WRITES.contains(name)) {
				return false;
			}
			if (READ_ONLY.contains(name)) {
				return true;
			}
			for (String prefix : READ_ONLY_PREFIXES) {
				if (name.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public String toString() {
			return "ResendPolicy.readOnlyCalls()";
		}

	}

}
