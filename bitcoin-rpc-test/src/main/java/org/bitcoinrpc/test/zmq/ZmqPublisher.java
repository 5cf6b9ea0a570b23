package org.bitcoinrpc.test.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import tools.jackson.databind.JsonNode;

/**
 * Publishes ZMQ messages exactly as Bitcoin Core does, for testing subscribers: one publishing
 * socket per topic, bound on {@code 127.0.0.1} to a free port (like
 * {@code -zmqpubhashblock=tcp://127.0.0.1:28332}), three frames per message (topic, body, 4-byte
 * little-endian sequence number), and a sequence number per topic starting at 0.
 * <p>
 * Bodies follow Core 31.0 as recorded in {@code fixtures/core/zmq-*.json}: {@code hashblock} and
 * {@code hashtx} carry the 32-byte hash in RPC (display) order, the same hex that
 * {@code getblockhash} returns; {@code sequence} carries the hash in RPC order, a label byte, and
 * for {@code A}/{@code R} the mempool sequence as uint64 little-endian.
 * <p>
 * Loss and outages: {@link #skip} and {@link #drop} use sequence numbers without sending, as when
 * a subscriber misses messages; {@link #stop()} and {@link #start()} close and re-bind the sockets
 * on the same ports, so a subscriber sees the connection drop and come back. The sockets are XPUB
 * rather than PUB (identical on the wire to a SUB socket) so that {@link #awaitSubscribed} can tell
 * when a subscription has arrived: a SUB socket only gets messages published after that (ZMQ's
 * "slow joiner"). A jeromq SUB socket should use a short {@code setHandshakeIvl} (say 500 ms):
 * jeromq 0.6.0 sometimes never starts the handshake of a fresh connection (zeromq/jeromq PR
 * #1022) and would otherwise stay deaf for its 30-second default.
 * <p>
 * Thread-safe: every method holds one lock, which also hands the (not thread-safe) ZMQ sockets from
 * caller to caller.
 */
public final class ZmqPublisher implements AutoCloseable {

    /** Core's topics. */
    public static final List<String> TOPICS = List.of("hashblock", "hashtx", "rawblock", "rawtx", "sequence");

    private static final HexFormat HEX = HexFormat.of();

    private static final AtomicLong instances = new AtomicLong();

    private static final long MASK = 0xFFFF_FFFFL;

    private final String name = "zmq-publisher-" + instances.incrementAndGet();

    /** The port of each topic, fixed by the first bind. Read-only after construction. */
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    /** Guards every field below and every use of the sockets. */
    private final Object lock = new Object();

    /** Next sequence number per topic (uint32). Guarded by {@link #lock}. */
    private final Map<String, Long> sequences = new HashMap<>();

    /** Messages still to swallow per topic ({@link #drop}). Guarded by {@link #lock}. */
    private final Map<String, Integer> drops = new HashMap<>();

    /** Topics whose socket has received a subscription since the last (re)start. Guarded by {@link #lock}. */
    private final Map<String, Boolean> subscribed = new HashMap<>();

    /** Guarded by {@link #lock}; {@code null} while stopped. */
    private @Nullable ZContext context;

    /** Guarded by {@link #lock}; empty while stopped. */
    private final Map<String, ZMQ.Socket> sockets = new HashMap<>();

    private boolean closed;

    /** Binds all five topics, each on its own free port. */
    public ZmqPublisher() {
        this(TOPICS);
    }

