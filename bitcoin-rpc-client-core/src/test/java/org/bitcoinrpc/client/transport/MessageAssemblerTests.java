package org.bitcoinrpc.client.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.client.protocol.JsonText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The websocket reader's byte assembler: frames joined into one message, the size limit in bytes,
 * the id found at the end of a message over the limit, and the buffer's reuse and shrinking.
 */
class MessageAssemblerTests {

	private static final String REPLY = "{\"jsonrpc\":\"1.0\",\"result\":\"\u2026caf\u00e9\",\"error\":null,\"id\":42}";

	@Test
	void oneFrameIsTheWholeMessage() {
		MessageAssembler assembler = new MessageAssembler(1024);
		assertThat(assembler.append(utf8(REPLY), true)).isTrue();
		assertThat(assembler.isTooLarge()).isFalse();
		assertThat(text(assembler.text())).isEqualTo(REPLY);
		assertThat(assembler.size()).isEqualTo(bytes(REPLY).length);
	}

	@Test
	void framesAreJoinedEvenWhereTheySplitACharacter() {
		byte[] whole = bytes(REPLY);
		MessageAssembler assembler = new MessageAssembler(1024);
		// Cut inside the three bytes of U+2026 and inside the two of U+00E9.
		int ellipsis = bytes(REPLY.substring(0, REPLY.indexOf('\u2026'))).length;
		int acute = bytes(REPLY.substring(0, REPLY.indexOf('\u00e9'))).length;
		List<ByteBuffer> frames = split(whole, ellipsis + 1, ellipsis + 2, acute + 1);
		for (int i = 0; i < frames.size() - 1; i++) {
			assertThat(assembler.append(frames.get(i), false)).isFalse();
		}
		assertThat(assembler.append(frames.get(frames.size() - 1), true)).isTrue();
		assertThat(text(assembler.text())).isEqualTo(REPLY);
	}

	@Test
	void readsFromThePositionAndLeavesItAlone() {
		ByteBuffer frame = ByteBuffer.wrap(bytes("xx" + REPLY));
		frame.position(2);
		MessageAssembler assembler = new MessageAssembler(1024);
		assembler.append(frame, true);
		assertThat(text(assembler.text())).isEqualTo(REPLY);
		assertThat(frame.position()).isEqualTo(2);
	}

	@Test
	void emptyFramesAddNothing() {
		MessageAssembler assembler = new MessageAssembler(1024);
		assembler.append(utf8("{\"id\":"), false);
		assembler.append(ByteBuffer.allocate(0), false);
		assembler.append(utf8("1}"), true);
		assertThat(text(assembler.text())).isEqualTo("{\"id\":1}");
	}

	@Test
	void aMessageOfExactlyTheLimitIsKeptAndOneByteMoreIsTooLarge() {
		String atLimit = padded(100, 7);
		MessageAssembler assembler = new MessageAssembler(100);
		assembler.append(utf8(atLimit.substring(0, 60)), false);
		assembler.append(utf8(atLimit.substring(60)), true);
		assertThat(assembler.isTooLarge()).isFalse();
		assertThat(text(assembler.text())).isEqualTo(atLimit);
		assembler.reset();

		String overLimit = padded(101, 7);
		assembler.append(utf8(overLimit.substring(0, 60)), false);
		assembler.append(utf8(overLimit.substring(60)), true);
		assertThat(assembler.isTooLarge()).isTrue();
		assertThat(assembler.size()).isEqualTo(101);
		assertThat(assembler.trailingId()).isEqualTo(7L);
	}

	@Test
	void theIdOfATooLargeMessageIsFoundWhereverTheFramesCutIt() {
		String message = padded(5_000, 123_456_789L);
		byte[] whole = bytes(message);
		int idAt = message.lastIndexOf("\"id\"");
		// Every cut point across the id and its surroundings, with the limit below and above the cut.
		for (int cut = idAt - 3; cut <= whole.length; cut++) {
			for (int limit : new int[] { 100, cut - 1, cut, cut + 1 }) {
				if (limit < 1 || limit >= whole.length) {
					continue;
				}
				MessageAssembler assembler = new MessageAssembler(limit);
				feed(assembler, split(whole, 2_000, cut));
				assertThat(assembler.isTooLarge()).as("cut %d, limit %d", cut, limit).isTrue();
				assertThat(assembler.size()).isEqualTo(whole.length);
				assertThat(assembler.trailingId()).as("cut %d, limit %d", cut, limit).isEqualTo(123_456_789L);
			}
		}
	}

	@Test
	void theIdIsFoundInFramesOfOneByte() {
		byte[] whole = bytes(padded(400, 99));
		MessageAssembler assembler = new MessageAssembler(200);
		List<ByteBuffer> frames = new ArrayList<>();
		for (int i = 0; i < whole.length; i++) {
			frames.add(ByteBuffer.wrap(whole, i, 1));
		}
		feed(assembler, frames);
		assertThat(assembler.trailingId()).isEqualTo(99L);
	}

