package org.bitcoinrpc.benchmarks.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

/**
 * The HTTP POST ceiling on the JDK's {@link HttpURLConnection}, the engine wf.bitcoin's client
 * uses: blocking only, one connection per caller thread out of the JDK's keep-alive cache (whose
 * size is the system property {@code http.maxConnections}, 5 unless set). The body is encoded once
 * and left to the JDK to buffer, as wf.bitcoin does: with {@code setFixedLengthStreamingMode} the
 * headers and the body go out separately, and one caller's call took 1.3 ms instead of 85 µs here.
 * The reply is read into the caller's reused buffer and checked by its id.
 */
public final class UrlConnectionClient {

	private static final int TIMEOUT_MILLIS = 5000;

	private final URL url;

	private final String authorization;

	private final byte[] body;

	private final int expectedId;

	/** Each caller's reply buffer. */
	private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[4096]);

	public UrlConnectionClient(String url, String authorization, byte[] body, int expectedId) throws IOException {
		this.url = URI.create(url).toURL();
		this.authorization = authorization;
		this.body = body.clone();
		this.expectedId = expectedId;
	}

	/** One call on the caller's thread: whether it got a 200 with the right id. */
	public boolean call() throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.url.openConnection();
		connection.setConnectTimeout(TIMEOUT_MILLIS);
		connection.setReadTimeout(TIMEOUT_MILLIS);
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setRequestProperty("Content-Type", "application/json");
		connection.setRequestProperty("Authorization", this.authorization);
		try (OutputStream out = connection.getOutputStream()) {
			out.write(this.body);
		}
		int status = connection.getResponseCode();
		byte[] buffer = this.buffers.get();
		int length = 0;
		// Read to the end and close: only then does the JDK put the connection back into its keep-alive cache.
		try (InputStream in = (status == 200) ? connection.getInputStream() : connection.getErrorStream()) {
			if (in == null) {
				return false;
			}
			int n;
			while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
				length += n;
				if (length == buffer.length) {
					length = 0;
				}
			}
		}
		return status == 200 && IdScan.tailId(buffer, length) == this.expectedId;
	}

}