    /** Binds the given topics, each on its own free port. */
    public ZmqPublisher(List<String> topics) {
        Objects.requireNonNull(topics, "topics must not be null");
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("topics must not be empty");
        }
        for (String topic : topics) {
            if (!TOPICS.contains(topic)) {
                throw new IllegalArgumentException("Unknown topic '" + topic + "', expected one of " + TOPICS);
            }
            this.ports.put(topic, 0);
            this.sequences.put(topic, 0L);
        }
        synchronized (this.lock) {
            bind();
        }
    }

    /** The endpoint of a topic, e.g. {@code tcp://127.0.0.1:40123}; stays the same across stop/start. */
    public String endpoint(String topic) {
        return "tcp://127.0.0.1:" + port(topic);
    }

    public int port(String topic) {
        Integer port = this.ports.get(topic);
        if (port == null) {
            throw new IllegalArgumentException("Topic '" + topic + "' is not published here; topics: " + this.ports.keySet());
        }
        return port;
    }

    /** The sequence number the next message of a topic will carry. */
    public long nextSequence(String topic) {
        port(topic);
        synchronized (this.lock) {
            return this.sequences.get(topic);
        }
    }

    /** {@code hashblock}: a block hash as RPC shows it (64 hex digits); sent in that order, as Core does. */
    public void publishHashBlock(String rpcHash) {
        publish("hashblock", hash(rpcHash));
    }

    /** {@code hashtx}: a txid as RPC shows it. */
    public void publishHashTx(String rpcTxid) {
        publish("hashtx", hash(rpcTxid));
    }

    /** {@code rawtx}: a serialized transaction. */
    public void publishRawTx(byte[] transaction) {
        publish("rawtx", transaction.clone());
    }

    /** {@code rawblock}: a serialized block. */
    public void publishRawBlock(byte[] block) {
        publish("rawblock", block.clone());
    }

    /**
     * {@code sequence}: a hash as RPC shows it and a label, {@code C}/{@code D} (block connected or
     * disconnected; {@code mempoolSeq} must be {@code null}) or {@code A}/{@code R} (mempool add or
     * remove; {@code mempoolSeq} required).
     */
    public void publishSequence(String rpcHash, char label, @Nullable Long mempoolSeq) {
        byte[] hash = hash(rpcHash);
        byte[] body;
        switch (label) {
            case 'C', 'D' -> {
                if (mempoolSeq != null) {
                    throw new IllegalArgumentException("Label " + label + " carries no mempool sequence");
                }
                body = Arrays.copyOf(hash, 33);
            }
            case 'A', 'R' -> {
                if (mempoolSeq == null) {
                    throw new IllegalArgumentException("Label " + label + " needs a mempool sequence");
                }
                body = Arrays.copyOf(hash, 41);
                for (int i = 0; i < 8; i++) {
                    body[33 + i] = (byte) (mempoolSeq >>> (8 * i));
                }
            }
            default -> throw new IllegalArgumentException("Label must be C, D, A or R, was " + label);
        }
        body[32] = (byte) label;
        publish("sequence", body);
    }

    /**
     * Publishes one message of a capture ({@code {"topic","body_hex","seq_le_hex","seq"}} from
     * {@code fixtures/core/zmq-*.json}) with its frames exactly as recorded, sequence frame
     * included. The topic's counter continues after the replayed number.
     */
    public void replay(JsonNode captureMessage) {
        String topic = captureMessage.get("topic").asString();
        byte[] body = HEX.parseHex(captureMessage.get("body_hex").asString());
        byte[] seq = HEX.parseHex(captureMessage.get("seq_le_hex").asString());
        port(topic);
        synchronized (this.lock) {
            long number = (seq.length == 4) ? littleEndian(seq) : captureMessage.get("seq").asLong();
            this.sequences.put(topic, (number + 1) & MASK);
            send(topic, body, seq);
        }
    }

    /**
     * Sends arbitrary frames on a topic's socket, without touching its sequence number: for
     * malformed messages (wrong frame count, short body).
     */
    public void publishFrames(String topic, byte[]... frames) {
        port(topic);
        if (frames.length == 0) {
            throw new IllegalArgumentException("At least one frame is needed");
        }
        synchronized (this.lock) {
            ZMQ.Socket socket = socket(topic);
            if (socket == null) {
                return;
            }
            for (int i = 0; i < frames.length; i++) {
                socket.send(frames[i], (i < frames.length - 1) ? ZMQ.SNDMORE : 0);
            }
        }
    }

    /** Uses the next {@code n} sequence numbers of a topic without publishing: {@code n} lost messages. */
    public void skip(String topic, int n) {
        port(topic);
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        synchronized (this.lock) {
            this.sequences.put(topic, (this.sequences.get(topic) + n) & MASK);
        }
    }

    /** Swallows the next message published on a topic; its sequence number is used all the same. */
    public void drop(String topic) {
        port(topic);
        synchronized (this.lock) {
            this.drops.merge(topic, 1, Integer::sum);
        }
    }

    /** Starts every topic's sequence again at 0, as a restarted node does. */
    public void resetSequences() {
        synchronized (this.lock) {
            this.sequences.replaceAll((topic, seq) -> 0L);
        }
    }

    /**
     * Waits until a subscriber's subscription to {@code topic} reached the socket since it was
     * last (re)started; after that, messages on the topic reach that subscriber. Note that after a
     * {@link #stop()}/{@link #start()} a SUB socket sends its subscription again only when its
     * owner next uses it (polls or receives), as ZMQ sockets act on their owner's thread.
     */
    public boolean awaitSubscribed(String topic, Duration timeout) {
        port(topic);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (this.lock) {
                ZMQ.Socket socket = socket(topic);
                if (socket != null) {
                    readSubscriptions(topic, socket);
                }
                if (this.subscribed.getOrDefault(topic, false)) {
                    return true;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /**
     * Closes the sockets, as a node shutting down its ZMQ interface does. Publishing while stopped
     * uses sequence numbers and sends nothing (messages lost during the outage).
     */
    public void stop() {
        synchronized (this.lock) {
            unbind();
        }
    }

    /** Binds the sockets again on the same ports. Sequence numbers continue unless {@link #resetSequences()}. */
    public void start() {
        synchronized (this.lock) {
            if (this.closed) {
                throw new IllegalStateException("The publisher is closed");
            }
            if (this.context == null) {
                bind();
            }
        }
    }

    public boolean isRunning() {
        synchronized (this.lock) {
            return this.context != null;
        }
    }

    /** Prefix of the names of the ZMQ threads this publisher starts. */
    public String threadName() {
        return this.name;
    }

    /** Closes the sockets and ends the ZMQ threads. Idempotent. */
    @Override
    public void close() {
        synchronized (this.lock) {
            this.closed = true;
            unbind();
        }
    }

    private void publish(String topic, byte[] body) {
        port(topic);
        synchronized (this.lock) {
            long seq = this.sequences.get(topic);
            this.sequences.put(topic, (seq + 1) & MASK);
            int pending = this.drops.getOrDefault(topic, 0);
            if (pending > 0) {
                this.drops.put(topic, pending - 1);
                return;
            }
            send(topic, body, new byte[] { (byte) seq, (byte) (seq >>> 8), (byte) (seq >>> 16), (byte) (seq >>> 24) });
        }
    }

    /** Holding the lock. */
    private void send(String topic, byte[] body, byte[] seq) {
        ZMQ.Socket socket = socket(topic);
        if (socket == null) {
            return;
        }
        socket.sendMore(topic.getBytes(StandardCharsets.US_ASCII));
        socket.sendMore(body);
        socket.send(seq, 0);
    }

    /** Holding the lock. */
    private ZMQ.@Nullable Socket socket(String topic) {
        return this.sockets.get(topic);
    }

    /** Holding the lock: reads the (un)subscription messages waiting on a topic's XPUB socket. */
    private void readSubscriptions(String topic, ZMQ.Socket socket) {
        byte[] message;
        while ((message = socket.recv(ZMQ.DONTWAIT)) != null) {
            if (message.length > 0) {
                String subject = new String(message, 1, message.length - 1, StandardCharsets.US_ASCII);
                if (topic.startsWith(subject)) {
                    this.subscribed.put(topic, message[0] == 1);
                }
            }
        }
    }

    /** Holding the lock. */
    private void bind() {
        ZContext created = new ZContext(1);
        created.setLinger(0);
        created.setThreadFactor((runnable, threadName) -> {
            Thread thread = new Thread(runnable, this.name + "-" + threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Map.Entry<String, Integer> entry : this.ports.entrySet()) {
                ZMQ.Socket socket = created.createSocket(SocketType.XPUB);
                socket.setLinger(0);
                socket.setXpubVerbose(true);
                if (entry.getValue() == 0) {
                    // Port 0: the system picks a free one, which cannot collide with another listener.
                    if (!socket.bind("tcp://127.0.0.1:*")) {
                        throw new IllegalStateException("Cannot bind a ZMQ socket on 127.0.0.1 for " + entry.getKey());
                    }
                    String bound = socket.getLastEndpoint();
                    entry.setValue(Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1)));
                }
                else {
                    bindAgain(socket, entry.getValue());
                }
                this.sockets.put(entry.getKey(), socket);
                this.subscribed.put(entry.getKey(), false);
            }
        }
        catch (RuntimeException ex) {
            this.sockets.clear();
            created.close();
            throw ex;
        }
        this.context = created;
    }

    /** The old listener is closed by then, but the port may need a moment to be free again. */
    private static void bindAgain(ZMQ.Socket socket, int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                if (socket.bind("tcp://127.0.0.1:" + port)) {
                    return;
                }
            }
            catch (ZMQException ex) {
                if (System.nanoTime() - deadline > 0) {
                    throw ex;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Cannot bind a ZMQ socket on 127.0.0.1:" + port + " again");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** Holding the lock. */
    private void unbind() {
        ZContext current = this.context;
        this.context = null;
        this.sockets.clear();
        this.subscribed.replaceAll((topic, seen) -> false);
        if (current != null) {
            current.close();
        }
    }

    private static byte[] hash(String rpcHash) {
        Objects.requireNonNull(rpcHash, "hash must not be null");
        if (rpcHash.length() != 64) {
            throw new IllegalArgumentException("A hash must be 64 hex digits, was '" + rpcHash + "'");
        }
        return HEX.parseHex(rpcHash);
    }

    private static long littleEndian(byte[] seq) {
        return (seq[0] & 0xffL) | (seq[1] & 0xffL) << 8 | (seq[2] & 0xffL) << 16 | (seq[3] & 0xffL) << 24;
    }

}
