package org.bitcoinrpc.client.transport;

import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.PendingRequest;

/**
 * Carries requests to the node and replies back. A transport never completes a future itself
 * except through {@code PendingRequests}, so a request is completed exactly once.
 */
public interface Transport {

	/**
	 * Opens the connection (websocket handshake), or checks that the node answers and takes the
	 * credentials (HTTP, one probe call).
	 */
	CompletableFuture<Void> connect();

	/**
	 * Sends a request that is already registered as pending and claimed for writing. Returns
	 * false, leaving the request untouched, when there is no open connection to write it to; any
	 * other failure fails that request (and only it). Never throws.
	 */
	boolean send(PendingRequest<?> request);

	/**
	 * Sends registered, claimed requests as one JSON-RPC batch (a JSON array) and completes each
	 * from its own element of the reply. Returns false, leaving them untouched, when there is no
	 * open connection; any other failure fails them. Never throws.
	 */
	boolean sendBatch(java.util.List<PendingRequest<?>> requests);

	/** Whether requests can be sent now. */
	boolean isOpen();

	/** Drops the connection; pending requests are failed by the client. Idempotent. */
	void disconnect();

	/** Releases what the transport itself created; called once, at shutdown, after {@link #disconnect()}. */
	default void stop() {
	}

	/** Receives connection loss; called at most once per connection, from a transport thread. */
	interface Listener {

		void onConnectionLost(Throwable cause);

		/**
		 * The node answered a call (HTTP, where each call is a connection of its own): the node is
		 * reachable. Called for every reply, from a transport thread; must be cheap.
		 */
		default void onAnswered() {
		}

	}

}
