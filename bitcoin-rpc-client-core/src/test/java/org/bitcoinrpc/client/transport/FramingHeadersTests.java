package org.bitcoinrpc.client.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply headers the HTTP transport keeps: only those that frame a reply, which is all Netty's
 * decoder and the transport read. Shown on the headers alone and through the decoder, for each
 * way a node frames its replies.
 */
class FramingHeadersTests {

	@Test
	void keepsTheFramingHeadersWhateverTheirCaseAndDropsTheRest() {
		HttpHeaders headers = FramingHeaders.FACTORY.newHeaders();
		headers.add("content-length", "55");
		headers.add(HttpHeaderNames.CONTENT_TYPE, "application/json");
		headers.add("Date", "Fri, 05 Dec 2026 01:00:00 GMT");
		headers.add("CONNECTION", "close");
		assertThat(headers.size()).isEqualTo(2);
		assertThat(headers.get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("55");
		assertThat(headers.getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(55);
		assertThat(headers.contains(HttpHeaderNames.CONTENT_TYPE)).isFalse();
		assertThat(headers.containsValue(HttpHeaderNames.CONNECTION, "close", true)).isTrue();
		assertThat(headers.names()).containsExactly("content-length", "connection");

		headers.add(HttpHeaderNames.TRANSFER_ENCODING, "gzip");
		headers.add(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
		assertThat(headers.getAll("Transfer-Encoding")).containsExactly("gzip", "chunked");
		headers.remove(HttpHeaderNames.CONTENT_LENGTH);
		assertThat(headers.get(HttpHeaderNames.CONTENT_LENGTH)).isNull();
		assertThat(headers.getAll(HttpHeaderNames.CONTENT_LENGTH)).isEmpty();
		headers.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
		assertThat(headers.getAll(HttpHeaderNames.TRANSFER_ENCODING)).containsExactly("chunked");
		assertThat(headers.copy().entries()).hasSize(2);
		headers.clear();
		assertThat(headers.isEmpty()).isTrue();
	}

	@Test
	void theDecoderFramesARepliesWithALength() {
		List<Object> decoded = decode("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n"
				+ "Date: Fri, 05 Dec 2026 01:00:00 GMT\r\n\r\n12345");
		HttpResponse response = (HttpResponse) decoded.get(0);
		assertThat(HttpUtil.getContentLength(response, -1L)).isEqualTo(5);
		assertThat(HttpUtil.isKeepAlive(response)).isTrue();
		assertThat(body(decoded)).isEqualTo("12345");
	}

	@Test
	void theDecoderFramesAChunkedReplyWithTrailers() {
		List<Object> decoded = decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
				+ "3\r\nabc\r\n2\r\nde\r\n0\r\nX-Checksum: 1\r\n\r\n");
		HttpResponse response = (HttpResponse) decoded.get(0);
		assertThat(HttpUtil.isTransferEncodingChunked(response)).isTrue();
		assertThat(HttpUtil.getContentLength(response, -1L)).isEqualTo(-1);
		assertThat(body(decoded)).isEqualTo("abcde");
		assertThat(decoded.get(decoded.size() - 1)).isInstanceOf(LastHttpContent.class);
	}

	@Test
	void theDecoderSeesAConnectionCloseAndAnOldHttpVersion() {
		HttpResponse close = (HttpResponse) decode("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").get(0);
		assertThat(HttpUtil.isKeepAlive(close)).isFalse();
		HttpResponse old = (HttpResponse) decode("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").get(0);
		assertThat(HttpUtil.isKeepAlive(old)).isFalse();
		HttpResponse oldKept = (HttpResponse) decode("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")
			.get(0);
		assertThat(HttpUtil.isKeepAlive(oldKept)).isTrue();
	}

	@Test
	void theDecoderReadsAReplyWithoutALengthToTheEndOfTheConnection() {
		EmbeddedChannel channel = channel();
		channel.writeInbound(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n{\"id\":1}\n"));
		channel.finish();
		List<Object> decoded = drain(channel);
		assertThat(body(decoded)).isEqualTo("{\"id\":1}\n");
		assertThat(decoded.get(decoded.size() - 1)).isInstanceOf(LastHttpContent.class);
	}

	private static EmbeddedChannel channel() {
		HttpDecoderConfig config = new HttpDecoderConfig().setHeadersFactory(FramingHeaders.FACTORY)
			.setTrailersFactory(FramingHeaders.FACTORY);
		EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec(config, false, false));
		// The codec answers replies in the order of the requests it wrote.
		channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/"));
		ReferenceCountUtil.release(channel.readOutbound());
		return channel;
	}

	private static List<Object> decode(String reply) {
		EmbeddedChannel channel = channel();
		channel.writeInbound(bytes(reply));
		List<Object> decoded = drain(channel);
		channel.finishAndReleaseAll();
		return decoded;
	}

	private static List<Object> drain(EmbeddedChannel channel) {
		List<Object> decoded = new ArrayList<>();
		for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
			assertThat(((io.netty.handler.codec.http.HttpObject) message).decoderResult().isSuccess()).isTrue();
			decoded.add(message);
		}
		return decoded;
	}

	private static String body(List<Object> decoded) {
		StringBuilder body = new StringBuilder();
		for (Object message : decoded) {
			if (message instanceof HttpContent content) {
				body.append(content.content().toString(StandardCharsets.UTF_8));
				content.release();
			}
		}
		return body.toString();
	}

	private static ByteBuf bytes(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
	}

}
