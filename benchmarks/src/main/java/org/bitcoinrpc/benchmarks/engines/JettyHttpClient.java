package org.bitcoinrpc.benchmarks.engines;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP POST ceiling on Jetty 12's {@link HttpClient}, set up as the client sets up its own (one
 * selector, a pool of keep-alive connections, no cookie store) but with nothing of the client
 * above it: Jetty's stock request content around a body encoded once, a pre-encoded
 * {@code Authorization} field, and a listener that only reads the status and the id at the end
 * of the reply. Jetty queues the calls beyond its connections itself.
 */
public final class JettyHttpClient implements AutoCloseable {

	private final HttpClient http;

	private final URI uri;

	private final ByteBuffer body;

	private final int expectedId;

	private final Consumer<HttpFields.Mutable> headers;

	/** A started client of at most {@code connections} connections to {@code url}. */
	public JettyHttpClient(String url, String authorization, byte[] body, int expectedId, int connections) throws Exception {
		this.uri = URI.create(url);
		this.body = ByteBuffer.wrap(body).asReadOnlyBuffer();
		this.expectedId = expectedId;
		HttpField auth = new PreEncodedHttpField(HttpHeader.AUTHORIZATION, authorization);
		this.headers = (fields) -> fields.put(auth);
		ClientConnector connector = new ClientConnector();
		connector.setSelectors(1);
		QueuedThreadPool threads = new QueuedThreadPool(64, 2);
		threads.setName("raw-jetty-http");
		threads.setDaemon(true);
		connector.setExecutor(threads);
		this.http = new HttpClient(new HttpClientTransportOverHTTP(connector));
		this.http.setExecutor(threads);
		this.http.setMaxConnectionsPerDestination(connections);
		this.http.setMaxRequestsQueuedPerDestination(4096);
		this.http.setFollowRedirects(false);
		this.http.setHttpCookieStore(new HttpCookieStore.Empty());
		this.http.start();
	}

	/** Starts one call; {@code completion} runs on one of Jetty's threads. */
	public void send(long startNanos, Completion completion) {
		this.http.newRequest(this.uri)
			.method(HttpMethod.POST)
			.headers(this.headers)
			.body(new ByteBufferRequestContent("application/json", this.body.slice()))
			.send(new Reply(startNanos, completion));
	}

	@Override
	public void close() throws Exception {
		this.http.stop();
	}

	/** One call's listener: Jetty's API needs an object per request; this one holds no more than the call's state. */
	private final class Reply implements Response.Listener {

		private final long start;

		private final Completion completion;

		/** Jetty's thread for this exchange only. */
		private boolean idFound;

		Reply(long start, Completion completion) {
			this.start = start;
			this.completion = completion;
		}

		@Override
		public void onContent(Response response, ByteBuffer content) {
			if (IdScan.tailId(content) == JettyHttpClient.this.expectedId) {
				this.idFound = true;
			}
		}

		@Override
		public void onComplete(Result result) {
			this.completion.completed(this.start,
					result.isSucceeded() && result.getResponse().getStatus() == 200 && this.idFound);
		}

	}

}
