package org.bitcoinrpc.client.transport;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.RpcHttpStatusException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.jspecify.annotations.Nullable;

/**
 * What an HTTP status, a reply body or a failed POST means for a call, whatever engine moved the
 * bytes: the error each maps to and its wording, which failures may pass by themselves, which
 * ones say the node is gone, and when a refused POST goes out again with newer credentials. The
 * transport asks; these rules never touch a connection.
 * <ul>
 * <li>401/403 is an authentication error. After a 401 a POST goes out again when the credentials
 * now differ from those it carried (a rotated cookie), at most {@value #MAX_AUTH_RESENDS} times; a
 * 403 never does.
 * <li>A JSON-RPC error body is the RPC error whatever the status (Core sends them on 404 and 500):
 * the client decides that, and asks here only when a body is no usable answer.
 * <li>Then 404 is an {@link RpcEndpointException}, any other non-2xx an
 * {@link RpcHttpStatusException}, and only a 503 ({@code Work queue depth exceeded}) is transient.
 * <li>A POST that could not reach the node is transient, unless TLS failed (which does not pass by
 * itself) or the reply was over {@code maxResponseSize}. A reply over the limit or a POST timed
 * out says nothing about the node being gone; any other failure does.
 * </ul>
 * Immutable but for what {@link Credentials} keeps; thread-safe. Never puts a secret in a message.
 */
final class HttpReplies {

	/**
	 * How many times one call or batch is sent again after a 401 with newer credentials: a node
	 * that rotates its cookie faster than we can use it must not make us loop.
	 */
	static final int MAX_AUTH_RESENDS = 2;

	/** How much of a body an error quotes. */
	private static final int BODY_PREVIEW = 512;

	/** How much of a body the probe's error quotes: one line's worth. */
	private static final int PROBE_PREVIEW = 120;

	private final String endpoint;

	private final Credentials credentials;

	/** Reads the probe's reply. */
	private final JsonRpcCodec codec;

	private final int maxResponseSize;

	HttpReplies(String endpoint, Credentials credentials, JsonRpcCodec codec, int maxResponseSize) {
		this.endpoint = endpoint;
		this.credentials = credentials;
		this.codec = codec;
		this.maxResponseSize = maxResponseSize;
	}

	// ---------------------------------------------------------------- the connect probe

	/**
	 * Why the probe's answer does not show a JSON-RPC node taking our credentials, or null if it
	 * does: any JSON-RPC reply (an RPC error such as -28, warming up, included) or Core's 503 (work
	 * queue full: the node is there, only busy).
	 */
	@Nullable RuntimeException probeAnswerFailure(int status, byte[] content, int length) {
		if (isRefusal(status)) {
			return new RpcAuthenticationException("The node at " + this.endpoint + " refused the credentials (HTTP "
					+ status + ")" + this.credentials.hint());
		}
		if (status == 503) {
			return null;
		}
		JsonText text = JsonText.of(content, length);
		InboundMessage message = text.isBlank() ? null : this.codec.decode(text);
		if (message instanceof InboundMessage.Response) {
			return null;
		}
		String preview = preview(content, length).strip();
		return new RpcEndpointException(this.endpoint + " answered HTTP " + status + " without a JSON-RPC reply: not a"
				+ " JSON-RPC endpoint" + (preview.isEmpty() ? ""
						: " (" + ((preview.length() > PROBE_PREVIEW) ? preview.substring(0, PROBE_PREVIEW) + "..." : preview) + ")"));
	}

	/**
	 * Whether a probe refused with {@code status} is tried once more: after a 401, when re-reading
	 * the credentials (a cookie file) gave a value other than the one refused.
	 */
	boolean mayRetryProbe(int status, @Nullable String sentWith) {
		return status == 401 && this.credentials.refresh(sentWith);
	}

	/** The probe's failure when nothing answered; {@code why} words the cause. */
	RpcConnectionException cannotConnect(String why, Throwable cause) {
		return new RpcConnectionException("Cannot connect to " + this.endpoint + ": " + why, cause);
	}

	// ---------------------------------------------------------------- authentication

	/** Whether the node refused the credentials. */
	static boolean isRefusal(int status) {
		return status == 401 || status == 403;
	}

	/**
	 * Whether a POST refused with {@code status} goes out again: only after a 401, within the
	 * bound, and when the credentials now differ from {@code sentWith}, the exact value it carried
	 * (a rotated cookie).
	 */
	boolean mayResend(int status, @Nullable String sentWith, int authResends) {
		return status == 401 && authResends < MAX_AUTH_RESENDS && this.credentials.refresh(sentWith);
	}

