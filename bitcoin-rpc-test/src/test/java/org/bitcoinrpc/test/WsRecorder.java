package org.bitcoinrpc.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JDK websocket client that records every text message (joined from its fragments) and how the
 * session ended: a close frame ({@link #closeCode}) or an abrupt end ({@link #error}). The JDK client
 * sometimes misses a TCP end without a close frame (its socket stays in CLOSE_WAIT), so tests of
 * dropped connections use {@link RawWebSocket}.
 */
final class WsRecorder implements WebSocket.Listener {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Received messages, whole. */
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    /** Completes with the status code of a received close frame. */
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    /** Completes when the connection ended without a close frame. */
    final CompletableFuture<Throwable> error = new CompletableFuture<>();

    /** Completes with whichever came first, as a description. */
    final CompletableFuture<String> ended = new CompletableFuture<>();

    private final StringBuilder partial = new StringBuilder();

    private @Nullable WebSocket webSocket;

    /** Connects to the node's websocket, with a Basic header unless {@code authorization} is null. */
    static WsRecorder connect(SimulatedNode node, @Nullable String authorization) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (node.isTls()) {
            client.sslContext(node.certificate().clientSslContext());
        }
        WsRecorder recorder = new WsRecorder();
        WebSocket.Builder builder = client.build().newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        recorder.webSocket = builder.buildAsync(URI.create(node.wsUrl()), recorder).orTimeout(20, TimeUnit.SECONDS).join();
        return recorder;
    }

    /** Connects with the node's credentials in the upgrade request. */
    static WsRecorder connectAuthenticated(SimulatedNode node) {
        return connect(node, basic(node.user(), node.password()));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void send(String text) {
        webSocket().sendText(text, true).orTimeout(20, TimeUnit.SECONDS).join();
    }

    WebSocket webSocket() {
        WebSocket ws = this.webSocket;
        assertThat(ws).isNotNull();
        return ws;
    }

    /** The next message, failing the test when none comes in time. */
    String next() throws InterruptedException {
        String message = this.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a websocket message within " + TIMEOUT).isNotNull();
        return message;
    }

    /** The next {@code count} messages. */
    List<String> next(int count) throws InterruptedException {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(next());
        }
        return list;
    }

    /** Sends {@code request} and returns the next message. */
    String call(String request) throws InterruptedException {
        send(request);
        return next();
    }

    /** Waits for the end of the connection and returns how it ended. */
    String awaitEnd() {
        return this.ended.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void closeQuietly() {
        WebSocket ws = this.webSocket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (this.partial) {
            this.partial.append(data);
            if (last) {
                this.messages.add(this.partial.toString());
                this.partial.setLength(0);
            }
        }
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        this.closeCode.complete(statusCode);
        this.ended.complete("close frame " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        this.error.complete(error);
        this.ended.complete("dropped");
    }
}
