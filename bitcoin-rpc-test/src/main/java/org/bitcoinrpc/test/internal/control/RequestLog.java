package org.bitcoinrpc.test.internal.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The most recent requests the node executed or deliberately left unanswered, oldest first, bounded
 * so that a long test cannot exhaust memory. Thread-safe: every access holds {@link #lock}.
 */
public final class RequestLog {

    /**
     * One logged request.
     * @param method the method name
     * @param idJson the id as JSON text, as sent
     * @param paramsJson the params as compact JSON text ({@code []} when absent or null)
     * @param sourceId the websocket session id, or the HTTP connection number
     */
    public record Entry(String method, @Nullable String idJson, String paramsJson, long sourceId) {
    }

    private final int capacity;

    /** Guards {@link #entries}. */
    private final Object lock = new Object();

    /** The last {@link #capacity} entries, oldest first. Guarded by {@link #lock}. */
    private final Deque<Entry> entries = new ArrayDeque<>();

    /**
     * Creates an empty log.
     * @param capacity how many entries to keep; older ones are dropped
     */
    public RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends an entry, dropping the oldest when full. */
    public void add(Entry entry) {
        synchronized (this.lock) {
            if (this.entries.size() == this.capacity) {
                this.entries.removeFirst();
            }
            this.entries.addLast(entry);
        }
    }

    /** The entries, oldest first. */
    public List<Entry> entries() {
        synchronized (this.lock) {
            return List.copyOf(this.entries);
        }
    }

    /** Forgets every entry. */
    public void clear() {
        synchronized (this.lock) {
            this.entries.clear();
        }
    }
}
