package org.bitcoinrpc.test.internal.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Fault injection, request counting per method name and the request log. Every map is concurrent
 * (and the log thread-safe), so tests may change controls from any thread while requests are
 * served; a request sees the controls in force when it arrives. Survives restarts of the node.
 */
public final class NodeControls {

    /** How many requests the log keeps. */
    public static final int MAX_LOGGED_REQUESTS = 100_000;

    /**
     * An RPC error to answer with.
     * @param code the JSON-RPC error code
     * @param message the message
     */
    public record Failure(int code, String message) {
    }

    /**
     * An HTTP status and body to answer with instead of JSON-RPC.
     * @param status the HTTP status code
     * @param body the body text
     */
    public record HttpReply(int status, String body) {
    }

    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    private final Set<String> swallowed = ConcurrentHashMap.newKeySet();

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    private final Map<String, HttpReply> httpReplies = new ConcurrentHashMap<>();

    private final Map<String, String> stubs = new ConcurrentHashMap<>();

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    private final LongAdder total = new LongAdder();

    /** The last requests counted, at most this many. */
    private final RequestLog log = new RequestLog(MAX_LOGGED_REQUESTS);

    /** Delays replies to {@code method} by {@code delay} (zero removes the delay). */
    public void delay(String method, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        if (delay.isZero()) {
            this.delays.remove(method);
        }
        else {
            this.delays.put(method, delay);
        }
    }

    /** The delay for {@code method}, zero when none. */
    public Duration delayFor(String method) {
        return this.delays.getOrDefault(method, Duration.ZERO);
    }

    /** Makes requests for {@code method} go unanswered. */
    public void neverAnswer(String method) {
        this.swallowed.add(method);
    }

    /** Whether requests for {@code method} go unanswered. */
    public boolean swallows(String method) {
        return this.swallowed.contains(method);
    }

    /** Answers {@code method} with this RPC error. */
    public void failWith(String method, int code, String message) {
        this.failures.put(method, new Failure(code, message));
    }

    /** The error to answer {@code method} with, or null. */
    public @Nullable Failure failureFor(String method) {
        return this.failures.get(method);
    }

    /** Answers {@code method} over HTTP with this status and body. */
    public void httpStatus(String method, int status, String body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a 3-digit HTTP status, was " + status);
        }
        this.httpReplies.put(method, new HttpReply(status, body));
    }

    /** The HTTP reply for {@code method}, or null. */
    public @Nullable HttpReply httpReplyFor(String method) {
        return this.httpReplies.get(method);
    }

    /** Answers {@code method} with this raw JSON text as the result. */
    public void stubResult(String method, String rawJsonResult) {
        this.stubs.put(method, rawJsonResult);
    }

    /** The stubbed result for {@code method}, or null. */
    public @Nullable String stubFor(String method) {
        return this.stubs.get(method);
    }

    /** Counts one request for {@code method} and logs it. */
    public void count(RequestLog.Entry request) {
        this.counts.computeIfAbsent(request.method(), m -> new LongAdder()).increment();
        this.total.increment();
        this.log.add(request);
    }

    /** The logged requests, oldest first. */
    public List<RequestLog.Entry> requests() {
        return this.log.entries();
    }

    /** Requests counted for {@code method}. */
    public long requestCount(String method) {
        LongAdder adder = this.counts.get(method);
        return (adder == null) ? 0 : adder.sum();
    }

    /** Requests counted for all methods. */
    public long totalRequests() {
        return this.total.sum();
    }

    /** Removes every delay, swallow, failure, HTTP reply and stub (not the counts). */
    public void reset() {
        this.delays.clear();
        this.swallowed.clear();
        this.failures.clear();
        this.httpReplies.clear();
        this.stubs.clear();
    }

    /** Sets every count back to zero and empties the request log. */
    public void resetCounts() {
        this.counts.clear();
        this.total.reset();
        this.log.clear();
    }
}
