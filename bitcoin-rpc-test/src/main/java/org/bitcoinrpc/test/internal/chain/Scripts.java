package org.bitcoinrpc.test.internal.chain;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Script parsing as btcd's {@code txscript} does it: the one-line disassembly of
 * {@code DisasmString} and the standard output classes of {@code ExtractPkScriptAddrs}. Stateless
 * and thread-safe.
 */
public final class Scripts {

    private static final int OP_0 = 0x00;

    private static final int OP_PUSHDATA1 = 0x4c;

    private static final int OP_PUSHDATA2 = 0x4d;

    private static final int OP_PUSHDATA4 = 0x4e;

    private static final int OP_1NEGATE = 0x4f;

    private static final int OP_1 = 0x51;

    private static final int OP_16 = 0x60;

    private static final int OP_RETURN = 0x6a;

    private static final int OP_DUP = 0x76;

    private static final int OP_EQUAL = 0x87;

    private static final int OP_EQUALVERIFY = 0x88;

    private static final int OP_HASH160 = 0xa9;

    private static final int OP_CHECKSIG = 0xac;

    private static final int OP_CHECKMULTISIG = 0xae;

    private static final int MAX_NULL_DATA = 80;

    /** btcd's opcode names for 0x61..0xba; the rest are computed in {@link #opcodeName}. */
    private static final String[] NAMES_FROM_0X61 = {
        "OP_NOP", "OP_VER", "OP_IF", "OP_NOTIF", "OP_VERIF", "OP_VERNOTIF", "OP_ELSE", "OP_ENDIF", "OP_VERIFY",
        "OP_RETURN", "OP_TOALTSTACK", "OP_FROMALTSTACK", "OP_2DROP", "OP_2DUP", "OP_3DUP", "OP_2OVER", "OP_2ROT",
        "OP_2SWAP", "OP_IFDUP", "OP_DEPTH", "OP_DROP", "OP_DUP", "OP_NIP", "OP_OVER", "OP_PICK", "OP_ROLL", "OP_ROT",
        "OP_SWAP", "OP_TUCK", "OP_CAT", "OP_SUBSTR", "OP_LEFT", "OP_RIGHT", "OP_SIZE", "OP_INVERT", "OP_AND", "OP_OR",
        "OP_XOR", "OP_EQUAL", "OP_EQUALVERIFY", "OP_RESERVED1", "OP_RESERVED2", "OP_1ADD", "OP_1SUB", "OP_2MUL",
        "OP_2DIV", "OP_NEGATE", "OP_ABS", "OP_NOT", "OP_0NOTEQUAL", "OP_ADD", "OP_SUB", "OP_MUL", "OP_DIV", "OP_MOD",
        "OP_LSHIFT", "OP_RSHIFT", "OP_BOOLAND", "OP_BOOLOR", "OP_NUMEQUAL", "OP_NUMEQUALVERIFY", "OP_NUMNOTEQUAL",
        "OP_LESSTHAN", "OP_GREATERTHAN", "OP_LESSTHANOREQUAL", "OP_GREATERTHANOREQUAL", "OP_MIN", "OP_MAX",
        "OP_WITHIN", "OP_RIPEMD160", "OP_SHA1", "OP_SHA256", "OP_HASH160", "OP_HASH256", "OP_CODESEPARATOR",
        "OP_CHECKSIG", "OP_CHECKSIGVERIFY", "OP_CHECKMULTISIG", "OP_CHECKMULTISIGVERIFY", "OP_NOP1",
        "OP_CHECKLOCKTIMEVERIFY", "OP_CHECKSEQUENCEVERIFY", "OP_NOP4", "OP_NOP5", "OP_NOP6", "OP_NOP7", "OP_NOP8",
        "OP_NOP9", "OP_NOP10", "OP_CHECKSIGADD"};

    /**
     * One parsed operation.
     * @param opcode the opcode byte
     * @param data the pushed bytes for a push operation (OP_0 pushes none), else null
     */
    private record Op(int opcode, byte @Nullable [] data) {
    }

    /**
     * A parsed script.
     * @param ops the operations read
     * @param error whether parsing stopped at a push running past the end
     */
    private record Parsed(List<Op> ops, boolean error) {
    }

    private Scripts() {
    }

    /** The one-line disassembly btcd prints as {@code asm}: small integers as numbers, pushes as hex. */
    public static String disassemble(byte[] script) {
        Parsed parsed = parse(script);
        StringBuilder sb = new StringBuilder();
        for (Op op : parsed.ops()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(token(op));
        }
        if (parsed.error()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append("[error]");
        }
        return sb.toString();
    }