	/** The error for refused credentials: the URL and status, why a new cookie did not help, never the secret. */
	RpcAuthenticationException refused(int status, Exchange exchange, int authResends) {
		String what = exchange.isBatch() ? "a batch" : exchange.method();
		String readFailure = (status == 401) ? this.credentials.refreshFailure() : null;
		return new RpcAuthenticationException("The node at " + this.endpoint + " refused the credentials (HTTP " + status
				+ ") for " + what + ((authResends > 0) ? " after " + authResends + " re-send(s) with newer credentials" : "")
				+ ((readFailure != null) ? "; re-reading them failed: " + readFailure : ""));
	}

	// ---------------------------------------------------------------- replies

	/** Whether a body with this status answers the exchange whatever it holds (2xx). */
	static boolean isSuccess(int status) {
		return status / 100 == 2;
	}

	/** Whether an unusable reply with this status may pass by itself: Core's 503, a work queue full for now. */
	static boolean isTransient(int status) {
		return status == 503;
	}

	/**
	 * The failure of an exchange whose reply is no usable answer: a protocol error for a 2xx, an
	 * endpoint error for a 404, an HTTP status error with the body for anything else.
	 * @param message the body as decoded, or {@code null} when it is blank
	 */
	RuntimeException unusableReply(Exchange exchange, int status, byte[] content, int length, @Nullable InboundMessage message) {
		String text = preview(content, length);
		if (isSuccess(status)) {
			if (message == null) {
				// btcd answers a request it cannot version (no or unknown "jsonrpc") with a lone newline.
				return new RpcProtocolException("Empty reply (HTTP " + status + ") to " + exchange.method() + " from " + this.endpoint);
			}
			if (message instanceof InboundMessage.Response response && response.id() != null && response.id() != exchange.id()) {
				return new RpcProtocolException("Reply to " + exchange.method() + " from " + this.endpoint + " carries id "
						+ response.id() + " instead of " + exchange.id());
			}
			return new RpcProtocolException("Unusable reply (HTTP " + status + ") to " + exchange.method() + " from "
					+ this.endpoint + ": " + ((message instanceof InboundMessage.Malformed malformed) ? malformed.reason() : text));
		}
		if (status == 404) {
			return new RpcEndpointException("No JSON-RPC endpoint at " + this.endpoint + " (HTTP 404" + (text.isBlank() ? "" : ": " + text) + ")");
		}
		return new RpcHttpStatusException("HTTP " + status + " from " + this.endpoint + " for " + exchange.method()
				+ (text.isBlank() ? "" : ": " + text.strip()), status, text);
	}

	// ---------------------------------------------------------------- failed POSTs

	/** The failure of an exchange whose reply was over {@code maxResponseSize}; {@code cause} says which limit. */
	RpcResponseTooLargeException tooLarge(Exchange exchange, Throwable cause) {
		return new RpcResponseTooLargeException("The reply to " + exchange.method() + " from " + this.endpoint
				+ " exceeds maxResponseSize (" + this.maxResponseSize + " bytes)", cause);
	}

	/**
	 * The failure of a POST that got no whole reply; {@code why} words the cause.
	 * @param mayHaveRun whether the request was written before it failed, so that the node may have run it
	 */
	RpcConnectionException postFailed(Exchange exchange, String why, Throwable cause, boolean mayHaveRun) {
		return new RpcConnectionException("POST of " + exchange.method() + " to " + this.endpoint + " failed: " + why
				+ (mayHaveRun ? "; it may or may not have run on the node" : ""), cause);
	}

	/** What the listener is told when a POST says the node is gone; {@code why} words the cause. */
	RpcConnectionException lost(String why, Throwable cause) {
		return new RpcConnectionException("Lost the node at " + this.endpoint + ": " + why, cause);
	}

	/**
	 * Whether a failed POST says the node is gone: it could not reach it or lost its connection. A
	 * reply too large or a slow call (the transport's own timer) says nothing of the kind.
	 */
	static boolean isLoss(RuntimeException failure, Throwable cause) {
		return !(failure instanceof RpcResponseTooLargeException) && !(cause instanceof TimeoutException);
	}

	/** Whether a failed POST may succeed later: not when its reply was too large, nor when TLS failed. */
	static boolean isTransient(RuntimeException failure) {
		if (failure instanceof RpcResponseTooLargeException) {
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SSLException) {
				return false;
			}
		}
		return true;
	}

	/** The start of a body as text, for error messages. */
	static String preview(byte[] content, int length) {
		return new String(content, 0, Math.min(length, BODY_PREVIEW), StandardCharsets.UTF_8);
	}

}
