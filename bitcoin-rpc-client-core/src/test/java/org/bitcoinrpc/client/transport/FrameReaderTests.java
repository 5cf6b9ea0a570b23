package org.bitcoinrpc.client.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitcoinrpc.client.transport.FrameReader.BINARY;
import static org.bitcoinrpc.client.transport.FrameReader.CLOSE;
import static org.bitcoinrpc.client.transport.FrameReader.CONTINUATION;
import static org.bitcoinrpc.client.transport.FrameReader.PING;
import static org.bitcoinrpc.client.transport.FrameReader.PONG;
import static org.bitcoinrpc.client.transport.FrameReader.TEXT;

/**
 * The websocket's streaming frame reader, fed server frames as bytes: every length encoding, the
 * frames cut at every possible point (a read may end anywhere, even inside a header), fragmented
 * messages with control frames between their fragments, the close frame, and each breach of the
 * protocol, after which nothing more is read.
 */
class FrameReaderTests {

	@Test
	void everyLengthEncodingReadWholeAndCutAtEveryByte() {
		for (int length : new int[] { 0, 1, 125, 126, 200, 65_535, 65_536, 70_000 }) {
			byte[] payload = payload(length);
			byte[] wire = frame(true, TEXT, payload);
			assertThat(readAll(wire).events).as("%d bytes in one read", length).containsExactly("text:" + length + ":last");
			Recorder cut = readInPieces(wire, (length < 300) ? 1 : 997);
			assertThat(cut.lastMessage).as("%d bytes cut into pieces", length).isEqualTo(payload);
			assertThat(cut.lastCount).isEqualTo(1);
		}
	}

	@Test
	void aHeaderCutAnywhereIsReadOnceWhole() {
		byte[] wire = concat(frame(true, TEXT, payload(70_000)), frame(true, PING, bytes("hi")), frame(true, TEXT, bytes("{}")));
		for (int cut = 1; cut < 14; cut++) {
			Recorder recorder = new Recorder();
			FrameReader reader = new FrameReader(recorder);
			reader.read(Unpooled.wrappedBuffer(wire, 0, cut));
			reader.read(Unpooled.wrappedBuffer(wire, cut, wire.length - cut));
			assertThat(recorder.messages).as("cut at %d", cut).containsExactly(new String(payload(70_000), StandardCharsets.US_ASCII), "{}");
			assertThat(recorder.events).contains("ping:hi");
		}
	}

	@Test
	void aFragmentedMessageWithControlFramesBetweenItsFragments() {
		byte[] wire = concat(frame(false, TEXT, bytes("{\"a\":")), frame(true, PING, bytes("p")), frame(false, CONTINUATION, new byte[0]),
				frame(true, PONG, new byte[0]), frame(true, CONTINUATION, bytes("1}")), frame(true, BINARY, bytes("xyz")),
				frame(false, BINARY, bytes("ab")), frame(true, CONTINUATION, bytes("c")), frame(true, TEXT, new byte[0]));
		for (int piece : new int[] { wire.length, 1, 3 }) {
			Recorder recorder = readInPieces(wire, piece);
			assertThat(recorder.messages).containsExactly("{\"a\":1}", "");
			assertThat(recorder.binaryMessages).containsExactly(3L, 3L);
			assertThat(recorder.events).contains("ping:p", "pong");
			assertThat(recorder.starts).as("each message's first frame announced, continuations not")
				.containsExactly("text:5:first", "binary:3:whole", "binary:2:first", "text:0:whole");
		}
	}

	@Test
	void aCloseFrameEndsTheReading() {
		byte[] close = concat(new byte[] { 0x03, (byte) 0xE9 }, bytes("going away"));
		Recorder recorder = readAll(concat(frame(true, CLOSE, close), frame(true, TEXT, bytes("{}"))));
		assertThat(recorder.events).containsExactly("close:1001:going away");
		assertThat(readAll(frame(true, CLOSE, new byte[0])).events).containsExactly("close:1005:");
	}

