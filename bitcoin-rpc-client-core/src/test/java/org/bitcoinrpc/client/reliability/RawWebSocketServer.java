package org.bitcoinrpc.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare RFC 6455 websocket server on 127.0.0.1, for what the simulated node cannot send: binary
 * frames and hand-made fragmentation. It answers {@code getblockcount} at once, holds every other
 * request until {@link #answerHeld()}, answers pings, records pongs, and echoes a close. It can
 * also stop reading for a while, like a node that no longer keeps up. Test-only, small.
 */
final class RawWebSocketServer implements AutoCloseable {

	static final long BLOCK_COUNT = 42;

	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final ServerSocket listener;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	private final AtomicInteger accepted = new AtomicInteger();

	/** Payloads of the pongs received, in order, from every connection. */
	private final List<byte[]> pongs = new CopyOnWriteArrayList<>();

	/** Held requests: id to method, per connection. */
	private final Map<Long, Connection> held = new ConcurrentHashMap<>();

	/**
	 * While true, no connection reads: what the client writes piles up in the sockets' buffers.
	 * Guarded by {@link #pauseLock}, whose waiters {@link #resumeReading()} wakes.
	 */
	private boolean paused;

	private final Object pauseLock = new Object();

	RawWebSocketServer() throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		Thread acceptor = new Thread(this::acceptLoop, "raw-ws-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String url() {
		return "ws://127.0.0.1:" + this.listener.getLocalPort() + "/ws";
	}

	int acceptedConnections() {
		return this.accepted.get();
	}

	int openConnections() {
		return (int) this.connections.stream().filter((c) -> !c.socket.isClosed()).count();
	}

	/** Requests held on connections that are still open. */
	int heldRequests() {
		return (int) this.held.values().stream().filter((c) -> !c.socket.isClosed()).count();
	}

	private void acceptLoop() {
		while (!this.listener.isClosed()) {
			try {
				Socket socket = this.listener.accept();
				this.accepted.incrementAndGet();
				Connection connection = new Connection(socket);
				this.connections.add(connection);
				Thread reader = new Thread(connection::run, "raw-ws-conn");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	/** The newest connection that completed its handshake and is still open. */
	private Connection current() {
		for (int i = this.connections.size() - 1; i >= 0; i--) {
			Connection connection = this.connections.get(i);
			if (connection.upgraded && !connection.socket.isClosed()) {
				return connection;
			}
		}
		throw new IllegalStateException("No open websocket connection");
	}

	void sendText(String text) throws IOException {
		current().frame(true, 0x1, text.getBytes(StandardCharsets.UTF_8));
	}

	void sendBinary(byte[] payload) throws IOException {
		current().frame(true, 0x2, payload);
	}

	/** One text message split into frames of {@code fragment} bytes (split on UTF-8 byte boundaries of ASCII text). */
	void sendFragmentedText(String text, int fragment) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		Connection connection = current();
		synchronized (connection) {
			for (int offset = 0; offset < bytes.length; offset += fragment) {
				int end = Math.min(bytes.length, offset + fragment);
				byte[] part = java.util.Arrays.copyOfRange(bytes, offset, end);
				connection.frame(end == bytes.length, (offset == 0) ? 0x1 : 0x0, part);
			}
		}
	}

	void sendPing(byte[] payload) throws IOException {
		current().frame(true, 0x9, payload);
	}

	List<byte[]> pongs() {
		return this.pongs;
	}

	/** A raw frame: any opcode, any payload (for invalid UTF-8, say). */
	void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
		current().frame(fin, opcode, payload);
	}

	/** Stops reading from every connection, until {@link #resumeReading()}. */
	void pauseReading() {
		synchronized (this.pauseLock) {
			this.paused = true;
		}
	}

	void resumeReading() {
		synchronized (this.pauseLock) {
			this.paused = false;
			this.pauseLock.notifyAll();
		}
	}

	/** Returns once reading is not paused. */
	private void awaitReading() throws InterruptedException {
		synchronized (this.pauseLock) {
			while (this.paused) {
				this.pauseLock.wait();
			}
		}
	}

	/** Answers every held request with its real answer: for {@code getblockhash [h]}, a hash made from h. */
	void answerHeld() throws IOException {
		for (Map.Entry<Long, Connection> entry : new ArrayList<>(this.held.entrySet())) {
			if (this.held.remove(entry.getKey()) != null && !entry.getValue().socket.isClosed()) {
				entry.getValue().reply(entry.getKey(), "\"" + hashFor(entry.getKey()) + "\"");
			}
		}
	}

	/** The answer {@link #answerHeld()} gives to the request with this id. */
	static String hashFor(long id) {
		return String.format("%064x", id);
	}

	@Override
	public void close() throws IOException {
		// Readers waiting on a pause would never end otherwise.
		resumeReading();
		this.listener.close();
		for (Connection connection : this.connections) {
			connection.socket.close();
		}
	}

	private final class Connection {

		private final Socket socket;

		private volatile boolean upgraded;

		private final OutputStream out;

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.out = socket.getOutputStream();
		}

		void run() {
			try (Socket s = this.socket) {
				DataInputStream in = new DataInputStream(s.getInputStream());
				String key = null;
				for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
					int colon = line.indexOf(':');
					if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
						key = line.substring(colon + 1).trim();
					}
				}
				String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
					.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
				// Upgraded before the 101 goes out: a client that saw it may make the test send at once.
				this.upgraded = true;
				synchronized (this) {
					this.out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
							+ "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
					this.out.flush();
				}
				ByteArrayOutputStream message = new ByteArrayOutputStream();
				while (true) {
					awaitReading();
					int b0 = in.readUnsignedByte();
					int b1 = in.readUnsignedByte();
					boolean fin = (b0 & 0x80) != 0;
					int opcode = b0 & 0x0f;
					long length = b1 & 0x7f;
					if (length == 126) {
						length = in.readUnsignedShort();
					}
					else if (length == 127) {
						length = in.readLong();
					}
					byte[] mask = new byte[4];
					if ((b1 & 0x80) != 0) {
						in.readFully(mask);
					}
					byte[] payload = new byte[(int) length];
					in.readFully(payload);
					for (int i = 0; i < payload.length; i++) {
						payload[i] ^= mask[i % 4];
					}
					if (opcode == 0x8) {
						frame(true, 0x8, payload);
						return;
					}
					if (opcode == 0x9) {
						frame(true, 0xA, payload);
						continue;
					}
					if (opcode == 0xA) {
						RawWebSocketServer.this.pongs.add(payload);
						continue;
					}
					if (opcode == 0x1 || opcode == 0x0) {
						message.write(payload);
						if (fin) {
							request(message.toString(StandardCharsets.UTF_8));
							message.reset();
						}
					}
				}
			}
			catch (EOFException ex) {
				// The client went away.
			}
			catch (IOException | NoSuchAlgorithmException | RuntimeException ex) {
				// Closed by the test or the client.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void request(String text) throws IOException {
			JsonNode request = RawWebSocketServer.this.mapper.readTree(text);
			long id = request.path("id").asLong();
			if ("getblockcount".equals(request.path("method").asString())) {
				reply(id, Long.toString(BLOCK_COUNT));
			}
			else {
				RawWebSocketServer.this.held.put(id, this);
			}
		}

		void reply(long id, String resultJson) throws IOException {
			frame(true, 0x1, ("{\"jsonrpc\":\"1.0\",\"result\":" + resultJson + ",\"error\":null,\"id\":" + id + "}")
				.getBytes(StandardCharsets.UTF_8));
		}

		synchronized void frame(boolean fin, int opcode, byte[] payload) throws IOException {
			ByteArrayOutputStream header = new ByteArrayOutputStream();
			header.write((fin ? 0x80 : 0) | opcode);
			if (payload.length < 126) {
				header.write(payload.length);
			}
			else if (payload.length <= 0xffff) {
				header.write(126);
				header.write(payload.length >>> 8);
				header.write(payload.length & 0xff);
			}
			else {
				header.write(127);
				for (int shift = 56; shift >= 0; shift -= 8) {
					header.write((int) (((long) payload.length >>> shift) & 0xff));
				}
			}
			this.out.write(header.toByteArray());
			this.out.write(payload);
			this.out.flush();
		}

		private String readLine(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1) {
				if (c == '\n') {
					break;
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			if (c == -1) {
				throw new EOFException();
			}
			return line.toString();
		}

	}

}
