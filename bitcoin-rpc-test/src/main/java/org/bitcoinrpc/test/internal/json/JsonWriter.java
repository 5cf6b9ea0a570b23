package org.bitcoinrpc.test.internal.json;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes compact JSON the way Go's {@code encoding/json} does, so replies match btcd byte for
 * byte: no whitespace, members in the order written, Go's string escaping ({@link #quote}) and
 * Go's float format ({@link #goFloat}). Not thread-safe; one per reply.
 */
public final class JsonWriter {

    private final StringBuilder out;

    /** For each open object or array: true until its first element is written. */
    private final Deque<Boolean> first = new ArrayDeque<>();

    /** True right after a member name, so the value needs no comma. */
    private boolean afterName;

    /** Creates a writer with a default buffer. */
    public JsonWriter() {
        this(128);
    }

    /** Creates a writer whose buffer starts at {@code capacity} characters. */
    public JsonWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    private void beforeValue() {
        if (this.afterName) {
            this.afterName = false;
            return;
        }
        if (!this.first.isEmpty()) {
            if (this.first.peek()) {
                this.first.pop();
                this.first.push(Boolean.FALSE);
            }
            else {
                this.out.append(',');
            }
        }
    }

    /** Opens an object. */
    public JsonWriter beginObject() {
        beforeValue();
        this.out.append('{');
        this.first.push(Boolean.TRUE);
        return this;
    }

    /** Closes the innermost object. */
    public JsonWriter endObject() {
        this.first.pop();
        this.out.append('}');
        return this;
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        beforeValue();
        this.out.append('[');
        this.first.push(Boolean.TRUE);
        return this;
    }

    /** Closes the innermost array. */
    public JsonWriter endArray() {
        this.first.pop();
        this.out.append(']');
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(String name) {
        beforeValue();
        quote(this.out, name);
        this.out.append(':');
        this.afterName = true;
        return this;
    }

    /** Writes a string value. */
    public JsonWriter value(String value) {
        beforeValue();
        quote(this.out, value);
        return this;
    }

    /** Writes an integer value. */
    public JsonWriter value(long value) {
        beforeValue();
        this.out.append(value);
        return this;
    }

    /** Writes a boolean value. */
    public JsonWriter value(boolean value) {
        beforeValue();
        this.out.append(value);
        return this;
    }

    /** Writes {@code null}. */
    public JsonWriter nullValue() {
        beforeValue();
        this.out.append("null");
        return this;
    }

    /** Writes already-encoded JSON as the next value. */
    public JsonWriter raw(String json) {
        beforeValue();
        this.out.append(json);
        return this;
    }

    /** Writes a BTC amount in satoshis as Go prints the float64 {@code sats / 1e8}. */
    public JsonWriter btc(long sats) {
        return raw(goFloat(BigDecimal.valueOf(sats, 8)));
    }

    /** The JSON written so far. */
    @Override
    public String toString() {
        return this.out.toString();
    }

    /** {@code value} as a JSON string literal with Go's escaping. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        quote(sb, value);
        return sb.toString();
    }

    /**
     * Appends {@code value} as Go's {@code encoding/json} quotes it: {@code \"}, {@code \\},
     * {@code \n}, {@code \r}, {@code \t}, other control characters and the HTML-sensitive
     * {@code < > &} as {@code \}{@code u00XX}, U+2028 and U+2029 escaped, everything else raw UTF-8;
     * a lone surrogate becomes U+FFFD.
     */
    public static void quote(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(sb, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(sb, c);
                    }
                    else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        sb.append(c).append(value.charAt(++i));
                    }
                    else if (Character.isSurrogate(c)) {
                        sb.append('\ufffd');
                    }
                    else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u");
        String hex = Integer.toHexString(c);
        sb.append("0".repeat(4 - hex.length())).append(hex);
    }

    /**
     * A decimal number as Go's {@code encoding/json} prints a float64 of that value: the shortest
     * form, plain when {@code 1e-6 <= |x| < 1e21} ({@code 50}, {@code 0.00001}, {@code 39.9999}),
     * otherwise with an exponent of at least two digits ({@code 1e-07}, {@code 1e+21}).
     * Exact for values with up to 15 significant digits, which covers every BTC amount.
     */
    public static String goFloat(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigDecimal abs = stripped.abs();
        if (abs.compareTo(new BigDecimal("1e-6")) >= 0 && abs.compareTo(new BigDecimal("1e21")) < 0) {
            return stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        StringBuilder sb = new StringBuilder();
        if (stripped.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int absExp = Math.abs(exponent);
        if (absExp < 10) {
            sb.append('0');
        }
        sb.append(absExp);
        return sb.toString();
    }
}