	@Test
	void aBreachOfTheProtocolIsReportedOnceAndNothingIsReadAfterIt() {
		byte[] masked = frame(true, TEXT, bytes("{}"));
		masked[1] |= (byte) 0x80;
		byte[] reserved = frame(true, TEXT, bytes("{}"));
		reserved[0] |= 0x40;
		byte[] hugeLength = { (byte) 0x81, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0 };
		assertBreach(masked, "a masked frame");
		assertBreach(reserved, "reserved bits");
		assertBreach(hugeLength, "over 2^63");
		assertBreach(frame(true, 0x3, new byte[0]), "unknown opcode 3");
		assertBreach(frame(true, CONTINUATION, bytes("x")), "no message to continue");
		assertBreach(concat(frame(false, TEXT, bytes("x")), frame(true, TEXT, bytes("y"))), "before the fragmented message ended");
		assertBreach(frame(false, PING, new byte[0]), "fragmented control frame");
		assertBreach(frame(true, PING, new byte[126]), "control frame of more than 125 bytes");
		assertBreach(frame(true, CLOSE, new byte[1]), "close frame of one byte");
	}

	private static void assertBreach(byte[] wire, String reason) {
		Recorder recorder = readAll(concat(wire, frame(true, TEXT, bytes("{}"))));
		assertThat(recorder.events).as(reason).hasSize(1);
		assertThat(recorder.events.get(0)).startsWith("error:the node sent ").contains(reason);
	}

	private static Recorder readAll(byte[] wire) {
		return readInPieces(wire, wire.length);
	}

	private static Recorder readInPieces(byte[] wire, int piece) {
		Recorder recorder = new Recorder();
		FrameReader reader = new FrameReader(recorder);
		for (int offset = 0; offset < wire.length; offset += piece) {
			ByteBuf in = Unpooled.copiedBuffer(wire, offset, Math.min(piece, wire.length - offset));
			reader.read(in);
			assertThat(in.isReadable()).as("every byte consumed").isFalse();
		}
		return recorder;
	}

	/** An unmasked frame, as a server sends it. */
	private static byte[] frame(boolean fin, int opcode, byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write((fin ? 0x80 : 0) | opcode);
		if (payload.length < 126) {
			out.write(payload.length);
		}
		else if (payload.length <= 0xFFFF) {
			out.write(126);
			out.write(payload.length >>> 8);
			out.write(payload.length & 0xFF);
		}
		else {
			out.write(127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				out.write((int) (((long) payload.length >>> shift) & 0xFF));
			}
		}
		out.writeBytes(payload);
		return out.toByteArray();
	}

	private static byte[] payload(int length) {
		byte[] payload = new byte[length];
		for (int i = 0; i < length; i++) {
			payload[i] = (byte) ('a' + i % 26);
		}
		return payload;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** Records what the reader reports: whole text messages, binary sizes, control frames and errors. */
	private static final class Recorder implements FrameReader.Sink {

		final List<String> events = new ArrayList<>();

		final List<String> messages = new ArrayList<>();

		final List<Long> binaryMessages = new ArrayList<>();

		final ByteArrayOutputStream message = new ByteArrayOutputStream();

		byte[] lastMessage = new byte[0];

		long binary;

		int lastCount;

		final List<String> starts = new ArrayList<>();

		@Override
		public void messageStart(long length, boolean isBinary, boolean last) {
			this.starts.add((isBinary ? "binary:" : "text:") + length + (last ? ":whole" : ":first"));
		}

		@Override
		public void data(ByteBuffer bytes, boolean isBinary, boolean last) {
			if (isBinary) {
				this.binary += bytes.remaining();
				if (last) {
					this.binaryMessages.add(this.binary);
					this.binary = 0;
				}
				return;
			}
			byte[] piece = new byte[bytes.remaining()];
			bytes.get(bytes.position(), piece);
			this.message.writeBytes(piece);
			if (last) {
				this.lastCount++;
				this.events.add("text:" + this.message.size() + ":last");
				this.messages.add(this.message.toString(StandardCharsets.UTF_8));
				this.lastMessage = this.message.toByteArray();
				this.message.reset();
			}
		}

		@Override
		public void ping(byte[] payload, int length) {
			this.events.add("ping:" + new String(payload, 0, length, StandardCharsets.UTF_8));
		}

		@Override
		public void pong() {
			this.events.add("pong");
		}

		@Override
		public void close(int code, String reason) {
			this.events.add("close:" + code + ":" + reason);
		}

		@Override
		public void protocolError(String reason) {
			this.events.add("error:" + reason);
		}

	}

}