    /** The class, disassembly, required signatures and simnet addresses of an output script. */
    public static ScriptInfo classify(byte[] script) {
        String asm = disassemble(script);
        int n = script.length;
        if (n == 25 && (script[0] & 0xff) == OP_DUP && (script[1] & 0xff) == OP_HASH160 && script[2] == 0x14
                && (script[23] & 0xff) == OP_EQUALVERIFY && (script[24] & 0xff) == OP_CHECKSIG) {
            return new ScriptInfo("pubkeyhash", asm, 1, List.of(Addresses.pubKeyHash(slice(script, 3, 20))));
        }
        if (n == 34 && (script[0] & 0xff) == OP_1 && script[1] == 0x20) {
            return new ScriptInfo("witness_v1_taproot", asm, 1, List.of(Addresses.segwit(1, slice(script, 2, 32))));
        }
        if (n == 22 && script[0] == OP_0 && script[1] == 0x14) {
            return new ScriptInfo("witness_v0_keyhash", asm, 1, List.of(Addresses.segwit(0, slice(script, 2, 20))));
        }
        if (n == 34 && script[0] == OP_0 && script[1] == 0x20) {
            return new ScriptInfo("witness_v0_scripthash", asm, 1, List.of(Addresses.segwit(0, slice(script, 2, 32))));
        }
        if (n == 23 && (script[0] & 0xff) == OP_HASH160 && script[1] == 0x14 && (script[22] & 0xff) == OP_EQUAL) {
            return new ScriptInfo("scripthash", asm, 1, List.of(Addresses.scriptHash(slice(script, 2, 20))));
        }
        Parsed parsed = parse(script);
        if (parsed.error()) {
            return new ScriptInfo("nonstandard", asm, 0, List.of());
        }
        List<Op> ops = parsed.ops();
        if (ops.size() == 2 && isPubKey(ops.get(0).data()) && ops.get(1).opcode() == OP_CHECKSIG) {
            return new ScriptInfo("pubkey", asm, 1, List.of(Addresses.pubKeyHash(Encoding.hash160(ops.get(0).data()))));
        }
        ScriptInfo multisig = multisig(ops, asm);
        if (multisig != null) {
            return multisig;
        }
        if (isNullData(ops)) {
            return new ScriptInfo("nulldata", asm, 0, List.of());
        }
        if (ops.size() == 2 && smallInt(ops.get(0).opcode()) >= 0 && ops.get(1).data() != null
                && ops.get(1).data().length >= 2 && ops.get(1).data().length <= 40) {
            return new ScriptInfo("witness_unknown", asm, 0, List.of());
        }
        return new ScriptInfo("nonstandard", asm, 0, List.of());
    }

    private static @Nullable ScriptInfo multisig(List<Op> ops, String asm) {
        if (ops.size() < 4 || ops.get(ops.size() - 1).opcode() != OP_CHECKMULTISIG) {
            return null;
        }
        int required = smallInt(ops.get(0).opcode());
        int keys = smallInt(ops.get(ops.size() - 2).opcode());
        if (required < 1 || keys < required || keys != ops.size() - 3) {
            return null;
        }
        List<String> addresses = new ArrayList<>();
        for (Op op : ops.subList(1, ops.size() - 2)) {
            if (!isPubKey(op.data())) {
                return null;
            }
            addresses.add(Addresses.pubKeyHash(Encoding.hash160(op.data())));
        }
        return new ScriptInfo("multisig", asm, required, addresses);
    }

    /** OP_RETURN alone, or followed by one push of at most 80 bytes (or a small integer). */
    private static boolean isNullData(List<Op> ops) {
        if (ops.isEmpty() || ops.get(0).opcode() != OP_RETURN) {
            return false;
        }
        if (ops.size() == 1) {
            return true;
        }
        if (ops.size() != 2) {
            return false;
        }
        Op push = ops.get(1);
        return smallInt(push.opcode()) >= 0 || (push.data() != null && push.data().length <= MAX_NULL_DATA);
    }

    private static boolean isPubKey(byte @Nullable [] data) {
        if (data == null) {
            return false;
        }
        return (data.length == 33 && (data[0] == 2 || data[0] == 3)) || (data.length == 65 && data[0] == 4);
    }

    /** 0..16 for OP_0 and OP_1..OP_16, else -1. */
    private static int smallInt(int opcode) {
        if (opcode == OP_0) {
            return 0;
        }
        return (opcode >= OP_1 && opcode <= OP_16) ? opcode - OP_1 + 1 : -1;
    }

    private static String token(Op op) {
        int opcode = op.opcode();
        if (opcode == OP_0) {
            return "0";
        }
        if (opcode == OP_1NEGATE) {
            return "-1";
        }
        if (opcode >= OP_1 && opcode <= OP_16) {
            return Integer.toString(opcode - OP_1 + 1);
        }
        byte[] data = op.data();
        return (data != null) ? Encoding.hex(data) : opcodeName(opcode);
    }

    private static String opcodeName(int opcode) {
        if (opcode == 0x50) {
            return "OP_RESERVED";
        }
        if (opcode >= 0x61 && opcode < 0x61 + NAMES_FROM_0X61.length) {
            return NAMES_FROM_0X61[opcode - 0x61];
        }
        return switch (opcode) {
            case 0xfa -> "OP_SMALLINTEGER";
            case 0xfb -> "OP_PUBKEYS";
            case 0xfd -> "OP_PUBKEYHASH";
            case 0xfe -> "OP_PUBKEY";
            case 0xff -> "OP_INVALIDOPCODE";
            default -> "OP_UNKNOWN" + opcode;
        };
    }

    private static Parsed parse(byte[] script) {
        List<Op> ops = new ArrayList<>();
        ByteReader in = new ByteReader(script);
        try {
            while (in.remaining() > 0) {
                int opcode = in.uint8();
                int length;
                if (opcode == OP_0) {
                    length = 0;
                }
                else if (opcode < OP_PUSHDATA1) {
                    length = opcode;
                }
                else if (opcode == OP_PUSHDATA1) {
                    length = in.uint8();
                }
                else if (opcode == OP_PUSHDATA2) {
                    length = in.uint8() | in.uint8() << 8;
                }
                else if (opcode == OP_PUSHDATA4) {
                    long wide = in.uint32();
                    if (wide > in.remaining()) {
                        return new Parsed(ops, true);
                    }
                    length = (int) wide;
                }
                else {
                    ops.add(new Op(opcode, null));
                    continue;
                }
                ops.add(new Op(opcode, in.bytes(length)));
            }
            return new Parsed(ops, false);
        }
        catch (ByteReader.Truncated ex) {
            return new Parsed(ops, true);
        }
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(bytes, from, out, 0, length);
        return out;
    }
}
