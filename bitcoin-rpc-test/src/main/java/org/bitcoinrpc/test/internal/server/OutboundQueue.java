package org.bitcoinrpc.test.internal.server;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends a session's text frames one at a time, in the order they were queued, from any thread
 * (Jetty allows one outstanding send per session). Nothing blocks: a send completing starts the
 * next one, and sends that complete at once are looped rather than recursed.
 */
final class OutboundQueue {

    private final Session session;

    /** Guards {@link #queue}, {@link #sending} and {@link #closed}. Never held while calling Jetty. */
    private final Object lock = new Object();

    /** Frames waiting to be sent. Guarded by {@link #lock}. */
    private final Queue<String> queue = new ArrayDeque<>();

    /** Whether a drain loop owns the session's send side. Guarded by {@link #lock}. */
    private boolean sending;

    /** Set after a send failed or by {@link #discard()}; later frames are discarded. Guarded by {@link #lock}. */
    private boolean closed;

    OutboundQueue(Session session) {
        this.session = session;
    }

    /** Queues {@code text} as one text frame. */
    void send(String text) {
        synchronized (this.lock) {
            if (this.closed) {
                return;
            }
            this.queue.add(text);
            if (this.sending) {
                return;
            }
            this.sending = true;
        }
        drain();
    }

    /** Runs while this thread owns {@link #sending}; returns when the queue is empty or a send is pending. */
    private void drain() {
        while (true) {
            String next;
            synchronized (this.lock) {
                next = this.queue.poll();
                if (next == null || this.closed) {
                    this.sending = false;
                    return;
                }
            }
            SendCallback callback = new SendCallback();
            this.session.sendText(next, callback);
            if (!callback.returnedBeforeCompletion()) {
                continue;
            }
            return;
        }
    }

    /** Drops the waiting frames and every later one (a send already handed to Jetty still completes). */
    void discard() {
        failed();
    }

    private void failed() {
        synchronized (this.lock) {
            this.closed = true;
            this.queue.clear();
            this.sending = false;
        }
    }

    /**
     * Tells whether the send completed before {@code sendText} returned (then the drain loop goes on)
     * or after (then the completion goes on draining).
     */
    private final class SendCallback implements Callback {

        private static final int PENDING = 0;

        private static final int COMPLETED_INLINE = 1;

        private static final int RETURNED = 2;

        private final AtomicInteger state = new AtomicInteger(PENDING);

        /** Called by the drain loop after {@code sendText} returned; true when the send is still pending. */
        boolean returnedBeforeCompletion() {
            return this.state.compareAndSet(PENDING, RETURNED);
        }

        @Override
        public void succeed() {
            if (!this.state.compareAndSet(PENDING, COMPLETED_INLINE)) {
                drain();
            }
        }

        @Override
        public void fail(Throwable cause) {
            this.state.set(COMPLETED_INLINE);
            failed();
        }
    }
}
