package org.bitcoinrpc.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/** A tiny HTTP/1.1 client over a plain socket, to see the exact bytes the node sends. */
final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private RawHttp() {
    }

    /** One exchange as seen on the wire. */
    record Exchange(byte[] raw, @Nullable String statusLine, List<String> headerLines, byte[] body, boolean eofSeen) {

        String bodyText() {
            return new String(this.body, StandardCharsets.UTF_8);
        }

        String rawText() {
            return new String(this.raw, StandardCharsets.UTF_8);
        }

        int status() {
            return Integer.parseInt(String.valueOf(this.statusLine).split(" ")[1]);
        }

        /** The first header with this name (case-insensitive), or null. */
        @Nullable String header(String name) {
            for (String line : this.headerLines) {
                int colon = line.indexOf(':');
                if (line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** Header names as spelled on the wire. */
        List<String> headerNames() {
            List<String> names = new ArrayList<>();
            for (String line : this.headerLines) {
                names.add(line.substring(0, line.indexOf(':')));
            }
            return names;
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String postRequest(String body, @Nullable String authorization) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        sb.append("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
        if (authorization != null) {
            sb.append("Authorization: ").append(authorization).append("\r\n");
        }
        sb.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body);
        return sb.toString();
    }

    /** Opens a socket to the node (TLS when it uses TLS). */
    static Socket connect(SimulatedNode node) throws IOException {
        Socket socket;
        if (node.isTls()) {
            SSLContext context = node.certificate().clientSslContext();
            socket = context.getSocketFactory().createSocket(SimulatedNode.HOST, node.port());
        }
        else {
            socket = new Socket(SimulatedNode.HOST, node.port());
        }
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    /** POSTs {@code body} with the node's credentials on a new connection and reads until the server closes. */
    static Exchange post(SimulatedNode node, String body) throws IOException {
        return exchange(node, postRequest(body, basic(node.user(), node.password())));
    }

    /** Sends {@code request} verbatim on a new connection and reads until the server closes it. */
    static Exchange exchange(SimulatedNode node, String request) throws IOException {
        try (Socket socket = connect(node)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readUntilEof(socket.getInputStream());
        }
    }

    /** Sends {@code request} verbatim on a new connection and reads one Content-Length framed response. */
    static Exchange exchangeOne(SimulatedNode node, String request) throws IOException {
        try (Socket socket = connect(node)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readOne(socket.getInputStream());
        }
    }

    static Exchange readUntilEof(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        boolean eof = false;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
            eof = true;
        }
        catch (SocketTimeoutException ex) {
            eof = false;
        }
        catch (IOException ex) {
            // A reset also ends the stream.
            eof = true;
        }
        return parse(all.toByteArray(), eof);
    }

    /** Reads exactly one response framed by Content-Length (keep-alive), leaving the socket open. */
    static Exchange readOne(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return parse(head.toByteArray(), true);
            }
            head.write(b);
            matched = ((matched == 0 || matched == 2) && b == '\r') || ((matched == 1 || matched == 3) && b == '\n')
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Exchange headers = parse(head.toByteArray(), false);
        String length = headers.header("Content-Length");
        int size = (length == null) ? 0 : Integer.parseInt(length);
        byte[] body = in.readNBytes(size);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.toByteArray());
        all.writeBytes(body);
        return parse(all.toByteArray(), false);
    }

    static Exchange parse(byte[] raw, boolean eof) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (raw.length == 0 || end < 0) {
            return new Exchange(raw, null, List.of(), new byte[0], eof);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        byte[] body = new byte[raw.length - end - 4];
        System.arraycopy(raw, end + 4, body, 0, body.length);
        return new Exchange(raw, lines[0], headers, body, eof);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
