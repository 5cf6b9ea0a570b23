package org.bitcoinrpc.test.internal.rpc;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Hash arguments read as btcd's {@code chainhash.NewHashFromStr} reads them: at most 64 hex
 * digits, an odd count gets a leading zero, short ones are zero-padded on the left. Stateless.
 */
final class HashArgs {

    private static final int MAX_LENGTH = 64;

    private HashArgs() {
    }

    /**
     * Go's error for a hash string {@code NewHashFromStr} refuses, or null when it is fine:
     * {@code max hash string length is 64 bytes} or {@code encoding/hex: invalid byte: U+0078 'x'}.
     */
    static @Nullable String goError(String hash) {
        if (hash.length() > MAX_LENGTH) {
            return "max hash string length is 64 bytes";
        }
        for (int i = 0; i < hash.length(); i++) {
            char c = hash.charAt(i);
            if (Character.digit(c, 16) < 0 || c > 'f') {
                String code = String.format(Locale.ROOT, "U+%04X", (int) c);
                return "encoding/hex: invalid byte: " + (Character.isISOControl(c) ? code : code + " '" + c + "'");
            }
        }
        return null;
    }

    /** The 64 lower-case digits of a hash {@link #goError} accepted. */
    static String canonical(String hash) {
        return ("0".repeat(MAX_LENGTH - hash.length()) + hash).toLowerCase(Locale.ROOT);
    }

    /** Go's {@code %q} for the printable ASCII a hash or hex argument normally holds. */
    static String goQuote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