	@Test
	void theTrailingIdAllowsWhitespaceAndNothingElse() {
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\", \"id\" : 5 }\r\n")).isEqualTo(5L);
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\",\"id\":\t5\n}")).isEqualTo(5L);
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\",\"id\":null}")).isNull();
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\",\"id\":\"5\"}")).isNull();
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\",\"id\":5,\"error\":null}")).isNull();
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\",\"xid\":5}")).isNull();
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\",\"id\":5")).isNull();
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\",\"id\":" + "1".repeat(18) + "}"))
			.isEqualTo(111_111_111_111_111_111L);
		assertThat(trailingId("{\"result\":\"" + "x".repeat(300) + "\",\"id\":" + "1".repeat(19) + "}")).isNull();
		assertThat(trailingId("[" + "x".repeat(300) + "]")).isNull();
	}

	@Test
	void afterATooLargeMessageTheNextOneIsWhole() {
		MessageAssembler assembler = new MessageAssembler(100);
		feed(assembler, split(bytes(padded(500, 1)), 50, 250));
		assertThat(assembler.isTooLarge()).isTrue();
		assembler.reset();
		assembler.append(utf8(REPLY), true);
		assertThat(assembler.isTooLarge()).isFalse();
		assertThat(text(assembler.text())).isEqualTo(REPLY);
	}

	@Test
	void theBufferIsReusedAndDroppedOnlyWhenGrownPastTheRetainedCapacity() {
		MessageAssembler assembler = new MessageAssembler(4 * MessageAssembler.RETAINED_CAPACITY);
		int initial = assembler.capacity();

		feed(assembler, split(bytes(padded(100_000, 1)), 30_000, 60_000));
		int grown = assembler.capacity();
		assertThat(grown).isGreaterThanOrEqualTo(100_000).isLessThanOrEqualTo(MessageAssembler.RETAINED_CAPACITY);
		assembler.reset();
		assertThat(assembler.capacity()).as("kept for the next message").isEqualTo(grown);

		String huge = padded(MessageAssembler.RETAINED_CAPACITY + 1, 2);
		feed(assembler, split(bytes(huge), 500_000, 1_000_000));
		assertThat(assembler.capacity()).isGreaterThan(MessageAssembler.RETAINED_CAPACITY);
		assertThat(text(assembler.text())).isEqualTo(huge);
		assembler.reset();
		assertThat(assembler.capacity()).as("dropped after its message").isEqualTo(initial);
	}

	@Test
	void aMessageAnnouncedWholeIsReadIntoOneBufferOfItsSize() {
		MessageAssembler assembler = new MessageAssembler(4 * MessageAssembler.RETAINED_CAPACITY);
		String huge = padded(3 * MessageAssembler.RETAINED_CAPACITY, 4);
		assembler.expect(huge.length());
		assertThat(assembler.capacity()).isEqualTo(huge.length());
		feed(assembler, split(bytes(huge), 700_000, 1_500_000, 2_900_000));
		assertThat(assembler.capacity()).as("never grown by doubling").isEqualTo(huge.length());
		assertThat(text(assembler.text())).isEqualTo(huge);
	}

	@Test
	void aMessageAnnouncedOverTheLimitIsNotAllocated() {
		MessageAssembler assembler = new MessageAssembler(100_000);
		int initial = assembler.capacity();
		assembler.expect(100_001);
		assertThat(assembler.capacity()).isEqualTo(initial);
		feed(assembler, split(bytes(padded(100_001, 9)), 50_000));
		assertThat(assembler.isTooLarge()).isTrue();
		assertThat(assembler.trailingId()).isEqualTo(9L);
	}

	@Test
	void theBufferNeverGrowsPastTheLimit() {
		MessageAssembler assembler = new MessageAssembler(20_000);
		feed(assembler, split(bytes(padded(19_000, 3)), 8_000, 9_000, 16_000));
		assertThat(assembler.capacity()).isLessThanOrEqualTo(20_000);
	}

	/** A reply of exactly {@code size} bytes that ends with {@code "id":id}. */
	private static String padded(int size, long id) {
		String head = "{\"jsonrpc\":\"1.0\",\"result\":\"";
		String end = "\",\"error\":null,\"id\":" + id + "}";
		return head + "a".repeat(size - head.length() - end.length()) + end;
	}

	private static Long trailingId(String message) {
		MessageAssembler assembler = new MessageAssembler(100);
		assembler.append(utf8(message), true);
		assertThat(assembler.isTooLarge()).isTrue();
		return assembler.trailingId();
	}

	private static void feed(MessageAssembler assembler, List<ByteBuffer> frames) {
		for (int i = 0; i < frames.size(); i++) {
			boolean last = i == frames.size() - 1;
			assertThat(assembler.append(frames.get(i), last)).isEqualTo(last);
		}
	}

	/** The bytes cut at the given ascending offsets; an offset outside (0, length) is ignored. */
	private static List<ByteBuffer> split(byte[] bytes, int... cuts) {
		List<ByteBuffer> frames = new ArrayList<>();
		int from = 0;
		for (int cut : cuts) {
			if (cut > from && cut < bytes.length) {
				frames.add(ByteBuffer.wrap(bytes, from, cut - from).slice());
				from = cut;
			}
		}
		frames.add(ByteBuffer.wrap(bytes, from, bytes.length - from).slice());
		return frames;
	}

	private static ByteBuffer utf8(String text) {
		return ByteBuffer.wrap(bytes(text));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(JsonText text) {
		return text.preview(text.length());
	}

}
