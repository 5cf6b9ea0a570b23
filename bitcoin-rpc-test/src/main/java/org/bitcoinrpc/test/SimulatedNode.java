package org.bitcoinrpc.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.ChainListener;
import org.bitcoinrpc.test.internal.chain.SimulatedChain;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.control.NodeControls;
import org.bitcoinrpc.test.internal.control.RequestLog;
import org.bitcoinrpc.test.internal.rpc.RequestParser;
import org.bitcoinrpc.test.internal.rpc.RpcDispatcher;
import org.bitcoinrpc.test.internal.rpc.RpcException;
import org.bitcoinrpc.test.internal.rpc.RpcMethods;
import org.bitcoinrpc.test.internal.rpc.Subscriptions;
import org.bitcoinrpc.test.internal.rpc.TransactionCommands;
import org.bitcoinrpc.test.internal.server.AcceptedCredentials;
import org.bitcoinrpc.test.internal.server.NodeServer;
import org.bitcoinrpc.test.internal.server.ServerConfig;
import org.bitcoinrpc.test.tls.SelfSignedCertificate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process simulated btcd 0.24.2 node on 127.0.0.1: JSON-RPC over HTTP POST on {@code /} and
 * over the websocket on {@code /ws}, answering byte for byte as btcd does (envelopes, error codes and
 * messages, its HTTP framing and its silences), from an in-memory simnet chain. Its blocks are stamped
 * with the current time by default; {@link Builder#blockTimes} with {@link BlockTimes#fixed()} makes
 * the chain deterministic, hashes included.
 *
 * <pre>{@code
 * try (SimulatedNode node = SimulatedNode.builder().user("user").password("pass").build().start()) {
 *     node.generate(3);
 *     // point a client at node.wsUrl() or node.httpUrl()
 * }
 * }</pre>
 *
 * <p>Commands: {@code getblockcount}, {@code getbestblockhash}, {@code getbestblock},
 * {@code getblockhash}, {@code getblockheader}, {@code getblock}, {@code generate}, {@code uptime},
 * {@code ping}, {@code help}, {@code sendrawtransaction}, {@code decoderawtransaction}, and over the websocket
 * {@code authenticate}, {@code session}, {@code notifyblocks}, {@code stopnotifyblocks},
 * {@code notifynewtransactions}, {@code stopnotifynewtransactions}, {@code notifyspent},
 * {@code stopnotifyspent}, {@code notifyreceived}, {@code stopnotifyreceived}, {@code loadtxfilter}
 * and {@code rescanblocks}. Anything else is -32601 "Method not found".
 *
 * <p>Blocks removed by {@link #disconnectTip()} or {@link #reorg(int)} stay known as stale blocks,
 * as in btcd: {@code getblockheader [hash, false]} and {@code getblock [hash, 0]} answer for them,
 * the verbose forms fail with -32603 "block HASH is not in the main chain".
 *
 * <p>Transactions: {@code sendrawtransaction} (or {@link #submitTransaction}) puts a transaction in
 * the mempool and the next mined block takes it after its coinbase. Any non-empty hex is accepted:
 * bytes that do not decode as a transaction are kept as an opaque one (txid = double SHA-256 of the
 * bytes, no inputs or outputs, so a total amount of 0); real transactions (see
 * {@link SimnetTransactions}) also drive {@code recvtx}, {@code redeemingtx},
 * {@code relevanttxaccepted}, filtered blocks and {@code rescanblocks}. Scripts and inputs are never
 * checked.
 *
 * <p>Test controls ({@link #delay}, {@link #neverAnswer}, {@link #failWith}, {@link #httpStatus},
 * {@link #stubResult}, {@link #dropConnections}, {@link #freezeConnections}, {@link #sendRawText}),
 * request counts and the request log work from any thread and survive {@link #restart()}, as do the
 * chain and the mempool (btcd would lose its mempool). Subscriptions belong to websocket sessions,
 * so they end with them.
 *
 * <p>Cookie authentication ({@link Builder#cookieFile}), as Bitcoin Core does it: each start writes
 * {@code __cookie__:<64 hex>} to the file and accepts only those credentials, a stop deletes the
 * file, and {@link #rotateCookie()} replaces the cookie while running.
 *
 * <p>Thread-safe. Lifecycle methods are serialised by {@link #lifecycleLock}.
 */
public final class SimulatedNode implements AutoCloseable {

    /** The only address the node binds. */
    public static final String HOST = ServerConfig.HOST;

    private static final Logger logger = LoggerFactory.getLogger(SimulatedNode.class);

    private static final int BIND_ATTEMPTS = 100;

    private static final long BIND_RETRY_MILLIS = 50;

    /** The user of Bitcoin Core's cookie. */
    private static final String COOKIE_USER = "__cookie__";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;

    private final String password;

    /** Where the cookie is written, or null when the node uses {@link #user} and {@link #password}. */
    private final @Nullable Path cookieFile;

    /** The cookie's secret since the last start or rotation, or null. Written under {@link #lifecycleLock}. */
    private volatile @Nullable String cookie;

    /** What the server accepts; shared by its runs, replaced on each cookie change. */
    private final AcceptedCredentials credentials;

    private final boolean tls;

    private final int configuredPort;

    private final boolean connectionClose;

    private final SimulatedChain chain;

    private final NodeControls controls = new NodeControls();

    private final RequestParser parser = new RequestParser();

    private final RpcDispatcher dispatcher;

    private final TransactionCommands transactions;

    /** Serialises start, stop, restart and certificate generation. */
    private final Object lifecycleLock = new Object();

    /** The running server, or null when stopped. Written under {@link #lifecycleLock}, read anywhere. */
    private volatile @Nullable NodeServer server;

    /** The port bound by the first start, reused by every later start; 0 before. Guarded by {@link #lifecycleLock}. */
    private int boundPort;

    /** The TLS certificate, made on first need and kept across restarts. Guarded by {@link #lifecycleLock}. */
    private @Nullable SelfSignedCertificate certificate;

    /** Unix time of the last start, which {@code uptime} reports as btcd does. */
    private volatile long startTime;

    private SimulatedNode(Builder builder) {
        this.user = builder.user;
        this.password = builder.password;
        this.cookieFile = builder.cookieFile;
        this.credentials = new AcceptedCredentials(builder.user, builder.password);
        this.tls = builder.tls;
        this.configuredPort = builder.port;
        this.connectionClose = builder.connectionClose;
        this.chain = new SimulatedChain(builder.initialHeight, builder.blockTimes::time);
        this.startTime = Instant.now().getEpochSecond();
        this.transactions = new TransactionCommands(this.chain);
        this.dispatcher = new RpcDispatcher(new RpcMethods(this.chain, () -> this.startTime, this.transactions),
                this.controls);
        this.chain.addListener(new ChainListener() {

            @Override
            public void blocksConnected(List<Block> blocks) {
                NodeServer running = SimulatedNode.this.server;
                if (running != null) {
                    running.blocksConnected(blocks);
                }
            }

            @Override
            public void transactionAccepted(Transaction tx) {
                NodeServer running = SimulatedNode.this.server;
                if (running != null) {
                    running.transactionAccepted(tx);
                }
            }

            @Override
            public void blockDisconnected(Block block) {
                NodeServer running = SimulatedNode.this.server;
                if (running != null) {
                    running.blockDisconnected(block);
                }
            }
        });
    }

    /**
     * A builder with the defaults: user "user", password "pass", plain HTTP, a free port, height 0,
     * btcd framing, blocks stamped with the current time.
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Binds 127.0.0.1 and starts serving: on the configured port the first time (0 picks a free one),
     * on the same port afterwards.
     * @return this node
     * @throws IllegalStateException when already running or the server cannot start
     */
    public SimulatedNode start() {
        synchronized (this.lifecycleLock) {
            if (this.server != null) {
                throw new IllegalStateException("The simulated node is already running on port " + this.boundPort);
            }
            SelfSignedCertificate cert = this.tls ? certificate() : null;
            int port = (this.boundPort != 0) ? this.boundPort : this.configuredPort;
            this.startTime = Instant.now().getEpochSecond();
            if (this.cookieFile != null) {
                // Before listening, as Core: a client never finds the node up with an older cookie on disk.
                writeCookie();
            }
            NodeServer started = startServer(new ServerConfig(port, this.credentials, this.connectionClose, cert));
            this.boundPort = started.port();
            this.server = started;
            logger.info("Simulated btcd node listening on {} and {}", httpUrl(), wsUrl());
            return this;
        }
    }

    /** Starts Jetty, retrying a while when a fixed port is still held (for example, just after a stop). */
    private NodeServer startServer(ServerConfig config) {
        for (int attempt = 1;; attempt++) {
            try {
                return NodeServer.start(config, this.parser, this.dispatcher);
            }
            catch (Exception ex) {
                if (config.port() == 0 || !isBindFailure(ex) || attempt >= BIND_ATTEMPTS) {
                    throw new IllegalStateException("Could not start the simulated node on " + HOST + ":" + config.port(), ex);
                }
                try {
                    Thread.sleep(BIND_RETRY_MILLIS);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for port " + config.port(), ex);
                }
            }
        }
    }

    private static boolean isBindFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops serving: every websocket session and HTTP connection is dropped without a close frame or
     * a response (as btcd does on shutdown), then the port is released. Does nothing when stopped.
     */
    public void stop() {
        synchronized (this.lifecycleLock) {
            NodeServer running = this.server;
            if (running == null) {
                return;
            }
            this.server = null;
            try {
                running.stop();
            }
            catch (Exception ex) {
                throw new IllegalStateException("Could not stop the simulated node", ex);
            }
            finally {
                deleteCookie();
            }
            logger.info("Simulated btcd node on port {} stopped", this.boundPort);
        }
    }

    /** {@link #stop()} then {@link #start()} on the same port; the chain and the controls are kept. */
    public SimulatedNode restart() {
        synchronized (this.lifecycleLock) {
            stop();
            return start();
        }
    }

    /**
     * Writes a new cookie to the cookie file and, from the next request on, accepts only it, on
     * open connections too (websocket sessions already authenticated stay open). As a Bitcoin Core
     * restart seen by a client that was not disconnected.
     * @throws IllegalStateException when the node has no cookie file or is not running
     */
    public void rotateCookie() {
        synchronized (this.lifecycleLock) {
            if (this.cookieFile == null) {
                throw new IllegalStateException("The simulated node has no cookie file; build it with cookieFile(path)");
            }
            if (this.server == null) {
                throw new IllegalStateException("The simulated node is not running, so it has no cookie to rotate");
            }
            writeCookie();
        }
    }

    /**
     * A fresh cookie: written to a temporary file and moved over the cookie file (a reader sees the
     * old or the new one, never a partial one), then accepted. That order matters: a client that
     * was refused always finds the new cookie on disk already. Under {@link #lifecycleLock}.
     */
    private void writeCookie() {
        Path file = Objects.requireNonNull(this.cookieFile);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            // Core writes no newline after the cookie.
            Files.writeString(temporary, COOKIE_USER + ":" + secret, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the cookie file " + file, ex);
        }
        this.cookie = secret;
        this.credentials.set(COOKIE_USER, secret);
    }

    /** Deletes the cookie file, as Core does at shutdown. Under {@link #lifecycleLock}. */
    private void deleteCookie() {
        if (this.cookieFile == null) {
            return;
        }
        try {
            Files.deleteIfExists(this.cookieFile);
        }
        catch (IOException ex) {
            logger.warn("Could not delete the cookie file {}: {}", this.cookieFile, ex.toString());
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the node is serving. */
    public boolean isRunning() {
        return this.server != null;
    }

    // ---------------------------------------------------------------- addresses and credentials

    /**
     * The port: the bound one once started, else the configured one.
     * @throws IllegalStateException when the port is 0 and the node never started
     */
    public int port() {
        synchronized (this.lifecycleLock) {
            int port = (this.boundPort != 0) ? this.boundPort : this.configuredPort;
            if (port == 0) {
                throw new IllegalStateException("The simulated node has not started yet, so it has no port");
            }
            return port;
        }
    }

    /** {@code http://127.0.0.1:PORT/}, or {@code https://} with TLS. */
    public String httpUrl() {
        return (this.tls ? "https" : "http") + "://" + HOST + ":" + port() + "/";
    }

    /** {@code ws://127.0.0.1:PORT/ws}, or {@code wss://} with TLS. */
    public String wsUrl() {
        return (this.tls ? "wss" : "ws") + "://" + HOST + ":" + port() + "/ws";
    }

    /** The RPC user: {@code __cookie__} with a cookie file. */
    public String user() {
        return (this.cookieFile != null) ? COOKIE_USER : this.user;
    }

    /**
     * The RPC password: with a cookie file, the current cookie's secret.
     * @throws IllegalStateException with a cookie file, before the first start
     */
    public String password() {
        if (this.cookieFile == null) {
            return this.password;
        }
        String current = this.cookie;
        if (current == null) {
            throw new IllegalStateException("The simulated node has not started yet, so it has no cookie");
        }
        return current;
    }

    /** The cookie file, or null when the node uses a fixed user and password. */
    public @Nullable Path cookieFile() {
        return this.cookieFile;
    }

    /** Whether the node serves TLS. */
    public boolean isTls() {
        return this.tls;
    }

    /** Whether replies use btcd's framing ({@code Connection: close}, no Content-Length). */
    public boolean isConnectionClose() {
        return this.connectionClose;
    }

    /**
     * The PEM text of the node's self-signed certificate (as btcd's {@code rpc.cert}), made on first
     * call and kept for the node's life.
     * @throws IllegalStateException when the node does not use TLS
     */
    public String certificatePem() {
        if (!this.tls) {
            throw new IllegalStateException("The simulated node does not use TLS; build it with tls(true)");
        }
        return certificate().certificatePem();
    }

    /**
     * The node's certificate and key store.
     * @throws IllegalStateException when the node does not use TLS
     */
    public SelfSignedCertificate certificate() {
        if (!this.tls) {
            throw new IllegalStateException("The simulated node does not use TLS; build it with tls(true)");
        }
        synchronized (this.lifecycleLock) {
            if (this.certificate == null) {
                this.certificate = SelfSignedCertificate.generate(HOST, HOST);
            }
            return this.certificate;
        }
    }

    // ---------------------------------------------------------------- chain

    /**
     * Mines {@code count} blocks without any RPC, sending the same notifications as {@code generate}.
     * @param count how many blocks, 1 or more
     * @return their hashes, lowest first
     */
    public List<String> generate(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be 1 or more, was " + count);
        }
        List<String> hashes = new ArrayList<>(count);
        for (Block block : this.chain.generate(count)) {
            hashes.add(block.hash());
        }
        return hashes;
    }

    /** The chain height, as {@code getblockcount} reports it. */
    public int blockCount() {
        return this.chain.height();
    }

    /** The tip's hash, as {@code getbestblockhash} reports it. */
    public String bestBlockHash() {
        return this.chain.tip().hash();
    }

    /**
     * Removes the tip block, as {@code invalidateblock} of the tip would: its transactions but the
     * coinbase go back to the mempool (without mempool notifications, as in btcd), and sessions that
     * asked with {@code notifyblocks} get {@code blockdisconnected [hash, height, time]} then
     * {@code filteredblockdisconnected [height, header]} (fixture {@code ws-blockdisconnected}). A
     * block mined later at that height differs from the removed one. The removed block stays known
     * as a stale block, as in btcd (see {@link #reorg}).
     * @return the removed block's hash
     * @throws IllegalStateException when only the genesis block is left
     */
    public String disconnectTip() {
        return this.chain.disconnectTip().hash();
    }

    /**
     * Reorganises the chain as a competing branch with more work would: the top {@code depth}
     * blocks are replaced by {@code depth + 1} new ones (other hashes: each gets another extra
     * nonce in its coinbase). Sessions that asked with {@code notifyblocks} get, as from btcd, the
     * disconnect notifications of each removed block, newest first, then the connect notifications
     * of each new block, oldest first. The removed blocks' transactions but the coinbases go back
     * to the mempool and into the first new block. No reader sees the chain half way.
     *
     * <p>The removed blocks stay known as stale blocks, answered as btcd 0.24 answers for a block
     * off its main chain: {@code getblockheader [hash, false]} and {@code getblock [hash, 0]} give
     * the header and the block, while the verbose forms fail with -32603 "block HASH is not in the
     * main chain"; {@code getblockhash} gives the new branch's hashes.
     * @param depth how many blocks to replace, 1 or more and below the height
     * @return the new blocks' hashes, lowest first
     * @throws IllegalArgumentException when {@code depth} is below 1 or not below the height
     */
    public List<String> reorg(int depth) {
        List<String> hashes = new ArrayList<>();
        for (Block block : this.chain.reorg(depth)) {
            hashes.add(block.hash());
        }
        return hashes;
    }

    /**
     * Puts a transaction in the mempool exactly as {@code sendrawtransaction} does, notifications
     * included.
     * @param hex the serialized transaction (any non-empty hex; see the class comment)
     * @return the txid
     * @throws IllegalArgumentException when {@code hex} is empty or not hex
     * @throws IllegalStateException when the txid is already in the mempool or the chain (message as
     *         btcd's, for example "TX rejected: already have transaction in mempool TXID")
     */
    public String submitTransaction(String hex) {
        Objects.requireNonNull(hex, "hex");
        try {
            return this.transactions.submit(hex);
        }
        catch (RpcException ex) {
            if (ex.code() == RpcException.DECODE_HEX) {
                throw new IllegalArgumentException(ex.getMessage(), ex);
            }
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    /** The number of transactions waiting in the mempool. */
    public int mempoolSize() {
        return this.chain.mempoolSize();
    }

    /**
     * The hash of the block at {@code height}.
     * @throws IllegalArgumentException when there is no such block
     */
    public String blockHash(int height) {
        Block block = this.chain.blockAt(height);
        if (block == null) {
            throw new IllegalArgumentException("No block at height " + height + "; the tip is at " + this.chain.height());
        }
        return block.hash();
    }

    /**
     * The timestamp (Unix seconds) of the block at {@code height}, as its header and every reply
     * carry it: what {@link Builder#blockTimes} gave it.
     * @throws IllegalArgumentException when there is no such block
     */
    public long blockTime(int height) {
        Block block = this.chain.blockAt(height);
        if (block == null) {
            throw new IllegalArgumentException("No block at height " + height + "; the tip is at " + this.chain.height());
        }
        return block.time();
    }

    /**
     * The hashes of the best chain from {@code fromHeight} to the tip, lowest first: what a follower
     * of the chain that stood at {@code fromHeight - 1} should deliver.
     * @throws IllegalArgumentException when {@code fromHeight} is negative
     */
    public List<String> blockHashes(int fromHeight) {
        if (fromHeight < 0) {
            throw new IllegalArgumentException("fromHeight must not be negative, was " + fromHeight);
        }
        List<String> hashes = new ArrayList<>();
        for (int height = fromHeight; height <= this.chain.height(); height++) {
            hashes.add(blockHash(height));
        }
        return hashes;
    }

    // ---------------------------------------------------------------- test controls

    /**
     * Abruptly closes every websocket session (no close frame), frozen ones included, and every open
     * HTTP connection (no response), including requests held by {@link #neverAnswer}. The node keeps
     * listening.
     */
    public void dropConnections() {
        NodeServer running = this.server;
        if (running != null) {
            running.dropConnections();
        }
    }

    /**
     * Makes every currently open websocket session half-open: it keeps its TCP connection (until
     * {@link #dropConnections()}, a stop or the client's close) but goes silent for good, as a peer
     * that vanished would. It answers no ping (no pong), no request (they are neither executed nor
     * counted nor logged) and no close frame, and gets no notification; frames still queued are
     * dropped. Sessions opened later are normal. HTTP connections are not affected.
     */
    public void freezeConnections() {
        NodeServer running = this.server;
        if (running != null) {
            running.freezeConnections();
        }
    }

    /** Executes and answers {@code method} only after {@code delay} (zero removes the delay). */
    public void delay(String method, Duration delay) {
        this.controls.delay(requireMethod(method), Objects.requireNonNull(delay, "delay"));
    }

    /**
     * Never answers {@code method}: over HTTP the connection stays open without a response (until
     * {@link #dropConnections()} or a stop), over the websocket the request is ignored.
     */
    public void neverAnswer(String method) {
        this.controls.neverAnswer(requireMethod(method));
    }

    /** Answers {@code method} with this JSON-RPC error (HTTP 200, as btcd). */
    public void failWith(String method, int code, String message) {
        this.controls.failWith(requireMethod(method), code, Objects.requireNonNull(message, "message"));
    }

    /**
     * Answers {@code method} over HTTP with this status and body instead of JSON-RPC (content type
     * {@code application/json} when the body starts with { or [, else {@code text/plain}). The
     * websocket ignores this control.
     */
    public void httpStatus(String method, int status, String body) {
        this.controls.httpStatus(requireMethod(method), status, Objects.requireNonNull(body, "body"));
    }

    /**
     * Answers {@code method} with {@code rawJsonResult} as the {@code result}, inserted verbatim (it
     * is not checked, so it may be tens of megabytes or even invalid on purpose).
     */
    public void stubResult(String method, String rawJsonResult) {
        this.controls.stubResult(requireMethod(method), Objects.requireNonNull(rawJsonResult, "rawJsonResult"));
    }

    /** Sends {@code text} as a text frame to every open websocket session, authenticated or not. */
    public void sendRawText(String text) {
        Objects.requireNonNull(text, "text");
        NodeServer running = this.server;
        if (running != null) {
            running.sendRawText(text);
        }
    }

    /**
     * How many requests for {@code method} the node received and executed or deliberately left
     * unanswered (batch elements count one each; requests btcd ignores, such as those without an id,
     * do not count).
     */
    public long requestCount(String method) {
        return this.controls.requestCount(method);
    }

    /**
     * Waits until no request for {@code method} has arrived for {@code quiet}: for example until a
     * client that was woken has looked at the chain and gone idle, so that what happens next is
     * not seen by that look.
     * @return true once quiet, false if requests kept coming until {@code timeout}
     */
    public boolean awaitQuiet(String method, Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = requestCount(method);
        long since = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            long now = System.nanoTime();
            long current = requestCount(method);
            if (current != count) {
                count = current;
                since = now;
            }
            else if (now - since >= quiet.toNanos()) {
                return true;
            }
            if (now - deadline > 0) {
                return false;
            }
        }
    }

    /** The sum of {@link #requestCount} over all methods. */
    public long totalRequests() {
        return this.controls.totalRequests();
    }

    /**
     * Every request the node executed or deliberately left unanswered, oldest first: the same
     * requests {@link #requestCount} counts, each with its id, params and session or connection. Only
     * the last {@value NodeControls#MAX_LOGGED_REQUESTS} are kept; {@link #resetCounts()} empties it.
     */
    public List<ReceivedRequest> receivedRequests() {
        List<RequestLog.Entry> entries = this.controls.requests();
        List<ReceivedRequest> requests = new ArrayList<>(entries.size());
        for (RequestLog.Entry entry : entries) {
            requests.add(new ReceivedRequest(entry.method(), Objects.requireNonNullElse(entry.idJson(), "null"),
                    entry.paramsJson(), entry.sourceId()));
        }
        return requests;
    }

    /** The number of open websocket sessions, frozen ones included. */
    public int openWebSocketSessions() {
        NodeServer running = this.server;
        return (running != null) ? running.openWebSocketSessions() : 0;
    }

    /** The number of open websocket sessions made silent by {@link #freezeConnections()}. */
    public int frozenWebSocketSessions() {
        NodeServer running = this.server;
        return (running != null) ? running.frozenWebSocketSessions() : 0;
    }

    /**
     * For each subscription kind ({@code notifyblocks}, {@code notifynewtransactions},
     * {@code notifyspent}, {@code notifyreceived}, {@code loadtxfilter}, in that order, all present),
     * how many open websocket sessions hold it. Frozen sessions ({@link #freezeConnections()}) are
     * left out, as dead. A session holds {@code notifyblocks} and {@code notifynewtransactions} until
     * the matching {@code stop...}, {@code notifyspent} and {@code notifyreceived} while at least one
     * outpoint or address they registered is still watched, and {@code loadtxfilter} once it loaded a
     * filter.
     */
    public Map<String, Integer> subscriptionCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Subscriptions.KINDS.forEach(kind -> counts.put(kind, 0));
        for (Subscriptions.Snapshot session : liveSubscriptions()) {
            session.kinds().forEach(kind -> counts.merge(kind, 1, Integer::sum));
        }
        return counts;
    }

    /** The subscription kinds (see {@link #subscriptionCounts()}) of each open, not frozen session. */
    public List<Set<String>> sessionSubscriptions() {
        List<Set<String>> sessions = new ArrayList<>();
        for (Subscriptions.Snapshot session : liveSubscriptions()) {
            sessions.add(session.kinds());
        }
        return sessions;
    }

    /**
     * The outpoints watched, summed over the open, not frozen sessions: those registered with
     * {@code notifyspent} (until a mined spend or {@code stopnotifyspent}), the outputs that paid a
     * {@code notifyreceived} address (btcd watches them for spending), and those of the
     * {@code loadtxfilter} filters (including outputs that paid a filter address).
     */
    public int watchedOutpoints() {
        return liveSubscriptions().stream().mapToInt(Subscriptions.Snapshot::watchedOutpoints).sum();
    }

    /**
     * The addresses watched, summed over the open, not frozen sessions: those of
     * {@code notifyreceived} and those of the {@code loadtxfilter} filters (which, as btcd, keep only
     * valid simnet addresses).
     */
    public int watchedAddresses() {
        return liveSubscriptions().stream().mapToInt(Subscriptions.Snapshot::watchedAddresses).sum();
    }

    private List<Subscriptions.Snapshot> liveSubscriptions() {
        NodeServer running = this.server;
        return (running != null) ? running.liveSubscriptions() : List.of();
    }

    /** Removes every delay, never-answer, failure, HTTP status and stub. Counts are kept. */
    public void resetControls() {
        this.controls.reset();
    }

    /** Sets every request count back to zero and empties {@link #receivedRequests()}. */
    public void resetCounts() {
        this.controls.resetCounts();
    }

    private static String requireMethod(String method) {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("method must not be empty");
        }
        return method;
    }

    @Override
    public String toString() {
        NodeServer running = this.server;
        return "SimulatedNode[" + (running != null ? httpUrl() : "stopped") + ", height=" + this.chain.height() + "]";
    }

    /**
     * Configures a {@link SimulatedNode}. Not thread-safe; {@link #build()} may be called more than
     * once, each call making an independent node.
     */
    public static final class Builder {

        private String user = "user";

        private String password = "pass";

        private boolean tls;

        private int port;

        private int initialHeight;

        private boolean connectionClose = true;

        private @Nullable Path cookieFile;

        private BlockTimes blockTimes = BlockTimes.wallClock();

        private Builder() {
        }

        /** The RPC user (default "user"); must not contain ':'. */
        public Builder user(String user) {
            Objects.requireNonNull(user, "user");
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("user must not contain ':'");
            }
            this.user = user;
            return this;
        }

        /** The RPC password (default "pass"). */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Whether to serve TLS with a fresh self-signed certificate for 127.0.0.1 (default false). */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one at the first start. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** How many blocks to mine on top of genesis before starting (default 0). */
        public Builder initialHeight(int initialHeight) {
            if (initialHeight < 0) {
                throw new IllegalArgumentException("initialHeight must be 0 or more, was " + initialHeight);
            }
            this.initialHeight = initialHeight;
            return this;
        }

        /**
         * Whether every HTTP reply carries {@code Connection: close} and ends by closing the connection
         * without a Content-Length, as btcd does (default true). False gives ordinary keep-alive
         * replies with a Content-Length, to test keep-alive clients.
         */
        public Builder connectionClose(boolean connectionClose) {
            this.connectionClose = connectionClose;
            return this;
        }

        /**
         * Authenticates as Bitcoin Core with a cookie: each start writes {@code __cookie__:<64 hex>}
         * to {@code cookieFile} (its directory must exist) and accepts only that, instead of user and
         * password; each stop deletes the file. Null (the default) uses user and password.
         */
        public Builder cookieFile(@Nullable Path cookieFile) {
            this.cookieFile = cookieFile;
            return this;
        }

        /**
         * How mined blocks are stamped (default {@link BlockTimes#wallClock()}: the current time, so
         * a block's age reads true). {@link BlockTimes#fixed()} makes the chain, hashes included, the
         * same in every run: for tests that compare hashes across nodes or restarts or assert exact
         * times. Also stamps the {@link #initialHeight} blocks.
         */
        public Builder blockTimes(BlockTimes blockTimes) {
            this.blockTimes = Objects.requireNonNull(blockTimes, "blockTimes");
            return this;
        }

        /** A new, not yet started node. */
        public SimulatedNode build() {
            return new SimulatedNode(this);
        }
    }
}
