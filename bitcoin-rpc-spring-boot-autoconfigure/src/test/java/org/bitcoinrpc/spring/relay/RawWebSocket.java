package org.bitcoinrpc.spring.relay;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A browser that does not read: a WebSocket client on a plain socket with a small receive window,
 * which completes the handshake, then reads nothing until the test asks it to. The relay's sends to
 * it back up in the kernel's buffers, then in the relay's own backlog.
 */
final class RawWebSocket implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private RawWebSocket(Socket socket, DataInputStream in) {
		this.socket = socket;
		this.in = in;
	}

	static RawWebSocket connect(int port, String path) throws IOException {
		Socket socket = new Socket();
		// Set before connecting, so the window the server sees is small from the start.
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(30_000);
		String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		DataInputStream in = new DataInputStream(socket.getInputStream());
		String headers = readHeaders(in);
		if (!headers.startsWith("HTTP/1.1 101")) {
			socket.close();
			throw new IOException("Handshake refused: " + headers);
		}
		return new RawWebSocket(socket, in);
	}

	private static String readHeaders(InputStream in) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Connection closed during the handshake: " + headers);
			}
			headers.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return headers.toString(StandardCharsets.US_ASCII);
	}

	/**
	 * Reads every frame the server sent, until its close frame.
	 * @return the close frame's status code and reason, and how many text frames came before it
	 */
	Close readUntilClose() throws IOException {
		int texts = 0;
		while (true) {
			int first = this.in.readUnsignedByte();
			int second = this.in.readUnsignedByte();
			long length = second & 0x7f;
			if (length == 126) {
				length = this.in.readUnsignedShort();
			}
			else if (length == 127) {
				length = this.in.readLong();
			}
			byte[] payload = new byte[Math.toIntExact(length)];
			this.in.readFully(payload);
			int opcode = first & 0x0f;
			if (opcode == 0x8) {
				int code = (payload.length >= 2) ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
				String reason = (payload.length > 2)
						? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
				return new Close(code, reason, texts);
			}
			if (opcode == 0x1) {
				texts++;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	record Close(int code, String reason, int textFramesBefore) {
	}

}
