package org.bitcoinrpc.client.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Reads the frames a websocket server sends (RFC 6455, no extension), streaming: a data frame's
 * payload is handed on in the pieces it arrives in, as views of the received buffers, and never
 * gathered here. That is what lets a reply far over the size limit fail its one call while the
 * connection stays up, without holding the reply in memory: the {@link MessageAssembler} keeps
 * what it needs. Netty's own decoder gathers each frame whole and closes the connection past
 * its limit.
 * <p>
 * Server frames are never masked, and nothing here checks that text is UTF-8: the JSON parser
 * reads every message anyway, and a message that is not JSON is counted as malformed.
 * <p>
 * Not thread-safe: owned by the connection's event loop, which feeds it one buffer at a time.
 */
final class FrameReader {

	/** What the frames carry, in the order they arrive. Called during {@link #read}, on its thread. */
	interface Sink {

		/**
		 * A piece of a data message's payload, from its position to its limit; valid during the call.
		 * @param binary whether the message is binary (its first frame's opcode)
		 * @param last whether this piece ends the message
		 */
		void data(ByteBuffer bytes, boolean binary, boolean last);

		void ping(byte[] payload, int length);

		void pong();

		/**
		 * The node closed the websocket. Nothing is read after it.
		 * @param code the close code, 1005 when the frame carried none
		 */
		void close(int code, String reason);

		/**
		 * A data message begins with a frame of {@code length} payload bytes, its pieces to follow
		 * through {@link #data}; {@code last} if that frame is the whole message.
		 */
		default void messageStart(long length, boolean binary, boolean last) {
		}

		/** The node broke the protocol. Nothing is read after it. */
		void protocolError(String reason);

	}

	static final int NO_STATUS_CODE = 1005;

	/** The opcodes of RFC 6455, section 5.2. */
	static final int CONTINUATION = 0x0;

	static final int TEXT = 0x1;

	static final int BINARY = 0x2;

	static final int CLOSE = 0x8;

	static final int PING = 0x9;

	static final int PONG = 0xA;

	private static final int MAX_CONTROL_PAYLOAD = 125;

	private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

	private enum State {

		HEADER, PAYLOAD, DONE

	}

	private final Sink sink;

	private State state = State.HEADER;

	/** The header read so far: {@code header[0, headerLength)}, complete at {@link #headerSize}. */
	private final byte[] header = new byte[10];

	private int headerLength;

	private int headerSize;

	/** The current frame's opcode, whether it ends its message, and the payload bytes still to come. */
	private int opcode;

	private boolean fin;

	private long remaining;

	/** The opcode of the data message in progress (text or binary), or 0 between messages. */
	private int messageOpcode;

