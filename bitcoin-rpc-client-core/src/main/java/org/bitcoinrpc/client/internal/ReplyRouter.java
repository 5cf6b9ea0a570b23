package org.bitcoinrpc.client.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.RpcError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Delivers what the node sent: replies to the future of the request with the same id,
 * notifications to the dispatcher. Anything else is logged and counted, and never completes a
 * future it does not belong to. Called by transport reader threads; thread-safe.
 */
public final class ReplyRouter implements JsonRpcCodec.ResultReaders {

	private static final Logger logger = LoggerFactory.getLogger(ReplyRouter.class);

	private final PendingRequests pending;

	private final EventDispatcher notifications;

	private final ObjectMapper mapper;

	private final String endpoint;

	private final AtomicLong malformed = new AtomicLong();

	private final AtomicLong unmatched = new AtomicLong();

	public ReplyRouter(PendingRequests pending, EventDispatcher notifications, ObjectMapper mapper, String endpoint) {
		this.pending = pending;
		this.notifications = notifications;
		this.mapper = mapper;
		this.endpoint = endpoint;
	}

	/**
	 * The reader of the pending request with this id, so the codec can bind its result while
	 * parsing. The request stays pending: whoever removes it still decides who completes it.
	 */
	@Override
	public @Nullable ObjectReader readerFor(long id) {
		PendingRequest<?> request = this.pending.peek(id);
		return (request != null) ? request.resultReader() : null;
	}

	/** Routes one message (or each message of a batch). Never throws. */
	public void route(InboundMessage message) {
		if (message instanceof InboundMessage.Response response) {
			routeResponse(response);
		}
		else if (message instanceof InboundMessage.Notification notification) {
			this.notifications.dispatchNotification(notification.method(), notification.params());
		}
		else if (message instanceof InboundMessage.Batch batch) {
			batch.messages().forEach(this::route);
		}
		else if (message instanceof InboundMessage.Malformed malformedMessage) {
			reportMalformed(malformedMessage.reason());
		}
	}

	private void routeResponse(InboundMessage.Response response) {
		Long id = response.id();
		if (id == null) {
			RpcError error = response.error();
			if (error != null) {
				// btcd answers malformed JSON and params:{} with -32700 and id null: no request to blame.
				reportMalformed("error reply without a request id: " + error.code() + " " + error.message());
			}
			else {
				reportMalformed(response.malformation() != null ? response.malformation() : "reply without a request id");
			}
			return;
		}
		PendingRequest<?> request = this.pending.remove(id);
		if (request == null) {
			long count = this.unmatched.incrementAndGet();
			logger.debug("Reply from {} for id {} matches no pending request (timed out, or unknown); {} so far",
					this.endpoint, id, count);
			return;
		}
		complete(request, response);
	}

	/** Completes a request already removed from the pending set with its reply. */
	public void complete(PendingRequest<?> request, InboundMessage.Response response) {
		RpcError error = response.error();
		if (error != null) {
			request.fail(RpcErrorException.of(request.method(), error.code(), error.message()));
			return;
		}
		if (response.malformation() != null || response.result() == null) {
			this.malformed.incrementAndGet();
			request.fail(new RpcProtocolException("Malformed reply to " + request.method() + " from " + this.endpoint + ": "
					+ response.malformation()));
			return;
		}
		Object value;
		try {
			value = response.result().decode(this.mapper, request.resultReader());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			request.fail(new RpcProtocolException("Cannot decode the result of " + request.method() + " from "
					+ this.endpoint + " as " + request.resultReader().getValueType() + ": " + ex.getMessage(), ex));
			return;
		}
		request.complete(value);
	}

	/** Counts and logs a message that is not JSON-RPC at all (a binary frame, say). */
	public void malformed(String reason) {
		reportMalformed(reason);
	}

	private void reportMalformed(String reason) {
		long count = this.malformed.incrementAndGet();
		logger.warn("Ignored a malformed message from {}: {} ({} so far)", this.endpoint, reason, count);
	}

	/** Messages that were not valid JSON-RPC, or replies the client could not use. */
	public long malformedMessages() {
		return this.malformed.get();
	}

	/** Replies whose id matched no pending request (late replies after a timeout, or bogus ids). */
	public long unmatchedReplies() {
		return this.unmatched.get();
	}

}
