package org.bitcoinrpc.client.transport;

import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonText;
import org.jspecify.annotations.Nullable;

/**
 * Moves bytes between the client and one node: everything a new transport has to implement.
 * It connects, writes encoded exchanges, and reports what it received and what went wrong to the
 * {@link Listener} it was connected with. It knows nothing of calls being pending, of futures,
 * timeouts or resending: the client's endpoint owns those, so a call is completed in one place
 * and exactly once.
 * <p>
 * Two shapes of connection fit this interface:
 * <ul>
 * <li><em>Pipelined</em> (the websocket): many exchanges in flight on one connection, answered in
 * any order. Every whole message received goes to {@link Listener#onMessage}, and the endpoint
 * matches it to its call by id.
 * <li><em>Request/response</em> (HTTP POST): each exchange's reply belongs to that exchange,
 * whatever id it names. It goes to {@link Listener#onReply} with the exchange and what the
 * transport knows of it besides the body (its status).
 * </ul>
 * Authentication belongs to the transport, including sending again after the node refused
 * credentials that have changed since (a rewritten cookie file): a refused request never reached
 * the node's JSON-RPC handler, so sending it again is safe for any call, and only the transport
 * knows which credentials each request carried. Retrying a call that may have run is the
 * endpoint's decision, by the call's resend policy; a transport only says whether a failure is
 * transient.
 */
public interface Transport {

	/**
	 * Opens a connection whose traffic is reported to {@code listener} until it is lost: a
	 * websocket handshake, or over HTTP one probe call that checks that the node answers and takes
	 * the credentials. The future may complete on one of the transport's I/O threads (the
	 * websocket's event loop), so what chains on it must not block.
	 */
	CompletableFuture<Void> connect(Listener listener);

	/**
	 * Writes one encoded exchange, {@code payload} being its JSON. Returns false, touching
	 * nothing, when there is no open connection to write it to: the caller keeps it for the next
	 * one. Otherwise the exchange's outcome comes to the listener: its reply, a failure of this
	 * exchange alone ({@link Listener#onFailed}, which may come before this returns), or the loss of
	 * the connection. Never throws. Any thread.
	 */
	boolean write(Exchange exchange, byte[] payload);

	/** Whether exchanges can be written now. */
	boolean isOpen();

	/**
	 * Drops the connection; {@link #connect} may open another. A connection still open reports its
	 * loss to its listener. Idempotent, any thread.
	 */
	void close();

	/** Drops the connection and releases what the transport created itself; called once, at shutdown. */
	default void release() {
		close();
	}

	/**
	 * Hears what one connection carries. Called on the transport's threads, one message at a time
	 * per connection; implementations must be quick and must not throw.
	 */
	interface Listener {

		/**
		 * A pipelined connection received a whole message: a reply, a batch of replies or a
		 * notification. The text is valid only during this call (its buffer is reused).
		 */
		void onMessage(JsonText message);

		/**
		 * A pipelined connection received a message over the size limit and dropped it.
		 * @param id the call the message's end names (both nodes write a reply's id last), or -1
		 * @param reason what was too large, for the call's error
		 */
		void onOversized(long id, String reason);

		/** A pipelined connection received something that is no JSON text (a binary message) and dropped it. */
		void onUnreadable(String reason);

		/**
		 * A request/response transport received the reply to {@code exchange}. The body is valid only
		 * during this call; {@code status} says what else the transport knows of the reply.
		 */
		void onReply(Exchange exchange, JsonText body, ReplyStatus status);

		/**
		 * A request/response transport got an answer from the node (any status): the node is
		 * reachable. Called for every answer, so it must be cheap.
		 */
		void onAnswered();

		/**
		 * An exchange failed on its own, the connection staying usable: it could not be written
		 * (the send buffer is full), its reply could not be received, or the node refused it.
		 * @param transientFailure whether the same exchange may succeed if sent again later (the node
		 * could not be reached, or was busy); a call goes again only if it is safe to run twice
		 */
		void onFailed(Exchange exchange, RuntimeException failure, boolean transientFailure);

		/** The connection is lost, whoever dropped it; reported at most once per connection. */
		void onLost(Throwable cause);

	}

	/**
	 * What a request/response transport knows of a reply besides its body. Asked only when the
	 * body is not a usable JSON-RPC answer, so that the common reply costs nothing more.
	 */
	interface ReplyStatus {

		/**
		 * Whether the body answers the exchange whatever it holds (HTTP 2xx). If not, only a JSON-RPC
		 * reply carrying an error does (Bitcoin Core sends those with HTTP 404 and 500).
		 */
		boolean isSuccess();

		/**
		 * The failure of an exchange whose body is no usable answer.
		 * @param decoded the body as decoded, or {@code null} when it is blank
		 */
		RuntimeException failure(@Nullable InboundMessage decoded);

		/** Whether that failure may pass by itself (HTTP 503, a node too busy for now). */
		boolean isTransient();

	}

}
