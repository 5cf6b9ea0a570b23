package org.bitcoinrpc.test.internal.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.bitcoinrpc.test.internal.rpc.CallContext;
import org.bitcoinrpc.test.internal.rpc.Params;
import org.bitcoinrpc.test.internal.rpc.ParsedBody;
import org.bitcoinrpc.test.internal.rpc.Replies;
import org.bitcoinrpc.test.internal.rpc.RequestParser;
import org.bitcoinrpc.test.internal.rpc.RpcDispatcher;
import org.bitcoinrpc.test.internal.rpc.RpcException;
import org.bitcoinrpc.test.internal.rpc.RpcRequest;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket session on {@code /ws}, with btcd's rules (fixtures {@code ws-*.json}):
 * <ul>
 * <li>without an {@code Authorization} header on the upgrade, the first message must be
 * {@code authenticate [user, pass]} (reply: result null); anything else, or wrong credentials,
 * drops the TCP connection with no reply and no close frame;</li>
 * <li>{@code authenticate} on an authenticated session drops it too;</li>
 * <li>malformed JSON and {@code params} that is not an array get -32700 with id null; a missing
 * method gets -32600; a request without id or without a {@code jsonrpc} btcd can answer gets no
 * reply; the session stays usable;</li>
 * <li>a JSON array is a batch, answered in one frame.</li>
 * </ul>
 * Pings are answered here rather than by Jetty (overriding {@link #onWebSocketPing} turns Jetty's
 * automatic pong off), so that a frozen session ({@code freezeConnections}) can stay silent: it keeps
 * reading, so a client's TCP close is still noticed, but drops every message and ping, and does not
 * answer a close frame either.
 *
 * <p>Thread model: Jetty calls the {@code onWebSocket*} methods of one session one at a time, so
 * {@link #client} and {@link #authenticated} are confined to that sequence. Replies are queued on the
 * client's {@link OutboundQueue}, possibly later from the delay scheduler.
 */
public final class WebSocketRpcEndpoint implements Session.Listener.AutoDemanding {

    private static final Logger logger = LoggerFactory.getLogger(WebSocketRpcEndpoint.class);

    private static final String AUTHENTICATE = "authenticate";

    private final RequestParser parser;

    private final RpcDispatcher dispatcher;

    private final AcceptedCredentials auth;

    private final WebSocketClients clients;

    private final ScheduledExecutorService scheduler;

    /** Set on open. Confined to Jetty's event sequence for this session. */
    private @Nullable WsClient client;

    /** Whether the upgrade carried valid credentials or {@code authenticate} succeeded. Confined likewise. */
    private boolean authenticated;

    WebSocketRpcEndpoint(RequestParser parser, RpcDispatcher dispatcher, AcceptedCredentials auth, WebSocketClients clients,
            ScheduledExecutorService scheduler, boolean authenticatedByHeader) {
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.auth = auth;
        this.clients = clients;
        this.scheduler = scheduler;
        this.authenticated = authenticatedByHeader;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        // btcd's session ids are random uint64s; the top bit is set here so that clients always meet
        // one above Long.MAX_VALUE (fixture ws-authenticate: 9367702324790295434).
        WsClient opened = new WsClient(session, ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        this.client = opened;
        this.clients.add(opened);
    }

    /**
     * btcd (gorilla) answers a client's close frame with a close frame whose payload is empty (fixture
     * {@code ws-authenticate}: {@code code: null}); Jetty would echo the client's code. Sending the
     * empty close first stops Jetty's echo. A frozen session answers nothing: the callback is never
     * completed, so Jetty sends no close frame and keeps the TCP connection until it is dropped.
     */
    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        WsClient current = this.client;
        if (current != null && current.isFrozen()) {
            closed();
            return;
        }
        if (current != null) {
            current.closeWithEmptyPayload();
        }
        closed();
        callback.succeed();
    }

    /** Answers with a pong, as Jetty does by default, unless the session is frozen. */
    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        WsClient current = this.client;
        if (current != null) {
            current.pong(payload);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        logger.debug("Websocket session failed", cause);
        closed();
    }

    private void closed() {
        WsClient current = this.client;
        if (current != null) {
            this.clients.remove(current);
        }
    }

    @Override
    public void onWebSocketText(String message) {
        WsClient current = this.client;
        if (current == null || current.isFrozen()) {
            return;
        }
        try {
            onMessage(current, message);
        }
        catch (RuntimeException ex) {
            logger.warn("Failed to handle a websocket message; dropping the session", ex);
            current.disconnect();
        }
    }

    private void onMessage(WsClient current, String message) {
        ParsedBody parsed = this.parser.parse(message.getBytes(StandardCharsets.UTF_8));
        if (parsed.batch()) {
            onBatch(current, parsed);
            return;
        }
        if (parsed.failed()) {
            if (!this.authenticated) {
                current.disconnect();
                return;
            }
            current.send(RpcDispatcher.parseErrorReply(Replies.V1, parsed.failure()));
            return;
        }
        RpcRequest request = parsed.single();
        if (!this.authenticated) {
            authenticateOrDrop(current, request);
            return;
        }
        if (!request.hasMethod()) {
            // -32600 "Invalid request: malformed", echoing the id (fixture ws-errors, id 5).
            sendIfAny(current, this.dispatcher.execute(request, contextOf(current)));
            return;
        }
        if (!request.hasId()) {
            return;
        }
        if (AUTHENTICATE.equals(request.method())) {
            this.dispatcher.count(request, current.sessionId());
            RpcException badParams = authenticateParamsError(request);
            if (badParams == null) {
                // A second authenticate is a protocol violation to btcd.
                current.disconnect();
            }
            else {
                sendIfAny(current, Replies.reply(request.jsonrpc(), null, badParams, request.idJson()));
            }
            return;
        }
        dispatch(current, List.of(request), () -> this.dispatcher.execute(request, contextOf(current)));
    }

    private void authenticateOrDrop(WsClient current, RpcRequest request) {
        if (!request.hasId() || !AUTHENTICATE.equals(request.method())) {
            current.disconnect();
            return;
        }
        this.dispatcher.count(request, current.sessionId());
        if (authenticateParamsError(request) != null) {
            current.disconnect();
            return;
        }
        Params params = Params.of(request.params(), 2, 2);
        if (!this.auth.current().matches(params.string(0, "username", ""), params.string(1, "passphrase", ""))) {
            current.disconnect();
            return;
        }
        this.authenticated = true;
        sendIfAny(current, Replies.reply(request.jsonrpc(), null, null, request.idJson()));
    }

    private static @Nullable RpcException authenticateParamsError(RpcRequest request) {
        try {
            Params params = Params.of(request.params(), 2, 2);
            params.string(0, "username", "");
            params.string(1, "passphrase", "");
            return null;
        }
        catch (RpcException ex) {
            return ex;
        }
    }

    private void onBatch(WsClient current, ParsedBody parsed) {
        if (!this.authenticated) {
            current.disconnect();
            return;
        }
        if (parsed.failed()) {
            current.send(RpcDispatcher.parseErrorReply(Replies.V2, parsed.failure()));
            return;
        }
        if (parsed.requests().isEmpty()) {
            current.send(RpcDispatcher.emptyBatchReply());
            return;
        }
        List<RpcRequest> calls = new ArrayList<>();
        for (RpcRequest request : parsed.requests()) {
            if (!request.hasId()) {
                continue;
            }
            if (AUTHENTICATE.equals(request.method())) {
                current.disconnect();
                return;
            }
            calls.add(request);
        }
        dispatch(current, calls, () -> this.dispatcher.executeBatch(calls, contextOf(current)));
    }

    /** Applies the controls (swallow, delay; HTTP statuses do not apply here), executes and replies. */
    private void dispatch(WsClient current, List<RpcRequest> calls, Supplier<@Nullable String> execute) {
        RpcDispatcher.Plan plan = this.dispatcher.plan(calls, current.sessionId());
        if (plan.swallow()) {
            return;
        }
        Runnable reply = () -> {
            try {
                sendIfAny(current, execute.get());
            }
            catch (RuntimeException ex) {
                logger.warn("Failed to answer a websocket request", ex);
            }
        };
        if (plan.delay().isZero()) {
            reply.run();
            return;
        }
        try {
            this.scheduler.schedule(reply, plan.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException ex) {
            logger.debug("Node stopping; delayed websocket reply dropped");
        }
    }

    private static void sendIfAny(WsClient current, @Nullable String reply) {
        if (reply != null) {
            current.send(reply);
        }
    }

    private static CallContext contextOf(WsClient current) {
        return new CallContext(current);
    }
}
