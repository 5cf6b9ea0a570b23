package org.bitcoinrpc.test.internal.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A deterministic in-memory simnet chain. It starts at btcd's real simnet genesis block; every
 * later block holds one coinbase paying 50 BTC to a fixed simnet address, has version
 * {@code 0x20000000}, bits {@code 207fffff}, the time {@link #FIRST_BLOCK_TIME} + height, and the
 * lowest nonce that satisfies the proof of work. So two chains of the same height are identical.
 *
 * <p>Thread-safe: reads and appends hold {@link #stateLock}; {@link #generate(int)} also holds
 * {@link #miningLock} while it tells the listeners, so notifications keep block order even when
 * several threads mine at once.
 */
public final class SimulatedChain {

    /** Block {@code h > 0} is stamped {@code FIRST_BLOCK_TIME + h} (Unix seconds). */
    public static final long FIRST_BLOCK_TIME = 1_700_000_000L;

    /** The compact target of every simnet block. */
    public static final long SIMNET_BITS = 0x207fffffL;

    /** The header version of mined blocks (BIP9 base version, as btcd at height 60 of the fixtures). */
    public static final int MINED_VERSION = 0x20000000;

    /** Simnet's P2PKH address prefix. */
    public static final int SIMNET_PUBKEY_HASH_ADDR_ID = 0x3f;

    /** The hash160 every mined coinbase pays to (the mining address of the recorded btcd node). */
    public static final String MINING_PUBKEY_HASH = "16af5d2a2ad407af5335a4d6d204ddd2842f6cad";

    private static final String GENESIS_COINBASE_SCRIPT = "04ffff001d0104455468652054696d65732030332f4a616e"
            + "2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73";

    private static final String GENESIS_PUBKEY = "04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb6"
            + "49f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f";

    private static final String GENESIS_PUBKEY_HASH = "62e907b15cbf27d5425399ebf6f0fb50ebb88f18";

    private static final long GENESIS_TIME = 1401292357L;

    private static final long COIN = 100_000_000L;

    private static final BigInteger TARGET = compactToTarget(SIMNET_BITS);

    /** Guards {@link #blocks} and {@link #byHash}; held only for in-memory work, never for I/O. */
    private final Object stateLock = new Object();

    /** Blocks by height. Guarded by {@link #stateLock}. */
    private final List<Block> blocks = new ArrayList<>();

    /** Blocks by display hash (lower case). Guarded by {@link #stateLock}. */
    private final Map<String, Block> byHash = new HashMap<>();

    /** Serialises {@link #generate(int)} so listeners see blocks in chain order. Taken before {@link #stateLock}. */
    private final Object miningLock = new Object();

    /** Listeners; copy-on-write so they can be added from any thread. */
    private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Creates the chain and mines {@code initialHeight} blocks on top of genesis (without telling
     * any listener).
     * @param initialHeight the height to start at, 0 or more
     */
    public SimulatedChain(int initialHeight) {
        if (initialHeight < 0) {
            throw new IllegalArgumentException("initialHeight must be 0 or more, was " + initialHeight);
        }
        synchronized (this.stateLock) {
            append(genesis());
            for (int h = 1; h <= initialHeight; h++) {
                append(mine(this.blocks.get(h - 1)));
            }
        }
    }

    /** Registers a listener for blocks mined from now on. */
    public void addListener(ChainListener listener) {
        this.listeners.add(listener);
    }

    /**
     * Mines {@code count} blocks on the tip and tells the listeners.
     * @param count how many blocks, 0 or more
     * @return the new blocks, lowest first
     */
    public List<Block> generate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        synchronized (this.miningLock) {
            List<Block> mined = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Block parent = tip();
                Block block = mine(parent);
                synchronized (this.stateLock) {
                    append(block);
                }
                mined.add(block);
            }
            if (!mined.isEmpty()) {
                List<Block> view = List.copyOf(mined);
                for (ChainListener listener : this.listeners) {
                    listener.blocksConnected(view);
                }
            }
            return mined;
        }
    }

    /** The current tip. */
    public Block tip() {
        synchronized (this.stateLock) {
            return this.blocks.get(this.blocks.size() - 1);
        }
    }

    /** The height of the tip. */
    public int height() {
        synchronized (this.stateLock) {
            return this.blocks.size() - 1;
        }
    }

    /** The block at {@code height}, or null when there is none. */
    public @Nullable Block blockAt(long height) {
        synchronized (this.stateLock) {
            if (height < 0 || height >= this.blocks.size()) {
                return null;
            }
            return this.blocks.get((int) height);
        }
    }

    /**
     * Looks a block up by its display hash (any case) and reports where it sits in the chain, all
     * read at one instant.
     * @param displayHash 64 hex characters
     * @return the block with the tip height and the next block's hash, or null if unknown
     */
    public @Nullable Located locate(String displayHash) {
        synchronized (this.stateLock) {
            Block block = this.byHash.get(displayHash.toLowerCase(Locale.ROOT));
            if (block == null) {
                return null;
            }
            int tipHeight = this.blocks.size() - 1;
            String next = (block.height() < tipHeight) ? this.blocks.get(block.height() + 1).hash() : null;
            return new Located(block, tipHeight, next);
        }
    }

    /**
     * A block with its position, read under one lock.
     * @param block the block
     * @param tipHeight the chain height when it was looked up
     * @param nextHash the hash of the block after it, or null at the tip
     */
    public record Located(Block block, int tipHeight, @Nullable String nextHash) {

        /** Confirmations as btcd counts them: 1 at the tip. */
        public int confirmations() {
            return 1 + this.tipHeight - this.block.height();
        }
    }

    // Called with stateLock held.
    private void append(Block block) {
        this.blocks.add(block);
        this.byHash.put(block.hash(), block);
    }

    private static Block genesis() {
        byte[] pubkey = Encoding.unhex(GENESIS_PUBKEY);
        byte[] script = new byte[pubkey.length + 2];
        script[0] = (byte) pubkey.length;
        System.arraycopy(pubkey, 0, script, 1, pubkey.length);
        script[script.length - 1] = (byte) 0xac;
        TxOut out = new TxOut(50 * COIN, script, "pubkey", GENESIS_PUBKEY + " OP_CHECKSIG",
                Encoding.base58Check(SIMNET_PUBKEY_HASH_ADDR_ID, Encoding.unhex(GENESIS_PUBKEY_HASH)));
        Transaction coinbase = Transaction.coinbase(Encoding.unhex(GENESIS_COINBASE_SCRIPT), out);
        return new Block(0, 1, new byte[32], List.of(coinbase), GENESIS_TIME, SIMNET_BITS, 2);
    }

    private static Block mine(Block parent) {
        int height = parent.height() + 1;
        Transaction coinbase = Transaction.coinbase(coinbaseScript(height), miningOutput(subsidy(height)));
        long time = FIRST_BLOCK_TIME + height;
        byte[] previous = parent.hashInternal();
        for (long nonce = 0; nonce <= 0xffffffffL; nonce++) {
            Block candidate = new Block(height, MINED_VERSION, previous, List.of(coinbase), time, SIMNET_BITS, nonce);
            if (new BigInteger(1, Encoding.reversed(candidate.hashInternal())).compareTo(TARGET) <= 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("no nonce satisfies the simnet target at height " + height);
    }

    /** btcd's coinbase script: the height (BIP34), an extra nonce (0 here), then "/P2SH/btcd/". */
    private static byte[] coinbaseScript(int height) {
        byte[] heightPush = Encoding.scriptInt64(height);
        byte[] extraNonce = Encoding.scriptInt64(0);
        byte[] flags = "/P2SH/btcd/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] script = new byte[heightPush.length + extraNonce.length + 1 + flags.length];
        System.arraycopy(heightPush, 0, script, 0, heightPush.length);
        System.arraycopy(extraNonce, 0, script, heightPush.length, extraNonce.length);
        script[heightPush.length + extraNonce.length] = (byte) flags.length;
        System.arraycopy(flags, 0, script, heightPush.length + extraNonce.length + 1, flags.length);
        return script;
    }

    private static TxOut miningOutput(long valueSats) {
        byte[] hash = Encoding.unhex(MINING_PUBKEY_HASH);
        byte[] script = new byte[25];
        script[0] = 0x76;
        script[1] = (byte) 0xa9;
        script[2] = 0x14;
        System.arraycopy(hash, 0, script, 3, 20);
        script[23] = (byte) 0x88;
        script[24] = (byte) 0xac;
        String asm = "OP_DUP OP_HASH160 " + MINING_PUBKEY_HASH + " OP_EQUALVERIFY OP_CHECKSIG";
        return new TxOut(valueSats, script, "pubkeyhash", asm,
                Encoding.base58Check(SIMNET_PUBKEY_HASH_ADDR_ID, hash));
    }

    /** Simnet halves the 50 BTC subsidy every 210,000 blocks. */
    private static long subsidy(int height) {
        int halvings = height / 210_000;
        return (halvings >= 64) ? 0 : (50 * COIN) >> halvings;
    }

    private static BigInteger compactToTarget(long bits) {
        long mantissa = bits & 0x007fffffL;
        int exponent = (int) (bits >>> 24);
        return BigInteger.valueOf(mantissa).shiftLeft(8 * (exponent - 3));
    }
}
