package org.bitcoinrpc.test.internal.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.rpc.RequestParser;
import org.bitcoinrpc.test.internal.rpc.RpcDispatcher;
import org.bitcoinrpc.test.internal.rpc.Subscriptions;
import org.bitcoinrpc.test.tls.SelfSignedCertificate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * One run of the simulated node's Jetty server on 127.0.0.1: HTTP POST JSON-RPC on every path but
 * {@code /ws}, the websocket on {@code /ws}, plain or TLS. Built and started by {@link #start}, then
 * {@link #stop}ped once; a restart builds a new one. Thread-safe.
 */
public final class NodeServer {

    /** How long an idle connection (or a request held by {@code neverAnswer}) may stay open. */
    private static final Duration IDLE_TIMEOUT = Duration.ofHours(1);

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Server server;

    private final ServerConnector connector;

    private final ScheduledExecutorService scheduler;

    private final WebSocketClients clients;

    private final ConnectionTracker tracker;

    private final HeldRequests held;

    private NodeServer(Server server, ServerConnector connector, ScheduledExecutorService scheduler,
            WebSocketClients clients, ConnectionTracker tracker, HeldRequests held) {
        this.server = server;
        this.connector = connector;
        this.scheduler = scheduler;
        this.clients = clients;
        this.tracker = tracker;
        this.held = held;
    }

    /**
     * Builds and starts a server.
     * @param config where and how to listen
     * @param parser the request decoder
     * @param dispatcher the request executor
     * @return the running server
     * @throws Exception when Jetty cannot start (for example, the port is taken)
     */
    public static NodeServer start(ServerConfig config, RequestParser parser, RpcDispatcher dispatcher)
            throws Exception {
        int run = RUNS.incrementAndGet();
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("simnode-" + run);
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopTimeout(0);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(false);
        http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);

        ServerConnector connector;
        SelfSignedCertificate certificate = config.certificate();
        if (certificate != null) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(certificate.keyStorePath().toString());
            tls.setKeyStorePassword(certificate.keyStorePassword());
            tls.setKeyStoreType(SelfSignedCertificate.KEY_STORE_TYPE);
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            tls.setSniRequired(false);
            connector = new ServerConnector(server, new SslConnectionFactory(tls, httpFactory.getProtocol()), httpFactory);
        }
        else {
            connector = new ServerConnector(server, httpFactory);
        }
        connector.setHost(ServerConfig.HOST);
        connector.setPort(config.port());
        connector.setReuseAddress(true);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        ConnectionTracker tracker = new ConnectionTracker();
        connector.addBean(tracker);
        server.addConnector(connector);

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("simnode-" + run + "-delays"));
        AcceptedCredentials auth = config.credentials();
        HttpWriter writer = new HttpWriter(config.connectionClose());
        WebSocketClients clients = new WebSocketClients();
        HeldRequests held = new HeldRequests();

        WebSocketUpgradeHandler webSocket = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(ServerConfig.MAX_MESSAGE_BYTES);
            container.setMaxBinaryMessageSize(ServerConfig.MAX_MESSAGE_BYTES);
            // gorilla writes each message as one frame, whatever its size; so does this node.
            container.setMaxFrameSize(ServerConfig.MAX_MESSAGE_BYTES);
            container.setIdleTimeout(IDLE_TIMEOUT);
            container.addMapping(AuthGate.WS_PATH, (request, response, callback) -> {
                // btcd (gorilla) negotiates no extension: the 101 carries only Upgrade, Connection and
                // Sec-WebSocket-Accept.
                response.setExtensions(List.of());
                boolean byHeader = request.getHeaders().get(HttpHeader.AUTHORIZATION) != null;
                return new WebSocketRpcEndpoint(parser, dispatcher, auth, clients, scheduler, byHeader);
            });
        });
        webSocket.setHandler(new HttpRpcHandler(parser, dispatcher, writer, held, scheduler));
        server.setHandler(new AuthGate(auth, writer, webSocket));
        try {
            server.start();
        }
        catch (Exception ex) {
            scheduler.shutdownNow();
            try {
                server.stop();
            }
            catch (Exception suppressed) {
                ex.addSuppressed(suppressed);
            }
            throw ex;
        }
        return new NodeServer(server, connector, scheduler, clients, tracker, held);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The bound port. */
    public int port() {
        return this.connector.getLocalPort();
    }

    /** Sends block notifications to the subscribed websocket sessions. */
    public void blocksConnected(List<Block> blocks) {
        this.clients.blocksConnected(blocks);
    }

    /** Sends block-disconnected notifications to the subscribed websocket sessions. */
    public void blockDisconnected(Block block) {
        this.clients.blockDisconnected(block);
    }

    /** Sends mempool notifications to the subscribed websocket sessions. */
    public void transactionAccepted(Transaction tx) {
        this.clients.transactionAccepted(tx);
    }

    /** The subscriptions of each open websocket session that is not frozen. */
    public List<Subscriptions.Snapshot> liveSubscriptions() {
        return this.clients.liveSubscriptions();
    }

    /** Makes every open websocket session silent while keeping its TCP connection open. */
    public void freezeConnections() {
        this.clients.freezeAll();
    }

    /** The number of open websocket sessions that are frozen. */
    public int frozenWebSocketSessions() {
        return this.clients.frozenCount();
    }

    /** Sends a raw text frame to every open websocket session. */
    public void sendRawText(String text) {
        this.clients.sendRaw(text);
    }

    /** The number of open websocket sessions. */
    public int openWebSocketSessions() {
        return this.clients.size();
    }

    /**
     * Closes every websocket session (frozen ones too) and HTTP connection abruptly (no close frame,
     * no response).
     */
    public void dropConnections() {
        this.clients.disconnectAll();
        this.held.releaseAll();
        this.tracker.closeAll();
    }

    /**
     * Stops: drops every connection first (btcd sends no close frame when it shuts down), then stops
     * Jetty, which closes the listening socket before returning so the port can be bound again.
     */
    public void stop() throws Exception {
        try {
            dropConnections();
            this.server.stop();
        }
        finally {
            this.scheduler.shutdownNow();
        }
    }
}
