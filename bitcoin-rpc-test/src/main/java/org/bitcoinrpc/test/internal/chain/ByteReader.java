package org.bitcoinrpc.test.internal.chain;

/**
 * Reads Bitcoin's little-endian integers, compact sizes and byte strings from an array, throwing
 * {@link Truncated} when the data runs out. Not thread-safe; one per decode.
 */
final class ByteReader {

    /** Thrown when a read goes past the end of the data. */
    static final class Truncated extends Exception {

        private static final long serialVersionUID = 1L;

        Truncated() {
            super(null, null, false, false);
        }
    }

    private final byte[] data;

    private int position;

    ByteReader(byte[] data) {
        this.data = data;
    }

    /** How many bytes are left. */
    int remaining() {
        return this.data.length - this.position;
    }

    /** The next byte without consuming it, or -1 at the end. */
    int peek() {
        return (this.position < this.data.length) ? this.data[this.position] & 0xff : -1;
    }

    int uint8() throws Truncated {
        need(1);
        return this.data[this.position++] & 0xff;
    }

    long uint32() throws Truncated {
        need(4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) (this.data[this.position++] & 0xff) << (8 * i);
        }
        return value;
    }

    long int64() throws Truncated {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (long) (this.data[this.position++] & 0xff) << (8 * i);
        }
        return value;
    }

    /** A compact size; values beyond {@code Integer.MAX_VALUE} are reported as truncation. */
    int varInt() throws Truncated {
        int first = uint8();
        long value;
        if (first < 0xfd) {
            value = first;
        }
        else if (first == 0xfd) {
            value = uint8() | (long) uint8() << 8;
        }
        else if (first == 0xfe) {
            value = uint32();
        }
        else {
            value = int64();
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new Truncated();
        }
        return (int) value;
    }

    byte[] bytes(int count) throws Truncated {
        need(count);
        byte[] out = new byte[count];
        System.arraycopy(this.data, this.position, out, 0, count);
        this.position += count;
        return out;
    }

    private void need(int count) throws Truncated {
        if (count < 0 || this.data.length - this.position < count) {
            throw new Truncated();
        }
    }
}
