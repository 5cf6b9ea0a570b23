package org.bitcoinrpc.test.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bitcoinrpc.test.internal.rpc.CallContext;
import org.bitcoinrpc.test.internal.rpc.ParsedBody;
import org.bitcoinrpc.test.internal.rpc.Replies;
import org.bitcoinrpc.test.internal.rpc.RequestParser;
import org.bitcoinrpc.test.internal.rpc.RpcDispatcher;
import org.bitcoinrpc.test.internal.rpc.RpcRequest;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * The JSON-RPC over HTTP POST endpoint, with btcd's answers to odd requests (fixtures
 * {@code http-*.json}):
 * <ul>
 * <li>malformed JSON, a missing or {@code null} id: the socket is closed, no response at all;</li>
 * <li>no {@code jsonrpc}, a version other than 1.0/2.0, or {@code params} that is not an array:
 * HTTP 200 with the body {@code \n};</li>
 * <li>a body starting with {@code [} is a batch: an array of replies in order without the
 * notifications, an empty batch gives one -32600 object, a malformed one one -32700 object;</li>
 * <li>every JSON-RPC error comes with HTTP 200.</li>
 * </ul>
 * Thread-safe: it keeps no per-request state (a connection's number is an attribute of the
 * connection, which serves one request at a time).
 */
final class HttpRpcHandler extends Handler.Abstract {

    /** The connection attribute holding its number. */
    private static final String CONNECTION_NUMBER = HttpRpcHandler.class.getName() + ".connectionNumber";

    /** Numbers HTTP connections for the request log, JVM-wide. */
    private static final AtomicLong CONNECTION_NUMBERS = new AtomicLong();

    private final RequestParser parser;

    private final RpcDispatcher dispatcher;

    private final HttpWriter writer;

    private final HeldRequests held;

    /** Runs delayed replies; owned by the {@link NodeServer} run. */
    private final ScheduledExecutorService scheduler;

    HttpRpcHandler(RequestParser parser, RpcDispatcher dispatcher, HttpWriter writer, HeldRequests held,
            ScheduledExecutorService scheduler) {
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.writer = writer;
        this.held = held;
        this.scheduler = scheduler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        // BLOCKING: processing may mine blocks, so it must not run on a non-blocking thread.
        Content.Source.asByteArrayAsync(request, ServerConfig.MAX_MESSAGE_BYTES,
                Promise.Invocable.from(InvocationType.BLOCKING, (body, failure) -> {
                    if (failure != null) {
                        callback.failed(failure);
                        return;
                    }
                    try {
                        process(body, request, response, callback);
                    }
                    catch (RuntimeException | Error ex) {
                        callback.failed(ex);
                    }
                }));
        return true;
    }

    private void process(byte[] body, Request request, Response response, Callback callback) {
        ParsedBody parsed = this.parser.parse(body);
        if (parsed.batch()) {
            processBatch(parsed, request, response, callback);
            return;
        }
        RpcRequest rpc = parsed.single();
        // btcd drops the connection when it has no id to answer to, including after a parse error.
        if (parsed.syntaxError() != null || !rpc.hasId()) {
            HttpWriter.closeWithoutResponse(request, callback);
            return;
        }
        if (parsed.typeError() != null) {
            this.writer.json(response, callback, "\n");
            return;
        }
        respond(List.of(rpc), request, response, callback, () -> {
            String reply = this.dispatcher.execute(rpc, CallContext.HTTP);
            return (reply == null) ? "\n" : reply + "\n";
        });
    }

    private void processBatch(ParsedBody parsed, Request request, Response response, Callback callback) {
        if (parsed.failed()) {
            this.writer.json(response, callback, RpcDispatcher.parseErrorReply(Replies.V2, parsed.failure()) + "\n");
            return;
        }
        if (parsed.requests().isEmpty()) {
            this.writer.json(response, callback, RpcDispatcher.emptyBatchReply() + "\n");
            return;
        }
        List<RpcRequest> calls = new ArrayList<>();
        for (RpcRequest rpc : parsed.requests()) {
            if (rpc.hasId()) {
                calls.add(rpc);
            }
        }
        respond(calls, request, response, callback, () -> {
            String replies = this.dispatcher.executeBatch(calls, CallContext.HTTP);
            return (replies == null) ? "\n" : replies + "\n";
        });
    }

    /**
     * The number of the request's TCP connection for the request log: 1, 2, ... in the order of
     * their first request, unique in the JVM (so across restarts and nodes too).
     */
    private static long connectionNumber(Request request) {
        ConnectionMetaData connection = request.getConnectionMetaData();
        if (connection.getAttribute(CONNECTION_NUMBER) instanceof Long number) {
            return number;
        }
        long number = CONNECTION_NUMBERS.incrementAndGet();
        connection.setAttribute(CONNECTION_NUMBER, number);
        return number;
    }

    /** Applies the controls (swallow, HTTP status, delay), then executes and writes the reply. */
    private void respond(List<RpcRequest> calls, Request request, Response response, Callback callback,
            Supplier<String> execute) {
        RpcDispatcher.Plan plan = this.dispatcher.plan(calls, connectionNumber(request));
        if (plan.swallow()) {
            this.held.hold(request, callback);
            return;
        }
        Runnable reply = () -> {
            try {
                if (plan.httpReply() != null) {
                    String body = plan.httpReply().body();
                    String type = (body.startsWith("{") || body.startsWith("[")) ? "application/json"
                            : "text/plain; charset=utf-8";
                    this.writer.write(response, callback, plan.httpReply().status(), type, body);
                }
                else {
                    this.writer.json(response, callback, execute.get());
                }
            }
            catch (RuntimeException | Error ex) {
                callback.failed(ex);
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
            // The node is stopping.
            HttpWriter.closeWithoutResponse(request, callback);
        }
    }
}
