package org.bitcoinrpc.test.internal.chain;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Segwit addresses (BIP 173 bech32 for version 0, BIP 350 bech32m for later versions): encoding and
 * checked decoding. Stateless and thread-safe.
 */
final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private static final int BECH32_CONST = 1;

    private static final int BECH32M_CONST = 0x2bc830a3;

    private static final int MAX_LENGTH = 90;

    /**
     * A decoded segwit address.
     * @param version the witness version, 0 to 16
     * @param program the witness program, 2 to 40 bytes
     */
    record Segwit(int version, byte[] program) {
    }

    private Bech32() {
    }

    /** The lower-case segwit address of this witness program. */
    static String encode(String hrp, int version, byte[] program) {
        byte[] converted = Objects.requireNonNull(convertBits(program, 8, 5, true));
        byte[] data = new byte[converted.length + 1];
        data[0] = (byte) version;
        System.arraycopy(converted, 0, data, 1, converted.length);
        int constant = (version == 0) ? BECH32_CONST : BECH32M_CONST;
        int polymod = polymod(hrp, data, new byte[6]) ^ constant;
        StringBuilder sb = new StringBuilder(hrp).append('1');
        for (byte b : data) {
            sb.append(CHARSET.charAt(b));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(CHARSET.charAt((polymod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    /**
     * Decodes a segwit address of {@code hrp}, checking the case, the checksum (bech32 for version 0,
     * bech32m after) and the program length.
     * @return the witness version and program, or null when {@code address} is not one
     */
    static @Nullable Segwit decode(String hrp, String address) {
        if (address.length() > MAX_LENGTH || !address.equals(address.toLowerCase(Locale.ROOT))
                && !address.equals(address.toUpperCase(Locale.ROOT))) {
            return null;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        if (separator < 1 || lower.length() - separator - 1 < 7 || !lower.substring(0, separator).equals(hrp)) {
            return null;
        }
        byte[] data = new byte[lower.length() - separator - 1 - 6];
        byte[] checksum = new byte[6];
        for (int i = separator + 1; i < lower.length(); i++) {
            int value = CHARSET.indexOf(lower.charAt(i));
            if (value < 0) {
                return null;
            }
            int at = i - separator - 1;
            if (at < data.length) {
                data[at] = (byte) value;
            }
            else {
                checksum[at - data.length] = (byte) value;
            }
        }
        int version = data[0];
        int expected = (version == 0) ? BECH32_CONST : BECH32M_CONST;
        if (version > 16 || polymod(hrp, data, checksum) != expected) {
            return null;
        }
        byte[] fiveBit = new byte[data.length - 1];
        System.arraycopy(data, 1, fiveBit, 0, fiveBit.length);
        byte[] program = convertBits(fiveBit, 5, 8, false);
        if (program == null || program.length < 2 || program.length > 40
                || (version == 0 && program.length != 20 && program.length != 32)) {
            return null;
        }
        return new Segwit(version, program);
    }

    private static int polymod(String hrp, byte[] data, byte[] tail) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >>> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (byte b : data) {
            chk = step(chk, b);
        }
        for (byte b : tail) {
            chk = step(chk, b);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        int next = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= GENERATOR[i];
            }
        }
        return next;
    }

    /** Regroups bits; null when {@code pad} is false and the input has leftover non-zero or too many bits. */
    private static byte @Nullable [] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxValue = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : in) {
            acc = (acc << from) | (b & 0xff);
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxValue);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & maxValue);
            }
        }
        else if (bits >= from || ((acc << (to - bits)) & maxValue) != 0) {
            return null;
        }
        return out.toByteArray();
    }
}
