package org.bitcoinrpc.test.internal.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * btcd's credential check: the first {@code Authorization} header must equal
 * {@code "Basic " + base64(user:pass)} exactly (btcd compares SHA-256 digests of the whole header,
 * so even {@code basic} in lower case fails). Immutable.
 */
final class BasicAuth {

    /** The outcome of a check. */
    enum Result {
        /** No {@code Authorization} header: a 401 over HTTP, an unauthenticated websocket. */
        MISSING,
        /** The right credentials. */
        VALID,
        /** A header with anything else: always a 401. */
        INVALID
    }

    private final byte[] expected;

    private final String user;

    private final String password;

    BasicAuth(String user, String password) {
        this.user = user;
        this.password = password;
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.expected = ("Basic " + token).getBytes(StandardCharsets.UTF_8);
    }

    Result check(@Nullable String header) {
        if (header == null) {
            return Result.MISSING;
        }
        boolean same = MessageDigest.isEqual(this.expected, header.getBytes(StandardCharsets.UTF_8));
        return same ? Result.VALID : Result.INVALID;
    }

    /** The websocket {@code authenticate [user, pass]} check. */
    boolean matches(String user, String password) {
        return MessageDigest.isEqual(this.user.getBytes(StandardCharsets.UTF_8), user.getBytes(StandardCharsets.UTF_8))
                & MessageDigest.isEqual(this.password.getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
    }
}
