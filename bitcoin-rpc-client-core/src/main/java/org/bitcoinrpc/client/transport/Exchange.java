package org.bitcoinrpc.client.transport;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a transport is told of the bytes it writes: one call or one batch of calls, already
 * encoded. A transport hands the exchange back with whatever happened to it
 * ({@link Transport.Listener#onReply}, {@link Transport.Listener#onFailed}) and reads it only to
 * address the bytes (a wallet's URL), bound its own timer, and name it in error messages. The
 * client's pending calls implement it themselves, so writing a call costs no object of its own.
 */
public interface Exchange {

	/** The call's id; for a batch, its first call's. */
	long id();

	/** The method called; for a batch, its first call's. */
	String method();

	/** Whether this is a batch: a JSON array of calls answered by a JSON array. */
	boolean isBatch();

	/** The Bitcoin Core wallet the exchange is for ({@code /wallet/<name>}), or {@code null} for the node's root. */
	@Nullable String wallet();

	/**
	 * How long the exchange may take. The client times it out itself; a transport with a timer of
	 * its own sets it a little longer, so that the client's clearer error wins.
	 */
	Duration timeout();

}
