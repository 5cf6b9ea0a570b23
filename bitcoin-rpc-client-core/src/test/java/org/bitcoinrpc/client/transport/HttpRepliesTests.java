package org.bitcoinrpc.client.transport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.RpcHttpStatusException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP rules on their own, without a connection: what each status, body and failure maps
 * to, and when a refused POST goes out again. The transports' tests show the same through a server.
 */
class HttpRepliesTests {

	private static final String URL = "http://127.0.0.1:8332/";

	private static final Exchange CALL = new Call(7, "getblockcount", false);

	private final JsonRpcCodec codec = new JsonRpcCodec(JsonRpcCodec.defaultMapper(), "1.0");

	private HttpReplies replies(Credentials credentials) {
		return new HttpReplies(URL, credentials, this.codec, 1000);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void unusableRepliesMapByStatus() {
		HttpReplies replies = replies(new Credentials.None());
		byte[] html = bytes("<html>busy</html>");
		assertThat(replies.unusableReply(CALL, 404, html, html.length, null)).isInstanceOf(RpcEndpointException.class)
			.hasMessage("No JSON-RPC endpoint at " + URL + " (HTTP 404: <html>busy</html>)");
		assertThat(replies.unusableReply(CALL, 503, html, html.length, null))
			.isInstanceOfSatisfying(RpcHttpStatusException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.body()).isEqualTo("<html>busy</html>");
			});
		byte[] newline = bytes("\n");
		assertThat(replies.unusableReply(CALL, 200, newline, 1, null)).isInstanceOf(RpcProtocolException.class)
			.hasMessageContaining("Empty reply (HTTP 200) to getblockcount");
		assertThat(HttpReplies.isSuccess(204)).isTrue();
		assertThat(HttpReplies.isSuccess(404)).isFalse();
		assertThat(HttpReplies.isTransient(503)).isTrue();
		assertThat(HttpReplies.isTransient(500)).isFalse();
	}

	@Test
	void theProbeTakesAnyJsonRpcReplyOrA503AsANode() {
		HttpReplies replies = replies(new Credentials.None());
		byte[] warmingUp = bytes("{\"result\":null,\"error\":{\"code\":-28,\"message\":\"Loading\"},\"id\":0}");
		assertThat(replies.probeAnswerFailure(500, warmingUp, warmingUp.length)).isNull();
		assertThat(replies.probeAnswerFailure(503, new byte[0], 0)).isNull();
		byte[] page = bytes("<html>" + "x".repeat(200) + "</html>");
		assertThat(replies.probeAnswerFailure(200, page, page.length)).isInstanceOf(RpcEndpointException.class)
			.hasMessageContaining("answered HTTP 200 without a JSON-RPC reply").hasMessageEndingWith("...)");
		assertThat(replies.probeAnswerFailure(401, new byte[0], 0)).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining("HTTP 401").hasMessageEndingWith("; no user, password or cookie file was given");
	}

	@Test
	void failuresSayWhetherTheyPassAndWhetherTheNodeIsGone() {
		HttpReplies replies = replies(new Credentials.None());
		RuntimeException tooLarge = replies.tooLarge(CALL, new IllegalStateException("over"));
		assertThat(tooLarge).isInstanceOf(RpcResponseTooLargeException.class).hasMessageContaining("maxResponseSize (1000 bytes)");
		assertThat(HttpReplies.isTransient(tooLarge)).isFalse();
		assertThat(HttpReplies.isLoss(tooLarge, tooLarge.getCause())).isFalse();

		TimeoutException timeout = new TimeoutException("no reply");
		RuntimeException timedOut = replies.postFailed(CALL, "TimeoutException: no reply", timeout, true);
		assertThat(timedOut).hasMessage("POST of getblockcount to " + URL + " failed: TimeoutException: no reply;"
				+ " it may or may not have run on the node");
		assertThat(HttpReplies.isLoss(timedOut, timeout)).isFalse();

		java.net.ConnectException refused = new java.net.ConnectException("Connection refused");
		RuntimeException unreachable = replies.postFailed(CALL, "ConnectException: Connection refused", refused, false);
		assertThat(unreachable).isInstanceOf(RpcConnectionException.class).hasMessageNotContaining("may or may not");
		assertThat(HttpReplies.isTransient(unreachable)).isTrue();
		assertThat(HttpReplies.isLoss(unreachable, refused)).isTrue();

		RuntimeException tls = replies.postFailed(CALL, "TLS", new SSLHandshakeException("untrusted"), false);
		assertThat(HttpReplies.isTransient(tls)).isFalse();
	}

	@Test
	void aRefusedPostGoesAgainOnlyAfterA401WithNewerCredentialsAndAtMostTwice(@TempDir Path dir) throws Exception {
		Path file = dir.resolve(".cookie");
		Files.writeString(file, "__cookie__:one");
		Credentials cookie = new Credentials.CookieFile(file);
		HttpReplies replies = replies(cookie);
		String first = cookie.authorization();

		assertThat(replies.mayResend(401, first, 0)).as("the file still holds the refused value").isFalse();
		Files.writeString(file, "__cookie__:two");
		assertThat(replies.mayResend(403, first, 0)).as("a 403 never goes again").isFalse();
		assertThat(replies.mayResend(401, first, HttpReplies.MAX_AUTH_RESENDS)).as("over the bound").isFalse();
		assertThat(replies.mayResend(401, first, 0)).isTrue();
		assertThat(cookie.authorization()).isNotEqualTo(first);

		assertThat(replies.refused(401, CALL, 2)).hasMessage("The node at " + URL
				+ " refused the credentials (HTTP 401) for getblockcount after 2 re-send(s) with newer credentials")
			.hasMessageNotContaining("two");
		assertThat(replies.refused(403, new Call(1, "getblockcount", true), 0)).hasMessageContaining("for a batch");
	}

	private record Call(long id, String method, boolean isBatch) implements Exchange {

		@Override
		public @Nullable String wallet() {
			return null;
		}

		@Override
		public Duration timeout() {
			return Duration.ofSeconds(1);
		}

	}

}
