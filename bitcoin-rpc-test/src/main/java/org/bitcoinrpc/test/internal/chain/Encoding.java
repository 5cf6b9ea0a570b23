package org.bitcoinrpc.test.internal.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Bitcoin's byte-level encodings: hashing, hex, little-endian integers, var-ints, script numbers and
 * Base58Check. Stateless and thread-safe.
 */
public final class Encoding {

    private static final HexFormat HEX = HexFormat.of();

    private static final String BASE58_ALPHABET =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private Encoding() {
    }

    /** Lower-case hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Bytes of a hex string (either case); throws {@link IllegalArgumentException} if it is not hex. */
    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** SHA-256 applied twice, as Bitcoin hashes headers and transactions. */
    public static byte[] doubleSha256(byte[] data) {
        return sha256(sha256(data));
    }

    /** RIPEMD-160 of SHA-256, as Bitcoin hashes public keys and scripts for addresses. */
    public static byte[] hash160(byte[] data) {
        return Ripemd160.digest(sha256(data));
    }

    /** A reversed copy of {@code bytes}. */
    public static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    /** The RPC (display) form of a hash held in internal byte order: reversed, then hex. */
    public static String displayHash(byte[] internalOrder) {
        return hex(reversed(internalOrder));
    }

    /** Writes {@code value} as 4 little-endian bytes. */
    public static void writeUInt32(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    /** Writes {@code value} as 8 little-endian bytes. */
    public static void writeInt64(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    /** Writes Bitcoin's compact-size unsigned integer. */
    public static void writeVarInt(ByteArrayOutputStream out, long value) {
        if (value < 0xfd) {
            out.write((int) value);
        }
        else if (value <= 0xffff) {
            out.write(0xfd);
            out.write((int) value & 0xff);
            out.write((int) (value >>> 8) & 0xff);
        }
        else if (value <= 0xffffffffL) {
            out.write(0xfe);
            writeUInt32(out, value);
        }
        else {
            out.write(0xff);
            writeInt64(out, value);
        }
    }

    /**
     * The script bytes btcd's {@code ScriptBuilder.AddInt64} emits: OP_0, OP_1NEGATE and OP_1..OP_16
     * for small values, otherwise a push of the minimal little-endian script number.
     */
    public static byte[] scriptInt64(long value) {
        if (value == 0) {
            return new byte[] {0x00};
        }
        if (value == -1 || (value >= 1 && value <= 16)) {
            return new byte[] {(byte) (0x50 + value)};
        }
        byte[] number = scriptNum(value);
        byte[] out = new byte[number.length + 1];
        out[0] = (byte) number.length;
        System.arraycopy(number, 0, out, 1, number.length);
        return out;
    }

    private static byte[] scriptNum(long value) {
        boolean negative = value < 0;
        long abs = Math.abs(value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (abs > 0) {
            out.write((int) (abs & 0xff));
            abs >>>= 8;
        }
        byte[] bytes = out.toByteArray();
        if ((bytes[bytes.length - 1] & 0x80) != 0) {
            byte[] extended = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, extended, 0, bytes.length);
            extended[bytes.length] = (byte) (negative ? 0x80 : 0x00);
            return extended;
        }
        if (negative) {
            bytes[bytes.length - 1] |= (byte) 0x80;
        }
        return bytes;
    }

    /** Base58Check of a one-byte version followed by {@code payload}, as addresses are written. */
    public static String base58Check(int version, byte[] payload) {
        byte[] data = new byte[payload.length + 1];
        data[0] = (byte) version;
        System.arraycopy(payload, 0, data, 1, payload.length);
        byte[] checksum = doubleSha256(data);
        byte[] full = new byte[data.length + 4];
        System.arraycopy(data, 0, full, 0, data.length);
        System.arraycopy(checksum, 0, full, data.length, 4);
        StringBuilder sb = new StringBuilder();
        BigInteger number = new BigInteger(1, full);
        BigInteger base = BigInteger.valueOf(58);
        while (number.signum() > 0) {
            BigInteger[] qr = number.divideAndRemainder(base);
            sb.append(BASE58_ALPHABET.charAt(qr[1].intValue()));
            number = qr[0];
        }
        for (int i = 0; i < full.length && full[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    /**
     * Decodes Base58Check text.
     * @return the version byte followed by the payload (the checksum removed), or null when the text
     *         is not Base58, too short or its checksum is wrong
     */
    public static byte @Nullable [] base58CheckDecode(String text) {
        BigInteger number = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        for (int i = 0; i < text.length(); i++) {
            int digit = BASE58_ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                return null;
            }
            number = number.multiply(base).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = number.signum() == 0 ? new byte[0] : number.toByteArray();
        int skip = (magnitude.length > 0 && magnitude[0] == 0) ? 1 : 0;
        byte[] full = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, full, zeros, magnitude.length - skip);
        if (full.length < 5) {
            return null;
        }
        byte[] data = Arrays.copyOf(full, full.length - 4);
        byte[] checksum = doubleSha256(data);
        for (int i = 0; i < 4; i++) {
            if (checksum[i] != full[data.length + i]) {
                return null;
            }
        }
        return data;
    }
}
