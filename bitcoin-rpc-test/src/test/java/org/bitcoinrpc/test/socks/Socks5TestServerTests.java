package org.bitcoinrpc.test.socks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bitcoinrpc.test.socks.Socks5TestServer.ConnectRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Socks5TestServerTests {

  private static final String ONION = "abcdefghijklmnop.onion";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int SOCKET_TIMEOUT_MILLIS = 20_000;

  private EchoServer echo;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new EchoServer();
  }

  @AfterEach
  void stopEcho() throws InterruptedException {
    echo.close();
  }

  @Test
  void routesDomainNameToLoopbackTargetAndRecordsIt() throws Exception {
    try (Socks5TestServer proxy = routedProxy().build().start()) {
      try (Socket socket = jdkSocks(proxy, InetSocketAddress.createUnresolved(ONION, 80))) {
        assertThat(echoRoundTrip(socket, "hello through tor")).isEqualTo("hello through tor");
        assertThat(proxy.activeConnections()).isEqualTo(1);
      }
      assertThat(proxy.connects())
          .containsExactly(new ConnectRecord(ConnectRecord.DOMAIN, ONION, 80, null, null));
      assertThat(proxy.authFailures()).isZero();
      assertThat(echo.accepted()).isEqualTo(1);
      assertThat(proxy.awaitIdle(TIMEOUT)).isTrue();
      assertThat(proxy.activeConnections()).isZero();
    }
  }

  @Test
  void routeMatchesHostNameCaseInsensitivelyAndRecordsItAsSent() throws Exception {
    String upper = ONION.toUpperCase(Locale.ROOT);
    try (Socks5TestServer proxy = routedProxy().build().start();
        Socket socket = jdkSocks(proxy, InetSocketAddress.createUnresolved(upper, 80))) {
      assertThat(echoRoundTrip(socket, "x")).isEqualTo("x");
      assertThat(proxy.connects())
          .containsExactly(new ConnectRecord(ConnectRecord.DOMAIN, upper, 80, null, null));
    }
  }

  @Test
  void acceptsRightCredentialsPerClientAndRecordsThem() throws Exception {
    try (Socks5TestServer proxy =
        routedProxy().credentials("alice", "a-secret").credentials("bob", "b-secret").build().start()) {
      for (String[] login : new String[][] {{"alice", "a-secret"}, {"bob", "b-secret"}}) {
        try (Socket socket = rawSocket(proxy)) {
          InputStream in = socket.getInputStream();
          OutputStream out = socket.getOutputStream();
          // Offers both no-auth and username/password: the server must insist on the latter.
          out.write(new byte[] {0x05, 0x02, 0x00, 0x02});
          assertThat(readExactly(in, 2)).containsExactly(0x05, 0x02);
          out.write(userPassRequest(login[0], login[1]));
          assertThat(readExactly(in, 2)).containsExactly(0x01, 0x00);
          out.write(connectDomain(ONION, 80));
          byte[] reply = readExactly(in, 10);
          assertThat(reply[0]).isEqualTo((byte) 0x05);
          assertThat(reply[1]).as("reply code").isEqualTo((byte) 0x00);
          assertThat(reply[3]).as("bound address type").isEqualTo((byte) 0x01);
          assertThat(reply[4]).as("bound to loopback").isEqualTo((byte) 127);
          assertThat(echoRoundTrip(socket, "authenticated " + login[0]))
              .isEqualTo("authenticated " + login[0]);
        }
      }
      assertThat(proxy.connects())
          .containsExactly(
              new ConnectRecord(ConnectRecord.DOMAIN, ONION, 80, "alice", "a-secret"),
              new ConnectRecord(ConnectRecord.DOMAIN, ONION, 80, "bob", "b-secret"));
      assertThat(proxy.authFailures()).isZero();
    }
  }

  @Test
  void rejectsWrongCredentialsWithStatusOneAndCloses() throws Exception {
    try (Socks5TestServer proxy = routedProxy().credentials("alice", "a-secret").build().start();
        Socket socket = rawSocket(proxy)) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x05, 0x01, 0x02});
      assertThat(readExactly(in, 2)).containsExactly(0x05, 0x02);
      out.write(userPassRequest("alice", "wrong"));
      assertThat(readExactly(in, 2)).containsExactly(0x01, 0x01);
      assertThat(readToEnd(in)).as("closed after the failure status").isEmpty();

      assertThat(proxy.authFailures()).isEqualTo(1);
      assertThat(proxy.connects()).isEmpty();
      assertThat(echo.accepted()).isZero();
      assertThat(proxy.awaitIdle(TIMEOUT)).isTrue();
    }
  }

  @Test
  void rejectsClientThatDoesNotOfferUsernamePasswordWhenCredentialsAreRequired() throws Exception {
    try (Socks5TestServer proxy = routedProxy().credentials("alice", "a-secret").build().start();
        Socket socket = rawSocket(proxy)) {
      InputStream in = socket.getInputStream();
      socket.getOutputStream().write(new byte[] {0x05, 0x01, 0x00});
      assertThat(readExactly(in, 2)).containsExactly(0x05, 0xFF);
      assertThat(readToEnd(in)).isEmpty();
      assertThat(proxy.authFailures()).isEqualTo(1);
      assertThat(proxy.connects()).isEmpty();
    }
  }

  @Test
  void offersOnlyNoAuthWithoutCredentials() throws Exception {
    try (Socks5TestServer proxy = routedProxy().build().start();
        Socket socket = rawSocket(proxy)) {
      InputStream in = socket.getInputStream();
      socket.getOutputStream().write(new byte[] {0x05, 0x01, 0x02});
      assertThat(readExactly(in, 2)).containsExactly(0x05, 0xFF);
      assertThat(readToEnd(in)).isEmpty();
    }
  }

  @Test
  void acceptAnyCredentialsRecordsWhateverTheClientSent() throws Exception {
    try (Socks5TestServer proxy = routedProxy().acceptAnyCredentials().build().start();
        Socket socket = rawSocket(proxy)) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x05, 0x01, 0x02});
      assertThat(readExactly(in, 2)).containsExactly(0x05, 0x02);
      out.write(userPassRequest("isolation-42", "anything"));
      assertThat(readExactly(in, 2)).containsExactly(0x01, 0x00);
      out.write(connectDomain(ONION, 80));
      assertThat(readExactly(in, 10)[1]).isEqualTo((byte) 0x00);
      assertThat(proxy.connects())
          .containsExactly(
              new ConnectRecord(ConnectRecord.DOMAIN, ONION, 80, "isolation-42", "anything"));
    }
  }

  @Test
  void refusesUnroutedDomainWithHostUnreachable() throws Exception {
    try (Socks5TestServer proxy = routedProxy().build().start()) {
      assertThatThrownBy(() -> jdkSocks(proxy, InetSocketAddress.createUnresolved("zzzzzzzzzzzzzzzz.onion", 80)))
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("Host unreachable");
      // Routed name, but not on this port.
      assertThatThrownBy(() -> jdkSocks(proxy, InetSocketAddress.createUnresolved(ONION, 81)))
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("Host unreachable");

      assertThat(proxy.connects())
          .containsExactly(
              new ConnectRecord(ConnectRecord.DOMAIN, "zzzzzzzzzzzzzzzz.onion", 80, null, null),
              new ConnectRecord(ConnectRecord.DOMAIN, ONION, 81, null, null));
      assertThat(echo.accepted()).isZero();
      assertThat(proxy.awaitIdle(TIMEOUT)).isTrue();
    }
  }

  @Test
  void refusesNonLoopbackIpv4WithoutConnecting() throws Exception {
    try (Socks5TestServer proxy = routedProxy().build().start();
        Socket socket = rawSocket(proxy)) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x05, 0x01, 0x00});
      assertThat(readExactly(in, 2)).containsExactly(0x05, 0x00);
      out.write(new byte[] {0x05, 0x01, 0x00, 0x01, (byte) 203, 0, 113, 1, 0x00, 0x50});
      byte[] reply = readExactly(in, 10);
      assertThat(reply[0]).isEqualTo((byte) 0x05);
      assertThat(reply[1]).as("not allowed by ruleset").isEqualTo((byte) 0x02);
      assertThat(readToEnd(in)).as("closed after the refusal").isEmpty();
      assertThat(proxy.connects())
          .containsExactly(new ConnectRecord(ConnectRecord.IPV4, "203.0.113.1", 80, null, null));
      assertThat(proxy.awaitIdle(TIMEOUT)).isTrue();
    }
  }

  @Test
  void refusesNonLoopbackIpv6() throws Exception {
    try (Socks5TestServer proxy = routedProxy().build().start();
        Socket socket = rawSocket(proxy)) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x05, 0x01, 0x00});
      assertThat(readExactly(in, 2)).containsExactly(0x05, 0x00);
      byte[] request = new byte[4 + 16 + 2];
      request[0] = 0x05;
      request[1] = 0x01;
      request[3] = 0x04;
      byte[] address = InetAddress.getByName("2001:db8::1").getAddress(); // literal, no lookup
      System.arraycopy(address, 0, request, 4, 16);
      request[21] = 0x50;
      out.write(request);
      assertThat(readExactly(in, 10)[1]).isEqualTo((byte) 0x02);
      assertThat(proxy.connects()).singleElement()
          .satisfies(connect -> {
            assertThat(connect.addressType()).isEqualTo(ConnectRecord.IPV6);
            assertThat(InetAddress.getByName(connect.host()).getAddress()).isEqualTo(address);
          });
    }
  }

  @Test
  void connectsLoopbackIpv4Target() throws Exception {
    try (Socks5TestServer proxy = Socks5TestServer.builder().build().start();
        Socket socket = jdkSocks(proxy, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), echo.port()))) {
      assertThat(echoRoundTrip(socket, "by address")).isEqualTo("by address");
      assertThat(proxy.connects())
          .containsExactly(new ConnectRecord(ConnectRecord.IPV4, "127.0.0.1", echo.port(), null, null));
    }
  }

  @Test
  void refusesUnsupportedCommand() throws Exception {
    try (Socks5TestServer proxy = routedProxy().build().start();
        Socket socket = rawSocket(proxy)) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x05, 0x01, 0x00});
      assertThat(readExactly(in, 2)).containsExactly(0x05, 0x00);
      byte[] bind = connectDomain(ONION, 80);
      bind[1] = 0x02; // BIND
      out.write(bind);
      assertThat(readExactly(in, 10)[1]).isEqualTo((byte) 0x07);
      assertThat(proxy.connects()).isEmpty();
    }
  }

  @Test
  void relaysFiveMegabytesBothWays() throws Exception {
    byte[] payload = new byte[5 * 1024 * 1024];
    new Random(42).nextBytes(payload);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (Socks5TestServer proxy = routedProxy().build().start();
        Socket socket = jdkSocks(proxy, InetSocketAddress.createUnresolved(ONION, 80))) {
      Future<?> written =
          writer.submit(
              () -> {
                OutputStream out = socket.getOutputStream();
                out.write(payload);
                out.flush();
                socket.shutdownOutput(); // the half-close travels to the echo server and back
                return null;
              });
      byte[] received = readToEnd(socket.getInputStream());
      written.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(received.length).isEqualTo(payload.length);
      assertThat(received).isEqualTo(payload);
      assertThat(proxy.awaitIdle(TIMEOUT)).isTrue();
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void handlesManyConcurrentConnections() throws Exception {
    int clients = 32;
    ExecutorService pool = Executors.newFixedThreadPool(2 * clients);
    try (Socks5TestServer proxy = routedProxy().build().start()) {
      List<Future<byte[]>> results = new ArrayList<>();
      List<byte[]> payloads = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        byte[] payload = new byte[256 * 1024];
        new Random(i).nextBytes(payload);
        payloads.add(payload);
        results.add(
            pool.submit(
                () -> {
                  try (Socket socket = jdkSocks(proxy, InetSocketAddress.createUnresolved(ONION, 80))) {
                    Future<?> written =
                        pool.submit(
                            () -> {
                              socket.getOutputStream().write(payload);
                              socket.shutdownOutput();
                              return null;
                            });
                    byte[] received = readToEnd(socket.getInputStream());
                    written.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    return received;
                  }
                }));
      }
      for (int i = 0; i < clients; i++) {
        assertThat(results.get(i).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(payloads.get(i));
      }
      assertThat(proxy.connects()).hasSize(clients);
      assertThat(echo.accepted()).isEqualTo(clients);
      assertThat(proxy.awaitIdle(TIMEOUT)).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closeEndsOpenConnections() throws Exception {
    Socks5TestServer proxy = routedProxy().build().start();
    try (Socket socket = jdkSocks(proxy, InetSocketAddress.createUnresolved(ONION, 80))) {
      assertThat(echoRoundTrip(socket, "before close")).isEqualTo("before close");
      assertThat(proxy.activeConnections()).isEqualTo(1);
      proxy.close();
      assertThat(proxy.activeConnections()).isZero();
      int read;
      try {
        read = socket.getInputStream().read();
      } catch (IOException e) {
        read = -1;
      }
      assertThat(read).as("the relay was closed").isEqualTo(-1);
    } finally {
      proxy.close();
    }
    assertThatThrownBy(proxy::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void validatesConfigurationAndLifecycle() throws Exception {
    assertThatThrownBy(
            () -> Socks5TestServer.builder().route(ONION, 80, new InetSocketAddress("203.0.113.1", 80)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Socks5TestServer.builder().route(ONION, 80, InetSocketAddress.createUnresolved("localhost", 80)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Socks5TestServer.builder().credentials("", "x"))
        .isInstanceOf(IllegalArgumentException.class);

    try (Socks5TestServer proxy = Socks5TestServer.builder().build()) {
      assertThatThrownBy(proxy::port).isInstanceOf(IllegalStateException.class);
      proxy.start();
      assertThat(proxy.port()).isPositive();
      assertThat(proxy.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThatThrownBy(proxy::start).isInstanceOf(IllegalStateException.class);
    }
  }

  // -----------------------------------------------------------------------------------------------

  private Socks5TestServer.Builder routedProxy() {
    return Socks5TestServer.builder().route(ONION, 80, new InetSocketAddress("127.0.0.1", echo.port()));
  }

  /** Connects through the proxy with the JDK's own SOCKS client (no Authenticator involved). */
  private static Socket jdkSocks(Socks5TestServer proxy, InetSocketAddress target) throws IOException {
    Socket socket = new Socket(new Proxy(Proxy.Type.SOCKS, proxy.address()));
    try {
      socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
      socket.connect(target, SOCKET_TIMEOUT_MILLIS);
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static Socket rawSocket(Socks5TestServer proxy) throws IOException {
    Socket socket = new Socket();
    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    socket.connect(proxy.address(), SOCKET_TIMEOUT_MILLIS);
    return socket;
  }

  private static String echoRoundTrip(Socket socket, String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return new String(readExactly(socket.getInputStream(), bytes.length), StandardCharsets.UTF_8);
  }

  private static byte[] userPassRequest(String username, String password) {
    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    byte[] pass = password.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(0x01);
    request.write(user.length);
    request.writeBytes(user);
    request.write(pass.length);
    request.writeBytes(pass);
    return request.toByteArray();
  }

  private static byte[] connectDomain(String host, int port) {
    byte[] name = host.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(new byte[] {0x05, 0x01, 0x00, 0x03, (byte) name.length});
    request.writeBytes(name);
    request.write(port >> 8);
    request.write(port & 0xFF);
    return request.toByteArray();
  }

  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    assertThat(bytes).as("bytes read before end of stream").hasSize(length);
    return bytes;
  }

  private static byte[] readToEnd(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  /** A loopback echo server: copies every connection's input back until end of stream. */
  private static final class EchoServer {
    private final ServerSocket serverSocket;
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "echo-target");
      thread.setDaemon(true);
      return thread;
    });
    private final AtomicInteger accepted = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    EchoServer() throws IOException {
      serverSocket = new ServerSocket(0, 256, InetAddress.getByName("127.0.0.1"));
      pool.execute(this::acceptLoop);
    }

    int port() {
      return serverSocket.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    private void acceptLoop() {
      while (!serverSocket.isClosed()) {
        try {
          Socket socket = serverSocket.accept();
          accepted.incrementAndGet();
          sockets.add(socket);
          pool.execute(() -> echo(socket));
        } catch (IOException e) {
          return;
        }
      }
    }

    private void echo(Socket socket) {
      try (socket) {
        socket.getInputStream().transferTo(socket.getOutputStream());
      } catch (IOException e) {
        // connection ended
      } finally {
        sockets.remove(socket);
      }
    }

    void close() throws InterruptedException {
      try {
        serverSocket.close();
      } catch (IOException e) {
        // ignore
      }
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // ignore
        }
      }
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
