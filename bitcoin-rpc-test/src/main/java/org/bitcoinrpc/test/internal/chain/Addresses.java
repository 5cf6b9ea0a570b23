package org.bitcoinrpc.test.internal.chain;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Simnet addresses as btcd's {@code btcutil} encodes and decodes them: Base58Check P2PKH (version
 * 0x3f) and P2SH (0x7b), bech32/bech32m segwit with the {@code sb} prefix, and hex public keys.
 * Stateless and thread-safe.
 */
public final class Addresses {

    /** Simnet's P2PKH version byte. */
    public static final int PUBKEY_HASH_ID = 0x3f;

    /** Simnet's P2SH version byte. */
    public static final int SCRIPT_HASH_ID = 0x7b;

    /** Simnet's segwit prefix. */
    public static final String SEGWIT_HRP = "sb";

    /** The segwit prefixes btcd knows (any network); an address with one of them is never Base58. */
    private static final Set<String> KNOWN_SEGWIT_PREFIXES = Set.of("bc1", "tb1", "bcrt1", "sb1");

    private Addresses() {
    }

    /** The P2PKH address of a 20-byte key hash. */
    public static String pubKeyHash(byte[] hash160) {
        return Encoding.base58Check(PUBKEY_HASH_ID, hash160);
    }

    /** The P2SH address of a 20-byte script hash. */
    public static String scriptHash(byte[] hash160) {
        return Encoding.base58Check(SCRIPT_HASH_ID, hash160);
    }

    /** The segwit address of a witness program. */
    public static String segwit(int version, byte[] program) {
        return Bech32.encode(SEGWIT_HRP, version, program);
    }

    /**
     * The output script that pays {@code address}, if btcd's {@code DecodeAddress} accepts it on
     * simnet: P2PKH, P2SH, segwit version 0 (20 or 32 bytes) or 1 (32 bytes), or a hex public key
     * (33 bytes starting 02/03, 65 starting 04; paid as P2PK).
     * @return the script, or null when btcd would call the address invalid
     */
    public static byte @Nullable [] outputScript(String address) {
        if ((address.length() == 66 || address.length() == 130) && address.matches("[0-9a-fA-F]+")) {
            byte[] key = Encoding.unhex(address);
            boolean valid = (key.length == 33 && (key[0] == 2 || key[0] == 3)) || (key.length == 65 && key[0] == 4);
            return valid ? concat(new byte[] {(byte) key.length}, key, new byte[] {(byte) 0xac}) : null;
        }
        int separator = address.lastIndexOf('1');
        if (separator > 1 && KNOWN_SEGWIT_PREFIXES.contains(address.substring(0, separator + 1).toLowerCase(Locale.ROOT))) {
            Bech32.Segwit segwit = Bech32.decode(SEGWIT_HRP, address);
            if (segwit == null || segwit.version() > 1 || (segwit.version() == 1 && segwit.program().length != 32)) {
                return null;
            }
            int versionOp = (segwit.version() == 0) ? 0 : 0x50 + segwit.version();
            return concat(new byte[] {(byte) versionOp, (byte) segwit.program().length}, segwit.program());
        }
        byte[] decoded = Encoding.base58CheckDecode(address);
        if (decoded == null || decoded.length != 21) {
            return null;
        }
        byte[] hash = new byte[20];
        System.arraycopy(decoded, 1, hash, 0, 20);
        int version = decoded[0] & 0xff;
        if (version == PUBKEY_HASH_ID) {
            return concat(new byte[] {0x76, (byte) 0xa9, 0x14}, hash, new byte[] {(byte) 0x88, (byte) 0xac});
        }
        if (version == SCRIPT_HASH_ID) {
            return concat(new byte[] {(byte) 0xa9, 0x14}, hash, new byte[] {(byte) 0x87});
        }
        return null;
    }

    /**
     * The address as btcd's filters compare it ({@code EncodeAddress} of the decoded address: segwit
     * in lower case, a public key as its P2PKH address), or null when it is not a valid simnet address.
     */
    public static @Nullable String canonical(String address) {
        byte[] script = outputScript(address);
        return (script == null) ? null : Scripts.classify(script).address();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