	/** A control frame's payload, gathered: at most 125 bytes, possibly split across reads. */
	private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];

	private int controlLength;

	FrameReader(Sink sink) {
		this.sink = sink;
	}

	/** Reads what {@code in} holds, consuming it all; the sink hears of each frame as it completes. */
	void read(ByteBuf in) {
		while (this.state != State.DONE && in.isReadable()) {
			if (this.state == State.HEADER) {
				if (!readHeader(in)) {
					break;
				}
			}
			else {
				readPayload(in);
			}
		}
		if (this.state == State.DONE) {
			in.skipBytes(in.readableBytes());
		}
	}

	/** Whether the reader has stopped: the node closed the websocket or broke the protocol. */
	boolean isDone() {
		return this.state == State.DONE;
	}

	private boolean readHeader(ByteBuf in) {
		while (this.headerLength < 2 || this.headerLength < this.headerSize) {
			if (!in.isReadable()) {
				return false;
			}
			this.header[this.headerLength++] = in.readByte();
			if (this.headerLength == 2 && !startFrame()) {
				return false;
			}
		}
		long length = this.header[1] & 0x7F;
		if (length == 126) {
			length = ((this.header[2] & 0xFF) << 8) | (this.header[3] & 0xFF);
		}
		else if (length == 127) {
			length = 0;
			for (int i = 2; i < 10; i++) {
				length = (length << 8) | (this.header[i] & 0xFF);
			}
			if (length < 0) {
				return fail("a frame length over 2^63 bytes");
			}
		}
		this.headerLength = 0;
		this.headerSize = 0;
		this.remaining = length;
		this.controlLength = 0;
		this.state = State.PAYLOAD;
		if (this.opcode == TEXT || this.opcode == BINARY) {
			this.sink.messageStart(length, this.opcode == BINARY, this.fin);
		}
		if (length == 0) {
			endPayload(EMPTY);
		}
		return this.state != State.DONE;
	}

	/** Checks the first two bytes of a header and works out its size. */
	private boolean startFrame() {
		int b0 = this.header[0];
		int b1 = this.header[1];
		this.fin = (b0 & 0x80) != 0;
		this.opcode = b0 & 0x0F;
		if ((b0 & 0x70) != 0) {
			return fail("a frame with reserved bits set, but no extension was negotiated");
		}
		if ((b1 & 0x80) != 0) {
			return fail("a masked frame (a server must not mask its frames)");
		}
		int length = b1 & 0x7F;
		switch (this.opcode) {
			case CONTINUATION -> {
				if (this.messageOpcode == 0) {
					return fail("a continuation frame with no message to continue");
				}
			}
			case TEXT, BINARY -> {
				if (this.messageOpcode != 0) {
					return fail("a new data frame before the fragmented message ended");
				}
				this.messageOpcode = this.opcode;
			}
			case CLOSE, PING, PONG -> {
				if (!this.fin) {
					return fail("a fragmented control frame");
				}
				if (length > MAX_CONTROL_PAYLOAD) {
					return fail("a control frame of more than 125 bytes");
				}
			}
			default -> {
				return fail("a frame with the unknown opcode " + this.opcode);
			}
		}
		this.headerSize = 2 + ((length == 126) ? 2 : (length == 127) ? 8 : 0);
		return true;
	}

	private void readPayload(ByteBuf in) {
		int count = (int) Math.min(this.remaining, in.readableBytes());
		if (this.opcode >= CLOSE) {
			in.readBytes(this.control, this.controlLength, count);
			this.controlLength += count;
			this.remaining -= count;
			if (this.remaining == 0) {
				endControl();
			}
			return;
		}
		int index = in.readerIndex();
		in.skipBytes(count);
		this.remaining -= count;
		ByteBuffer bytes = (in.nioBufferCount() == 1) ? in.internalNioBuffer(index, count) : in.nioBuffer(index, count);
		if (this.remaining == 0) {
			endPayload(bytes);
		}
		else {
			this.sink.data(bytes, this.messageOpcode == BINARY, false);
		}
	}

	/** The last piece of a frame's payload (or none, for an empty frame). */
	private void endPayload(ByteBuffer bytes) {
		if (this.opcode >= CLOSE) {
			endControl();
			return;
		}
		this.state = State.HEADER;
		boolean binary = this.messageOpcode == BINARY;
		if (this.fin) {
			this.messageOpcode = 0;
		}
		this.sink.data(bytes, binary, this.fin);
	}

	private void endControl() {
		this.state = State.HEADER;
		switch (this.opcode) {
			case PING -> this.sink.ping(this.control, this.controlLength);
			case PONG -> this.sink.pong();
			default -> endClose();
		}
	}

	private void endClose() {
		if (this.controlLength == 1) {
			fail("a close frame of one byte");
			return;
		}
		this.state = State.DONE;
		if (this.controlLength == 0) {
			this.sink.close(NO_STATUS_CODE, "");
			return;
		}
		int code = ((this.control[0] & 0xFF) << 8) | (this.control[1] & 0xFF);
		this.sink.close(code, new String(this.control, 2, this.controlLength - 2, StandardCharsets.UTF_8));
	}

	private boolean fail(String reason) {
		this.state = State.DONE;
		this.sink.protocolError("the node sent " + reason);
		return false;
	}

}
