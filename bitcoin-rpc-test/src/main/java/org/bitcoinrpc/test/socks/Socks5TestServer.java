package org.bitcoinrpc.test.socks;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A tiny SOCKS5 server (RFC 1928, with RFC 1929 username/password authentication) for tests.
 *
 * <p>It listens on {@code 127.0.0.1} only, on a free port chosen at {@link #start()}, supports
 * the CONNECT command only, and never connects anywhere but the loopback interface:
 *
 * <ul>
 *   <li>a <b>domain</b> target (address type {@code 0x03}) is connected only if a {@linkplain
 *       Builder#route route} maps that host name and port to a loopback address; otherwise the
 *       reply is {@code 0x04} (host unreachable). The name is never resolved;
 *   <li>an <b>IPv4</b> or <b>IPv6</b> target is connected only if it is a loopback address ({@code
 *       127.x.x.x}, {@code ::1}); otherwise the reply is {@code 0x02} (not allowed by ruleset) and
 *       nothing is connected;
 *   <li>any other command gets {@code 0x07}, any other address type {@code 0x08}.
 * </ul>
 *
 * <p>Without {@linkplain Builder#credentials credentials} only method {@code 0x00} (no
 * authentication) is offered. With credentials only method {@code 0x02} (username/password) is
 * offered; a client that sends wrong credentials gets status {@code 0x01} and is disconnected.
 *
 * <p>Every CONNECT request is {@linkplain #connects() recorded}, granted or not, before the reply is
 * sent: once a client has read the reply, the record is visible. Likewise an authentication
 * failure is {@linkplain #authFailures() counted} before the failure status is sent. Once
 * granted, bytes are relayed both ways (a half-close is passed on) until both directions have
 * ended or either side fails; then both sockets are closed.
 *
 * <p>All methods are thread-safe. All threads are daemon threads; {@link #close()} closes the
 * listening socket and every open connection and waits briefly for the threads to end.
 *
 * <pre>{@code
 * try (Socks5TestServer proxy = Socks5TestServer.builder()
 *         .credentials("alice", "secret")
 *         .route("abcdefghijklmnop.onion", 80, new InetSocketAddress("127.0.0.1", nodePort))
 *         .build()
 *         .start()) {
 *     // point the client at 127.0.0.1:proxy.port() ...
 *     assertThat(proxy.connects()).containsExactly(new Socks5TestServer.ConnectRecord(
 *             ConnectRecord.DOMAIN, "abcdefghijklmnop.onion", 80, "alice", "secret"));
 * }
 * }</pre>
 */
public final class Socks5TestServer implements AutoCloseable {

  /**
   * One CONNECT request as the server received it.
   *
   * @param addressType the SOCKS address type of the target: {@link #IPV4} (1), {@link #DOMAIN}
   *     (3) or {@link #IPV6} (4)
   * @param host the target as sent: the host name for {@link #DOMAIN} (exactly as sent, never
   *     resolved), the textual address for {@link #IPV4} and {@link #IPV6}
   * @param port the target port
   * @param username the username the client authenticated with, or {@code null} if no
   *     authentication was negotiated
   * @param password the password the client authenticated with, or {@code null} if no
   *     authentication was negotiated
   */
  public record ConnectRecord(
      int addressType,
      String host,
      int port,
      @Nullable String username,
      @Nullable String password) {

    /** Address type of an IPv4 target. */
    public static final int IPV4 = 0x01;

    /** Address type of a target given by host name (no local resolution by the client). */
    public static final int DOMAIN = 0x03;

    /** Address type of an IPv6 target. */
    public static final int IPV6 = 0x04;
  }

  /** Creates a builder for a server without credentials and without routes. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Configures a {@link Socks5TestServer}. Not thread-safe; use it from one thread, then {@link
   * #build()}.
   */
  public static final class Builder {

    private final Set<Login> logins = new LinkedHashSet<>();
    private boolean anyCredentials;
    private final Map<String, InetSocketAddress> routes = new HashMap<>();

    private Builder() {}

    /**
     * Requires username/password authentication (method {@code 0x02}) and accepts this pair. May
     * be called several times to accept several pairs (for example one per client).
     *
     * @param username 1 to 255 bytes in UTF-8
     * @param password 0 to 255 bytes in UTF-8
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      int userLength = username.getBytes(StandardCharsets.UTF_8).length;
      if (userLength < 1 || userLength > 255) {
        throw new IllegalArgumentException("username must be 1 to 255 bytes, was " + userLength);
      }
      int passLength = password.getBytes(StandardCharsets.UTF_8).length;
      if (passLength > 255) {
        throw new IllegalArgumentException("password must be at most 255 bytes, was " + passLength);
      }
      logins.add(new Login(username, password));
      return this;
    }

    /**
     * Requires username/password authentication (method {@code 0x02}) but accepts any username
     * and password, like Tor does for stream isolation; they are still {@linkplain
     * ConnectRecord recorded}.
     *
     * @return this builder
     */
    public Builder acceptAnyCredentials() {
      anyCredentials = true;
      return this;
    }

    /**
     * Maps a requested host name and port (a CONNECT with address type {@code 0x03}) to a real
     * loopback address. Host names match case-insensitively; a later route for the same name
     * and port replaces the earlier one.
     *
     * @param host the host name clients ask for, for example {@code "abcdefghijklmnop.onion"}
     * @param port the port clients ask for
     * @param target a resolved loopback address to connect instead
     * @return this builder
     * @throws IllegalArgumentException if {@code target} is unresolved or not a loopback address
     */
    public Builder route(String host, int port, InetSocketAddress target) {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(target, "target");
      if (host.isEmpty() || host.getBytes(StandardCharsets.ISO_8859_1).length > 255) {
        throw new IllegalArgumentException("host must be 1 to 255 characters: " + host);
      }
      checkPort(port);
      InetAddress address = target.getAddress();
      if (target.isUnresolved() || address == null || !address.isLoopbackAddress()) {
        throw new IllegalArgumentException("route target must be a resolved loopback address: " + target);
      }
      routes.put(routeKey(host, port), target);
      return this;
    }

    /** Creates the server; call {@link Socks5TestServer#start()} to listen. */
    public Socks5TestServer build() {
      return new Socks5TestServer(this);
    }
  }

  private static final System.Logger LOG = System.getLogger(Socks5TestServer.class.getName());

  private static final int VERSION = 0x05;
  private static final int AUTH_VERSION = 0x01;
  private static final int METHOD_NO_AUTH = 0x00;
  private static final int METHOD_USER_PASS = 0x02;
  private static final int METHOD_NONE_ACCEPTABLE = 0xFF;
  private static final int CMD_CONNECT = 0x01;
  private static final int REP_SUCCEEDED = 0x00;
  private static final int REP_GENERAL_FAILURE = 0x01;
  private static final int REP_NOT_ALLOWED = 0x02;
  private static final int REP_HOST_UNREACHABLE = 0x04;
  private static final int REP_CONNECTION_REFUSED = 0x05;
  private static final int REP_TTL_EXPIRED = 0x06;
  private static final int REP_COMMAND_NOT_SUPPORTED = 0x07;
  private static final int REP_ADDRESS_TYPE_NOT_SUPPORTED = 0x08;

  private static final int BACKLOG = 256;
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int RELAY_BUFFER_SIZE = 64 * 1024;
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private static final InetAddress LOOPBACK_V4 = loopbackV4();

  // Immutable after construction; read freely from any thread.
  private final Set<Login> logins;
  private final boolean anyCredentials;
  private final boolean authRequired;
  private final Map<String, InetSocketAddress> routes;

  // Thread-safe on its own; threads are daemons named "socks5-test-*". Shut down by close().
  private final ExecutorService executor;
  private final AtomicInteger threadCounter = new AtomicInteger();

  /** Guards every mutable field below; also the monitor awaitIdle() waits on. */
  private final Object lock = new Object();

  // Guarded by lock. Set once by start(); the accept thread gets its own reference.
  private @Nullable ServerSocket serverSocket;
  // Guarded by lock. Set once by start(); joined by close().
  private @Nullable Thread acceptThread;
  // Guarded by lock. Set once by close(); after that no socket is registered any more.
  private boolean closed;
  // Guarded by lock. Every client and target socket not yet closed, so close() can close them.
  private final Set<Socket> openSockets = new HashSet<>();
  // Guarded by lock. Client connections accepted and not yet finished; notifyAll on decrement.
  private int activeConnections;
  // Guarded by lock. Number of clients rejected during method negotiation or authentication.
  private int authFailures;
  // Guarded by lock. Every CONNECT request, in arrival order; copied out by connects().
  private final List<ConnectRecord> connects = new ArrayList<>();

  private Socks5TestServer(Builder builder) {
    this.logins = Set.copyOf(builder.logins);
    this.anyCredentials = builder.anyCredentials;
    this.authRequired = builder.anyCredentials || !builder.logins.isEmpty();
    this.routes = Map.copyOf(builder.routes);
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread =
                  new Thread(runnable, "socks5-test-conn-" + threadCounter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Binds a free port on {@code 127.0.0.1} and starts accepting connections.
   *
   * @return this server
   * @throws IllegalStateException if already started or closed
   * @throws UncheckedIOException if the port cannot be bound
   */
  public Socks5TestServer start() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      if (serverSocket != null) {
        throw new IllegalStateException("already started");
      }
      ServerSocket listening;
      try {
        listening = new ServerSocket();
        try {
          listening.bind(new InetSocketAddress(LOOPBACK_V4, 0), BACKLOG);
        } catch (IOException e) {
          listening.close();
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind the SOCKS5 test server", e);
      }
      serverSocket = listening;
      Thread thread =
          new Thread(() -> acceptLoop(listening), "socks5-test-accept-" + listening.getLocalPort());
      thread.setDaemon(true);
      acceptThread = thread;
      thread.start();
      return this;
    }
  }

  /**
   * The port the server listens on, on {@code 127.0.0.1}.
   *
   * @throws IllegalStateException if not started
   */
  public int port() {
    synchronized (lock) {
      if (serverSocket == null) {
        throw new IllegalStateException("not started");
      }
      return serverSocket.getLocalPort();
    }
  }

  /**
   * The address the server listens on: {@code 127.0.0.1:}{@link #port()}.
   *
   * @throws IllegalStateException if not started
   */
  public InetSocketAddress address() {
    return new InetSocketAddress(LOOPBACK_V4, port());
  }

  /** A snapshot of every CONNECT request received so far, granted or not, in arrival order. */
  public List<ConnectRecord> connects() {
    synchronized (lock) {
      return List.copyOf(connects);
    }
  }

  /**
   * How many clients were rejected during authentication: wrong username/password, or no
   * acceptable method offered.
   */
  public int authFailures() {
    synchronized (lock) {
      return authFailures;
    }
  }

  /**
   * How many client connections are currently open: accepted and not yet finished (in the
   * handshake or relaying).
   */
  public int activeConnections() {
    synchronized (lock) {
      return activeConnections;
    }
  }

  /**
   * Waits until no client connection is open any more (the server closes its side shortly after
   * a client or target closes, so this is the way to wait for that without sleeping).
   *
   * @param timeout the longest time to wait
   * @return {@code true} if {@link #activeConnections()} reached zero, {@code false} on timeout
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (activeConnections > 0) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
      }
      return true;
    }
  }

  /**
   * Stops listening, closes every open connection and waits briefly for the threads to end.
   * Idempotent.
   */
  @Override
  public void close() {
    List<Socket> toClose;
    @Nullable ServerSocket listening;
    @Nullable Thread accepting;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      listening = serverSocket;
      accepting = acceptThread;
      toClose = new ArrayList<>(openSockets);
    }
    if (listening != null) {
      closeQuietly(listening);
    }
    toClose.forEach(Socks5TestServer::closeQuietly);
    executor.shutdownNow();
    boolean interrupted = false;
    try {
      if (accepting != null) {
        accepting.join(CLOSE_WAIT_MILLIS);
      }
      if (!executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "SOCKS5 test server threads still running after close");
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "Socks5TestServer["
          + (serverSocket == null ? "not started" : "127.0.0.1:" + serverSocket.getLocalPort())
          + (closed ? ", closed" : "")
          + ", active=" + activeConnections
          + ", connects=" + connects.size()
          + ", authFailures=" + authFailures
          + "]";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Connection handling

  private void acceptLoop(ServerSocket listening) {
    while (true) {
      Socket client;
      try {
        client = listening.accept();
      } catch (IOException e) {
        if (listening.isClosed()) {
          return;
        }
        LOG.log(System.Logger.Level.DEBUG, "SOCKS5 test server accept failed", e);
        continue;
      }
      if (!admitClient(client)) {
        continue;
      }
      try {
        executor.execute(() -> serve(client));
      } catch (RejectedExecutionException e) {
        closeQuietly(client);
        releaseClient(client);
      }
    }
  }

  /** Registers a new client connection, or closes it if the server is closed. */
  private boolean admitClient(Socket client) {
    synchronized (lock) {
      if (!closed) {
        openSockets.add(client);
        activeConnections++;
        return true;
      }
    }
    closeQuietly(client);
    return false;
  }

  private void releaseClient(Socket client) {
    synchronized (lock) {
      if (openSockets.remove(client)) {
        activeConnections--;
        lock.notifyAll();
      }
    }
  }

  /** Registers a target socket so close() can close it; false if the server is closed. */
  private boolean registerTarget(Socket target) {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      openSockets.add(target);
      return true;
    }
  }

  private void unregisterTarget(Socket target) {
    synchronized (lock) {
      openSockets.remove(target);
    }
  }

  private void serve(Socket client) {
    @Nullable Socket target = null;
    try {
      client.setTcpNoDelay(true);
      client.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
      // The same buffered stream is used for the relay, so bytes a client sends early are kept.
      DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
      OutputStream out = client.getOutputStream();

      @Nullable Login login = negotiate(in, out);
      if (login == null && authRequired) {
        return;
      }

      if (in.readUnsignedByte() != VERSION) {
        return;
      }
      int command = in.readUnsignedByte();
      in.readUnsignedByte(); // reserved
      int addressType = in.readUnsignedByte();
      String host;
      byte @Nullable [] rawAddress = null;
      switch (addressType) {
        case ConnectRecord.IPV4 -> {
          rawAddress = readBytes(in, 4);
          host = InetAddress.getByAddress(rawAddress).getHostAddress();
        }
        case ConnectRecord.IPV6 -> {
          rawAddress = readBytes(in, 16);
          host = InetAddress.getByAddress(rawAddress).getHostAddress();
        }
        case ConnectRecord.DOMAIN -> {
          int length = in.readUnsignedByte();
          host = new String(readBytes(in, length), StandardCharsets.ISO_8859_1);
        }
        default -> {
          reply(out, REP_ADDRESS_TYPE_NOT_SUPPORTED, null);
          return;
        }
      }
      int port = in.readUnsignedShort();

      if (command != CMD_CONNECT) {
        reply(out, REP_COMMAND_NOT_SUPPORTED, null);
        return;
      }
      record(
          new ConnectRecord(
              addressType,
              host,
              port,
              login == null ? null : login.username(),
              login == null ? null : login.password()));

      InetSocketAddress destination;
      if (rawAddress == null) {
        @Nullable InetSocketAddress routed = routes.get(routeKey(host, port));
        if (routed == null) {
          reply(out, REP_HOST_UNREACHABLE, null);
          return;
        }
        destination = routed;
      } else {
        InetAddress address = InetAddress.getByAddress(rawAddress);
        if (!address.isLoopbackAddress()) {
          reply(out, REP_NOT_ALLOWED, null);
          return;
        }
        destination = new InetSocketAddress(address, port);
      }

      Socket connected = new Socket();
      target = connected;
      if (!registerTarget(connected)) {
        return;
      }
      try {
        connected.connect(destination, CONNECT_TIMEOUT_MILLIS);
      } catch (ConnectException e) {
        reply(out, REP_CONNECTION_REFUSED, null);
        return;
      } catch (SocketTimeoutException e) {
        reply(out, REP_TTL_EXPIRED, null);
        return;
      } catch (IOException e) {
        reply(out, REP_GENERAL_FAILURE, null);
        return;
      }
      connected.setTcpNoDelay(true);
      reply(out, REP_SUCCEEDED, new InetSocketAddress(connected.getLocalAddress(), connected.getLocalPort()));
      client.setSoTimeout(0);
      relay(client, in, connected);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "SOCKS5 test connection ended: {0}", e.toString());
    } finally {
      if (target != null) {
        closeQuietly(target);
        unregisterTarget(target);
      }
      closeQuietly(client);
      releaseClient(client);
    }
  }

  /**
   * Method negotiation and, if required, username/password authentication. Returns the login
   * used, or {@code null} if none was negotiated; when authentication is required, {@code null}
   * means the client was rejected (and counted).
   */
  private @Nullable Login negotiate(DataInputStream in, OutputStream out) throws IOException {
    if (in.readUnsignedByte() != VERSION) {
      throw new IOException("not a SOCKS5 client");
    }
    byte[] methods = readBytes(in, in.readUnsignedByte());
    int wanted = authRequired ? METHOD_USER_PASS : METHOD_NO_AUTH;
    if (!contains(methods, wanted)) {
      countAuthFailure();
      write(out, VERSION, METHOD_NONE_ACCEPTABLE);
      throw new IOException("no acceptable authentication method offered");
    }
    write(out, VERSION, wanted);
    if (!authRequired) {
      return null;
    }
    int version = in.readUnsignedByte();
    String username = decode(readBytes(in, in.readUnsignedByte()));
    String password = decode(readBytes(in, in.readUnsignedByte()));
    Login login = new Login(username, password);
    if (version != AUTH_VERSION || !(anyCredentials || logins.contains(login))) {
      countAuthFailure();
      write(out, AUTH_VERSION, 0x01);
      return null;
    }
    write(out, AUTH_VERSION, 0x00);
    return login;
  }

  /**
   * Relays both ways: client to target on a pool thread, target to client on this thread. An
   * end of stream is passed on as a half-close; an error closes both sockets.
   */
  private void relay(Socket client, InputStream clientIn, Socket target) throws IOException {
    Future<?> upstream;
    try {
      upstream = executor.submit(() -> pump(clientIn, target, client));
    } catch (RejectedExecutionException e) {
      return; // closed meanwhile; the caller closes both sockets
    }
    pump(target.getInputStream(), client, target);
    try {
      upstream.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.log(System.Logger.Level.DEBUG, "SOCKS5 test relay failed", e.getCause());
    }
  }

  private static void pump(InputStream from, Socket to, Socket fromSocket) {
    byte[] buffer = new byte[RELAY_BUFFER_SIZE];
    try {
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = from.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
      if (!to.isClosed()) {
        to.shutdownOutput();
      }
    } catch (IOException e) {
      closeQuietly(to);
      closeQuietly(fromSocket);
    }
  }

  private void record(ConnectRecord connect) {
    synchronized (lock) {
      connects.add(connect);
    }
  }

  private void countAuthFailure() {
    synchronized (lock) {
      authFailures++;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A username/password pair as sent by a client or configured on the builder. */
  private record Login(String username, String password) {}

  private static void reply(OutputStream out, int status, @Nullable InetSocketAddress bound)
      throws IOException {
    byte[] address = bound == null ? new byte[4] : bound.getAddress().getAddress();
    int port = bound == null ? 0 : bound.getPort();
    ByteBuffer reply = ByteBuffer.allocate(4 + address.length + 2);
    reply.put((byte) VERSION).put((byte) status).put((byte) 0);
    reply.put((byte) (address.length == 16 ? ConnectRecord.IPV6 : ConnectRecord.IPV4));
    reply.put(address).putShort((short) port);
    out.write(reply.array());
    out.flush();
  }

  private static void write(OutputStream out, int first, int second) throws IOException {
    out.write(new byte[] {(byte) first, (byte) second});
    out.flush();
  }

  private static byte[] readBytes(DataInputStream in, int length) throws IOException {
    byte[] bytes = new byte[length];
    try {
      in.readFully(bytes);
    } catch (EOFException e) {
      throw new EOFException("client closed during the SOCKS5 handshake");
    }
    return bytes;
  }

  private static boolean contains(byte[] methods, int method) {
    for (byte candidate : methods) {
      if ((candidate & 0xFF) == method) {
        return true;
      }
    }
    return false;
  }

  /** UTF-8 if the bytes are valid UTF-8 (most clients), else ISO-8859-1 (the JDK's own client). */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static String routeKey(String host, int port) {
    return host.toLowerCase(Locale.ROOT) + ":" + port;
  }

  private static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
    }
  }

  private static InetAddress loopbackV4() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing useful to do
    }
  }
}
