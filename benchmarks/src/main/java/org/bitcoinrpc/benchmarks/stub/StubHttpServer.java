package org.bitcoinrpc.benchmarks.stub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP POST JSON-RPC stub on 127.0.0.1: reads the body, answers {@code result 123} with the
 * request's id. With {@code closeEachConnection} every reply carries {@code Connection: close} and
 * the stub closes the connection after it, as btcd does, so a client must open a connection per call.
 */
public final class StubHttpServer implements AutoCloseable {

	private final Server server;

	private final ServerConnector connector;

	private StubHttpServer(boolean closeEachConnection) {
		QueuedThreadPool threads = new QueuedThreadPool(32, 2);
		threads.setName("stub-http");
		threads.setDaemon(true);
		this.server = new Server(threads);
		this.server.setStopTimeout(0);
		HttpConfiguration http = new HttpConfiguration();
		http.setSendServerVersion(false);
		http.setSendDateHeader(false);
		this.connector = new ServerConnector(this.server, 1, 1, new HttpConnectionFactory(http));
		this.connector.setHost("127.0.0.1");
		this.connector.setPort(0);
		this.connector.setAcceptQueueSize(1024);
		// As long as the websocket stub's: a harness may leave some of its pooled connections idle for minutes.
		this.connector.setIdleTimeout(600_000);
		this.server.addConnector(this.connector);
		this.server.setHandler(new Handler.Abstract.NonBlocking() {

			@Override
			public boolean handle(Request request, Response response, Callback callback) {
				Content.Source.asString(request, StandardCharsets.UTF_8, new org.eclipse.jetty.util.Promise<String>() {

					@Override
					public void succeeded(String body) {
						byte[] reply = StubReplies.reply(StubReplies.idOf(body)).getBytes(StandardCharsets.US_ASCII);
						response.setStatus(200);
						response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
						response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.length);
						if (closeEachConnection) {
							response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
						}
						response.write(true, ByteBuffer.wrap(reply), callback);
					}

					@Override
					public void failed(Throwable failure) {
						callback.failed(failure);
					}

				});
				return true;
			}

		});
	}

	/** Starts a stub on an ephemeral port of 127.0.0.1. */
	public static StubHttpServer start(boolean closeEachConnection) throws Exception {
		StubHttpServer stub = new StubHttpServer(closeEachConnection);
		stub.server.start();
		return stub;
	}

	public String url() {
		return "http://127.0.0.1:" + this.connector.getLocalPort() + "/";
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot stop the stub: " + ex, ex);
		}
	}

}
