package org.bitcoinrpc.test.internal.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bitcoinrpc.test.internal.control.NodeControls;
import org.bitcoinrpc.test.internal.control.RequestLog;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Runs requests through the test controls and the {@link RpcMethods}, and builds btcd's replies.
 * Transport-neutral: the HTTP handler and the websocket endpoint decide what to do with silence,
 * delays and HTTP statuses. Thread-safe.
 */
public final class RpcDispatcher {

    private final RpcMethods methods;

    private final NodeControls controls;

    /**
     * Creates the dispatcher.
     * @param methods the command handlers
     * @param controls the test controls
     */
    public RpcDispatcher(RpcMethods methods, NodeControls controls) {
        this.methods = methods;
        this.controls = controls;
    }

    /**
     * What the controls say about requests, decided (and counted) when they arrive.
     * @param swallow whether no reply may ever be sent
     * @param httpReply an HTTP status to answer with instead (HTTP only), or null
     * @param delay how long to wait before executing
     */
    public record Plan(boolean swallow, NodeControls.@Nullable HttpReply httpReply, Duration delay) {

        /** Nothing special. */
        public static final Plan NORMAL = new Plan(false, null, Duration.ZERO);
    }

    /**
     * Counts and logs the requests that will run and combines their controls: any swallowed one
     * swallows all, the first HTTP status wins, the longest delay applies.
     * @param requests the requests that will run (notifications already left out)
     * @param sourceId the websocket session id or HTTP connection number, for the request log
     */
    public Plan plan(List<RpcRequest> requests, long sourceId) {
        boolean swallow = false;
        NodeControls.HttpReply httpReply = null;
        Duration delay = Duration.ZERO;
        for (RpcRequest request : requests) {
            if (!request.hasMethod()) {
                continue;
            }
            String method = request.method();
            count(request, sourceId);
            swallow |= this.controls.swallows(method);
            if (httpReply == null) {
                httpReply = this.controls.httpReplyFor(method);
            }
            Duration d = this.controls.delayFor(method);
            if (d.compareTo(delay) > 0) {
                delay = d;
            }
        }
        if (!swallow && httpReply == null && delay.isZero()) {
            return Plan.NORMAL;
        }
        return new Plan(swallow, httpReply, delay);
    }

    /**
     * Counts and logs a request (with a method) that the transport handles itself ({@code authenticate}).
     * @param request the request
     * @param sourceId the websocket session id or HTTP connection number
     */
    public void count(RpcRequest request, long sourceId) {
        JsonNode params = request.params();
        this.controls.count(new RequestLog.Entry(Objects.requireNonNull(request.method()), request.idJson(),
                (params == null) ? "[]" : params.toString(), sourceId));
    }

    /**
     * Executes one request and builds its reply.
     * @param request the request (with an id)
     * @param context where it came from
     * @return the reply without a newline, or null when btcd would send none (unanswerable version;
     *         the command still ran, as in btcd)
     */
    public @Nullable String execute(RpcRequest request, CallContext context) {
        String result = null;
        RpcException error = null;
        try {
            result = run(request, context);
        }
        catch (RpcException ex) {
            error = ex;
        }
        return Replies.reply(request.jsonrpc(), result, error, request.idJson());
    }

    private String run(RpcRequest request, CallContext context) {
        String method = request.method();
        if (method == null || method.isEmpty()) {
            throw new RpcException(RpcException.INVALID_REQUEST, "Invalid request: malformed");
        }
        NodeControls.Failure failure = this.controls.failureFor(method);
        if (failure != null) {
            throw new RpcException(failure.code(), failure.message());
        }
        String stub = this.controls.stubFor(method);
        if (stub != null) {
            return stub;
        }
        return this.methods.call(method, request.params(), context);
    }

    /**
     * Executes the requests of a batch in order and joins their replies.
     * @param requests the batch's requests with an id
     * @param context where they came from
     * @return {@code [r1,r2,..]}, or null when no element produced a reply
     */
    public @Nullable String executeBatch(List<RpcRequest> requests, CallContext context) {
        List<String> replies = new ArrayList<>(requests.size());
        for (RpcRequest request : requests) {
            String reply = execute(request, context);
            if (reply != null) {
                replies.add(reply);
            }
        }
        if (replies.isEmpty()) {
            return null;
        }
        return "[" + String.join(",", replies) + "]";
    }

    /** btcd's reply to an empty batch: one -32600 object, version 2.0, id null. */
    public static String emptyBatchReply() {
        return Objects.requireNonNull(Replies.reply(Replies.V2,
                null, new RpcException(RpcException.INVALID_REQUEST, "Invalid request: empty batch"), null));
    }

    /** btcd's reply to a body it could not decode: one -32700 object with id null. */
    public static String parseErrorReply(String version, String goMessage) {
        return Objects.requireNonNull(Replies.reply(version, null,
                new RpcException(RpcException.PARSE, "Failed to parse request: " + goMessage), null));
    }
}
