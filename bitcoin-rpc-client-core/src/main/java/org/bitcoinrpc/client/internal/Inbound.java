package org.bitcoinrpc.client.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.bitcoinrpc.client.protocol.RpcError;
import org.bitcoinrpc.client.transport.Exchange;
import org.bitcoinrpc.client.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's ear on every connection it opens: turns what the transport reports into
 * completed calls, notifications and connection events. A message from a pipelined connection is
 * decoded and routed by id ({@link ReplyRouter}); the reply to an exchange completes that
 * exchange's calls, or, when it is a transient failure or the node warming up, has them sent again
 * if {@link Retries} allows; the loss of a connection, and over HTTP each answer, go to the
 * {@link ConnectionWatchdog}.
 * <p>
 * Every exchange a transport hands back is one the endpoint wrote: a {@link PendingRequest} or a
 * {@link Batch}. Called on the transports' threads; holds no state of its own beyond the
 * thread-safe parts it was given.
 */
final class Inbound implements Transport.Listener {

	private static final Logger logger = LoggerFactory.getLogger(Inbound.class);

	private final PendingRequests pending;

	private final ReplyRouter router;

	private final JsonRpcCodec codec;

	private final ConnectionWatchdog watchdog;

	private final Retries retries;

	/** Writes a call again, for a retry. */
	private final Consumer<PendingRequest<?>> resend;

	private final String endpoint;

	Inbound(PendingRequests pending, ReplyRouter router, JsonRpcCodec codec, ConnectionWatchdog watchdog, Retries retries,
			Consumer<PendingRequest<?>> resend, String endpoint) {
		this.pending = pending;
		this.router = router;
		this.codec = codec;
		this.watchdog = watchdog;
		this.retries = retries;
		this.resend = resend;
		this.endpoint = endpoint;
	}

	/**
	 * Decodes one message and routes it. The router names the reader of the pending call a
	 * reply's trailing id belongs to, so its result is bound in the same pass as the envelope.
	 */
	@Override
	public void onMessage(JsonText message) {
		this.router.route(this.codec.decode(message, this.router));
	}

	@Override
	public void onOversized(long id, String reason) {
		PendingRequest<?> request = (id >= 0) ? this.pending.remove(id) : null;
		if (request == null) {
			logger.warn("Dropped a message from {}: {}; it names no pending request", this.endpoint, reason);
			return;
		}
		PendingRequests.fail(request, new RpcResponseTooLargeException(
				"The reply to " + request.method() + " from " + this.endpoint + " is too large: " + reason));
	}

	@Override
	public void onUnreadable(String reason) {
		this.router.malformed(reason);
	}

	@Override
	public void onReply(Exchange exchange, JsonText body, Transport.ReplyStatus status) {
		if (exchange instanceof Batch batch) {
			replyTo(batch, body, status);
		}
		else {
			replyTo((PendingRequest<?>) exchange, body, status);
		}
	}

	/**
	 * The reply to one call, whatever id it names. Decoded once: the call is known, so its result
	 * is bound in the same pass as the envelope when the reply names it.
	 */
	private void replyTo(PendingRequest<?> request, JsonText body, Transport.ReplyStatus status) {
		InboundMessage message = body.isBlank() ? null
				: this.codec.decode(body, (id) -> (id == request.id()) ? request.resultReader() : null);
		if (message instanceof InboundMessage.Response response && response.id() != null
				&& response.id() == request.id() && (status.isSuccess() || response.error() != null)) {
			RpcError error = response.error();
			if (error != null && error.code() == RpcErrorCode.IN_WARMUP && this.retries.retry(request,
					RpcErrorException.of(request.method(), error.code(), error.message()), () -> this.resend.accept(request))) {
				return;
			}
			PendingRequest<?> removed = this.pending.remove(request.id());
			if (removed != null) {
				this.router.complete(removed, response);
			}
			return;
		}
		RuntimeException failure = status.failure(message);
		if (status.isTransient() && this.retries.retry(request, failure, () -> this.resend.accept(request))) {
			return;
		}
		this.pending.fail(request.id(), failure);
	}

	/**
	 * Each element of the reply completes the call with its id. A node that answers the whole
	 * batch with one error object (btcd does, for a malformed batch) fails every call with it, and
	 * a call the reply leaves out fails rather than waiting for its timeout.
	 */
	private void replyTo(Batch batch, JsonText body, Transport.ReplyStatus status) {
		List<PendingRequest<?>> requests = batch.requests();
		InboundMessage message = body.isBlank() ? null : this.codec.decode(body);
		if (message instanceof InboundMessage.Batch replies) {
			Set<Long> ids = new HashSet<>();
			requests.forEach((request) -> ids.add(request.id()));
			for (InboundMessage element : replies.messages()) {
				if (element instanceof InboundMessage.Response response && response.id() != null && ids.contains(response.id())) {
					PendingRequest<?> removed = this.pending.remove(response.id());
					if (removed != null) {
						this.router.complete(removed, response);
					}
				}
			}
			requests.forEach((request) -> this.pending.fail(request.id(), new RpcProtocolException(
					"The batch reply from " + this.endpoint + " has no element for " + request.method() + " (id " + request.id() + ")")));
			return;
		}
		RuntimeException failure;
		if (message instanceof InboundMessage.Response response && response.error() != null) {
			failure = RpcErrorException.of("batch", response.error().code(), response.error().message());
		}
		else {
			failure = status.failure(message);
		}
		requests.forEach((request) -> this.pending.fail(request.id(), failure));
	}

	@Override
	public void onAnswered() {
		this.watchdog.onAnswered();
	}

	/** A call goes again after a transient failure if {@link Retries} allows; a batch never does. */
	@Override
	public void onFailed(Exchange exchange, RuntimeException failure, boolean transientFailure) {
		if (exchange instanceof Batch batch) {
			batch.requests().forEach((request) -> this.pending.fail(request.id(), failure));
			return;
		}
		PendingRequest<?> request = (PendingRequest<?>) exchange;
		if (transientFailure && this.retries.retry(request, failure, () -> this.resend.accept(request))) {
			return;
		}
		this.pending.fail(request.id(), failure);
	}

	@Override
	public void onLost(Throwable cause) {
		this.watchdog.onConnectionLost(cause);
	}

}
