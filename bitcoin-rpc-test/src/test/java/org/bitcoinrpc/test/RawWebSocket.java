package org.bitcoinrpc.test;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A minimal websocket client on a raw socket: each message goes out as exactly one masked text
 * frame of any size, and frames come back as they are on the wire.
 */
final class RawWebSocket implements AutoCloseable {

    private final Socket socket;

    private final DataInputStream in;

    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    /** Opens {@code /ws} with the node's credentials in the upgrade request. */
    static RawWebSocket open(SimulatedNode node) throws IOException {
        return open(node, RawHttp.basic(node.user(), node.password()));
    }

    /** Opens {@code /ws} with this {@code Authorization} header, or none when null. */
    static RawWebSocket open(SimulatedNode node, @Nullable String authorization) throws IOException {
        RawWebSocket ws = new RawWebSocket(RawHttp.connect(node));
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        RawHttp.Exchange upgrade = RawHttp.readOne(ws.in);
        assertThat(upgrade.statusLine()).startsWith("HTTP/1.1 101");
        return ws;
    }

    /** Sends {@code text} as one final, masked text frame. */
    void sendText(String text) throws IOException {
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a ping frame with this payload. */
    void sendPing(byte[] payload) throws IOException {
        sendFrame(0x9, payload);
    }

    /**
     * Checks that nothing arrives for {@code quiet} and that the connection is still open: a read
     * times out rather than seeing the end of the stream.
     */
    void assertSilentAndOpenFor(Duration quiet) throws IOException {
        int previous = this.socket.getSoTimeout();
        this.socket.setSoTimeout(Math.toIntExact(quiet.toMillis()));
        try {
            int b = this.in.read();
            fail("Expected silence, but " + (b < 0 ? "the connection ended" : "a frame arrived (first byte " + b + ")"));
        }
        catch (SocketTimeoutException expected) {
            // Silence, and no end of stream.
        }
        finally {
            this.socket.setSoTimeout(previous);
        }
    }

    /** Sends a close frame with this status code. */
    void sendClose(int code) throws IOException {
        sendFrame(0x8, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        this.out.write(0x80 | opcode);
        if (payload.length < 126) {
            this.out.write(0x80 | payload.length);
        }
        else if (payload.length <= 0xffff) {
            this.out.write(0x80 | 126);
            this.out.write(payload.length >>> 8);
            this.out.write(payload.length);
        }
        else {
            this.out.write(0x80 | 127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                this.out.write((int) (length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        this.out.write(mask);
        byte[] chunk = new byte[1 << 16];
        for (int offset = 0; offset < payload.length; offset += chunk.length) {
            int n = Math.min(chunk.length, payload.length - offset);
            for (int i = 0; i < n; i++) {
                chunk[i] = (byte) (payload[offset + i] ^ mask[(offset + i) & 3]);
            }
            this.out.write(chunk, 0, n);
        }
        this.out.flush();
    }

    /** One frame as received. */
    record Frame(boolean fin, int opcode, byte[] payload) {

        String text() {
            return new String(this.payload, StandardCharsets.UTF_8);
        }
    }

    /** Reads the next frame. */
    Frame readFrame() throws IOException {
        int b0 = this.in.readUnsignedByte();
        int b1 = this.in.readUnsignedByte();
        long length = b1 & 0x7f;
        if (length == 126) {
            length = this.in.readUnsignedShort();
        }
        else if (length == 127) {
            length = this.in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        this.in.readFully(payload);
        return new Frame((b0 & 0x80) != 0, b0 & 0x0f, payload);
    }

    /** Sends {@code request} and returns the text of the next frame. */
    String call(String request) throws IOException {
        sendText(request);
        return readFrame().text();
    }

    /**
     * Reads until the server ends the TCP connection and checks that nothing came before: no reply,
     * no close frame. (The JDK's websocket client sometimes misses such an end, hence this client.)
     */
    void assertDroppedWithoutAnyFrame() throws IOException {
        List<Frame> frames = new ArrayList<>();
        try {
            while (true) {
                frames.add(readFrame());
            }
        }
        catch (EOFException | SocketException ex) {
            // The end of the stream, or a reset: the connection is gone.
        }
        assertThat(frames).extracting(Frame::opcode).as("frames before the drop").isEmpty();
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }
}
