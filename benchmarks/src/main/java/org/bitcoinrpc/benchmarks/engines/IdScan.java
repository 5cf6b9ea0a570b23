package org.bitcoinrpc.benchmarks.engines;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;

/**
 * Finds a reply's id without parsing the JSON: btcd, Core and the stubs write {@code "id":<digits>}
 * last, so the digits before the closing brace are read backwards and the {@code "id":} before them
 * is checked. Anything else gives -1, which the raw clients count as a failed call.
 */
public final class IdScan {

	private static final byte[] KEY = { '"', 'i', 'd', '"', ':' };

	private IdScan() {
	}

	/** The id at the end of {@code bytes[0..length)}, or -1. */
	public static int tailId(byte[] bytes, int length) {
		return tailId(ByteBuffer.wrap(bytes, 0, length));
	}

	/** The id at the end of the buffer's remaining bytes (position untouched), or -1. */
	public static int tailId(ByteBuffer buffer) {
		int from = buffer.position();
		int i = buffer.limit() - 1;
		while (i >= from && isSpaceOrBrace(buffer.get(i))) {
			i--;
		}
		int value = 0;
		int scale = 1;
		int digits = 0;
		while (i >= from && digits < 9 && buffer.get(i) >= '0' && buffer.get(i) <= '9') {
			value += (buffer.get(i) - '0') * scale;
			scale *= 10;
			digits++;
			i--;
		}
		while (i >= from && buffer.get(i) == ' ') {
			i--;
		}
		for (int k = KEY.length - 1; k >= 0; k--, i--) {
			if (i < from || buffer.get(i) != KEY[k]) {
				return -1;
			}
		}
		return (digits > 0) ? value : -1;
	}

	/** The id at the end of the buffer's readable bytes (indexes untouched), or -1. */
	public static int tailId(ByteBuf buffer) {
		int from = buffer.readerIndex();
		int i = buffer.writerIndex() - 1;
		while (i >= from && isSpaceOrBrace(buffer.getByte(i))) {
			i--;
		}
		int value = 0;
		int scale = 1;
		int digits = 0;
		while (i >= from && digits < 9 && buffer.getByte(i) >= '0' && buffer.getByte(i) <= '9') {
			value += (buffer.getByte(i) - '0') * scale;
			scale *= 10;
			digits++;
			i--;
		}
		while (i >= from && buffer.getByte(i) == ' ') {
			i--;
		}
		for (int k = KEY.length - 1; k >= 0; k--, i--) {
			if (i < from || buffer.getByte(i) != KEY[k]) {
				return -1;
			}
		}
		return (digits > 0) ? value : -1;
	}

	private static boolean isSpaceOrBrace(byte b) {
		return b == '}' || b == ' ' || b == '\n' || b == '\r';
	}

}
