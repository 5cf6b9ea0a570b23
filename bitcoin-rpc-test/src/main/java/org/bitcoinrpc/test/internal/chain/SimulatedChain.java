package org.bitcoinrpc.test.internal.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * An in-memory simnet chain with a mempool, deterministic but for its block times. It starts at
 * btcd's real simnet genesis block; every later block holds a coinbase paying 50 BTC to a fixed simnet address followed by the
 * mempool's transactions in acceptance order, has version {@code 0x20000000}, bits
 * {@code 207fffff}, the time its {@link BlockTimeSource} gives, and the lowest nonce that satisfies
 * the proof of work. So two chains built by the same calls with {@link BlockTimeSource#FIXED} times
 * are identical. A block mined at a height whose block was disconnected before gets another extra
 * nonce in its coinbase, so it differs from the one it replaces even when its time is the same.
 *
 * <p>A disconnected block is not forgotten: like btcd, which keeps side-chain blocks in its block
 * index and database, the chain keeps it as a stale block ({@link #staleBlock}). It never returns
 * to the chain, since a block mined later at its height differs from it.
 *
 * <p>Thread-safe: reads and changes hold {@link #stateLock}; {@link #generate(int)},
 * {@link #submit(Transaction)}, {@link #disconnectTip()} and {@link #reorg(int)} also hold
 * {@link #miningLock} while they tell the listeners, so notifications keep the order of the changes
 * even when several threads change the chain at once.
 */
public final class SimulatedChain {

    /** What {@link #submit(Transaction)} did with a transaction. */
    public enum Acceptance {

        /** Added to the mempool. */
        ACCEPTED,

        /** Refused: a transaction with this txid is in the mempool. */
        IN_MEMPOOL,

        /** Refused: a transaction with this txid is in a block of the chain. */
        IN_CHAIN
    }

    /** With {@link BlockTimeSource#FIXED}, block {@code h > 0} is stamped {@code FIRST_BLOCK_TIME + h} (Unix seconds). */
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

    private static final long GENESIS_TIME = 1401292357L;

    private static final long COIN = 100_000_000L;

    private static final BigInteger TARGET = compactToTarget(SIMNET_BITS);

    /** Guards the chain state and the mempool; held only for in-memory work, never for I/O. */
    private final Object stateLock = new Object();

    /** Blocks by height. Guarded by {@link #stateLock}. */
    private final List<Block> blocks = new ArrayList<>();

    /** Blocks of the chain by display hash (lower case). Guarded by {@link #stateLock}. */
    private final Map<String, Block> byHash = new HashMap<>();

    /**
     * Blocks that were disconnected (stale blocks), by display hash (lower case); never in
     * {@link #byHash} at the same time. Only grows, as btcd's block index does. Guarded by
     * {@link #stateLock}.
     */
    private final Map<String, Block> stale = new HashMap<>();

    /** Heights of confirmed transactions, by txid. Guarded by {@link #stateLock}. */
    private final Map<String, Integer> confirmed = new HashMap<>();

    /** Transactions waiting for the next block. Guarded by {@link #stateLock}. */
    private final Mempool mempool = new Mempool();

    /** How many times a block was disconnected at each height. Guarded by {@link #stateLock}. */
    private final Map<Integer, Integer> disconnects = new HashMap<>();

    /**
     * Serialises every change that listeners hear about, so they hear them in order. Taken before
     * {@link #stateLock}.
     */
    private final Object miningLock = new Object();

    /** Listeners; copy-on-write so they can be added from any thread. */
    private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();

    /** Stamps each mined block; called with {@link #stateLock} held. */
    private final BlockTimeSource times;

    /**
     * Creates a chain with {@link BlockTimeSource#FIXED} times and mines {@code initialHeight}
     * blocks on top of genesis (without telling any listener).
     * @param initialHeight the height to start at, 0 or more
     */
    public SimulatedChain(int initialHeight) {
        this(initialHeight, BlockTimeSource.FIXED);
    }

    /**
     * Creates the chain and mines {@code initialHeight} blocks on top of genesis (without telling
     * any listener).
     * @param initialHeight the height to start at, 0 or more
     * @param times the timestamp of each mined block (genesis keeps btcd's)
     */
    public SimulatedChain(int initialHeight, BlockTimeSource times) {
        if (initialHeight < 0) {
            throw new IllegalArgumentException("initialHeight must be 0 or more, was " + initialHeight);
        }
        this.times = Objects.requireNonNull(times, "times");
        synchronized (this.stateLock) {
            append(genesis());
            for (int h = 1; h <= initialHeight; h++) {
                Block parent = this.blocks.get(h - 1);
                append(mine(parent, List.of(), 0, timeAfter(parent)));
            }
        }
    }

    /** Registers a listener for changes from now on. */
    public void addListener(ChainListener listener) {
        this.listeners.add(listener);
    }

    /**
     * Mines {@code count} blocks on the tip and tells the listeners. The first block takes every
     * transaction of the mempool.
     * @param count how many blocks, 0 or more
     * @return the new blocks, lowest first
     */
    public List<Block> generate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        synchronized (this.miningLock) {
            List<Block> mined = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    synchronized (this.stateLock) {
                        mined.add(mineOnTip());
                    }
                }
            }
            finally {
                // Even when the block time function failed part way: the blocks mined are in the chain.
                if (!mined.isEmpty()) {
                    List<Block> view = List.copyOf(mined);
                    for (ChainListener listener : this.listeners) {
                        listener.blocksConnected(view);
                    }
                }
            }
            return mined;
        }
    }

    /**
     * Puts a transaction in the mempool, unless one with its txid is already there or in the chain,
     * and tells the listeners. Inputs are not checked: anything may spend anything.
     * @param tx the transaction
     * @return what happened
     */
    public Acceptance submit(Transaction tx) {
        synchronized (this.miningLock) {
            synchronized (this.stateLock) {
                if (this.mempool.contains(tx.txid())) {
                    return Acceptance.IN_MEMPOOL;
                }
                if (this.confirmed.containsKey(tx.txid())) {
                    return Acceptance.IN_CHAIN;
                }
                this.mempool.add(tx);
            }
            for (ChainListener listener : this.listeners) {
                listener.transactionAccepted(tx);
            }
            return Acceptance.ACCEPTED;
        }
    }

    /**
     * Removes the tip, puts its transactions but the coinbase back at the front of the mempool (as
     * btcd does, without mempool notifications) and tells the listeners. The block stays known as a
     * stale block.
     * @return the removed block
     * @throws IllegalStateException when the tip is the genesis block
     */
    public Block disconnectTip() {
        synchronized (this.miningLock) {
            Block tip;
            synchronized (this.stateLock) {
                tip = removeTip();
            }
            for (ChainListener listener : this.listeners) {
                listener.blockDisconnected(tip);
            }
            return tip;
        }
    }

    /**
     * Replaces the top {@code depth} blocks with {@code depth + 1} new ones, as a competing branch
     * with more work would. The removed blocks become stale blocks and their transactions but the
     * coinbases go back to the mempool, so the first new block takes them again (with whatever else
     * waited there). Readers never see the chain half way: both halves happen under one hold of
     * {@link #stateLock}. The listeners then hear, as btcd's subscribers do, of each removed block
     * newest first, then of the new blocks in one {@link ChainListener#blocksConnected} call.
     * @param depth how many blocks to replace, at least 1 and below the height (so block 1 stays)
     * @return the new blocks, lowest first
     * @throws IllegalArgumentException when {@code depth} is out of range
     */
    public List<Block> reorg(int depth) {
        synchronized (this.miningLock) {
            List<Block> removed = new ArrayList<>();
            List<Block> mined = new ArrayList<>();
            try {
                synchronized (this.stateLock) {
                    int height = this.blocks.size() - 1;
                    if (depth < 1 || depth >= height) {
                        throw new IllegalArgumentException(
                                "depth must be at least 1 and below the height " + height + ", was " + depth);
                    }
                    for (int i = 0; i < depth; i++) {
                        removed.add(removeTip());
                    }
                    // Each removal counted a disconnect at its height, so every new block there gets
                    // another extra nonce and a hash other than the one it replaces.
                    for (int i = 0; i <= depth; i++) {
                        mined.add(mineOnTip());
                    }
                }
            }
            finally {
                // Even when the block time function failed part way, tell what did change.
                for (Block block : removed) {
                    for (ChainListener listener : this.listeners) {
                        listener.blockDisconnected(block);
                    }
                }
                if (!mined.isEmpty()) {
                    List<Block> view = List.copyOf(mined);
                    for (ChainListener listener : this.listeners) {
                        listener.blocksConnected(view);
                    }
                }
            }
            return List.copyOf(mined);
        }
    }

    /** The number of transactions in the mempool. */
    public int mempoolSize() {
        synchronized (this.stateLock) {
            return this.mempool.size();
        }
    }

    /** The mempool's transactions, oldest first. */
    public List<Transaction> mempool() {
        synchronized (this.stateLock) {
            return this.mempool.snapshot();
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
     * Looks a block of the chain up by its display hash (any case) and reports where it sits, all
     * read at one instant.
     * @param displayHash 64 hex characters
     * @return the block with the tip height and the next block's hash, or null if it is not on the
     *         chain (never known, or stale: see {@link #staleBlock})
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
     * A block that was disconnected from the chain (a stale block), looked up by its display hash
     * (any case).
     * @param displayHash 64 hex characters
     * @return the block, or null if it is on the chain or was never known
     */
    public @Nullable Block staleBlock(String displayHash) {
        synchronized (this.stateLock) {
            return this.stale.get(displayHash.toLowerCase(Locale.ROOT));
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
    private Block mineOnTip() {
        Block parent = this.blocks.get(this.blocks.size() - 1);
        int extraNonce = this.disconnects.getOrDefault(parent.height() + 1, 0);
        // The time first: a time function that fails leaves the mempool as it was.
        long time = timeAfter(parent);
        Block block = mine(parent, this.mempool.takeAll(), extraNonce, time);
        append(block);
        return block;
    }

    // Called with stateLock held.
    private Block removeTip() {
        if (this.blocks.size() == 1) {
            throw new IllegalStateException("The genesis block cannot be disconnected");
        }
        Block tip = this.blocks.remove(this.blocks.size() - 1);
        this.byHash.remove(tip.hash());
        this.stale.put(tip.hash(), tip);
        List<Transaction> returned = new ArrayList<>();
        for (Transaction tx : tip.transactions()) {
            this.confirmed.remove(tx.txid());
            if (!tx.isCoinbase()) {
                returned.add(tx);
            }
        }
        this.mempool.returnToFront(returned);
        this.disconnects.merge(tip.height(), 1, Integer::sum);
        return tip;
    }

    // Called with stateLock held.
    private void append(Block block) {
        this.blocks.add(block);
        this.byHash.put(block.hash(), block);
        for (Transaction tx : block.transactions()) {
            this.confirmed.put(tx.txid(), block.height());
        }
    }

    private static Block genesis() {
        byte[] pubkey = Encoding.unhex(GENESIS_PUBKEY);
        byte[] script = new byte[pubkey.length + 2];
        script[0] = (byte) pubkey.length;
        System.arraycopy(pubkey, 0, script, 1, pubkey.length);
        script[script.length - 1] = (byte) 0xac;
        Transaction coinbase = Transaction.coinbase(Encoding.unhex(GENESIS_COINBASE_SCRIPT), TxOut.of(50 * COIN, script));
        return new Block(0, 1, new byte[32], List.of(coinbase), GENESIS_TIME, SIMNET_BITS, 2);
    }

    /** The time of the block to mine on {@code parent}, checked. Called with stateLock held. */
    private long timeAfter(Block parent) {
        int height = parent.height() + 1;
        long time = this.times.time(height, parent.time());
        if (time < 0 || time > 0xffffffffL) {
            throw new IllegalStateException("The block time of height " + height + " must fit the header's 32 "
                    + "unsigned bits, was " + time);
        }
        return time;
    }

    private static Block mine(Block parent, List<Transaction> mempoolTxs, int extraNonce, long time) {
        int height = parent.height() + 1;
        List<Transaction> txs = new ArrayList<>(mempoolTxs.size() + 1);
        txs.add(Transaction.coinbase(coinbaseScript(height, extraNonce), miningOutput(subsidy(height))));
        txs.addAll(mempoolTxs);
        byte[] merkleRoot = Block.merkleRoot(txs);
        byte[] previous = parent.hashInternal();
        for (long nonce = 0; nonce <= 0xffffffffL; nonce++) {
            byte[] header = Block.header(MINED_VERSION, previous, merkleRoot, time, SIMNET_BITS, nonce);
            if (new BigInteger(1, Encoding.reversed(Encoding.doubleSha256(header))).compareTo(TARGET) <= 0) {
                return new Block(height, MINED_VERSION, previous, txs, time, SIMNET_BITS, nonce);
            }
        }
        throw new IllegalStateException("no nonce satisfies the simnet target at height " + height);
    }

    /** btcd's coinbase script: the height (BIP34), an extra nonce, then "/P2SH/btcd/". */
    private static byte[] coinbaseScript(int height, int extraNonce) {
        byte[] heightPush = Encoding.scriptInt64(height);
        byte[] extraNoncePush = Encoding.scriptInt64(extraNonce);
        byte[] flags = "/P2SH/btcd/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] script = new byte[heightPush.length + extraNoncePush.length + 1 + flags.length];
        System.arraycopy(heightPush, 0, script, 0, heightPush.length);
        System.arraycopy(extraNoncePush, 0, script, heightPush.length, extraNoncePush.length);
        script[heightPush.length + extraNoncePush.length] = (byte) flags.length;
        System.arraycopy(flags, 0, script, heightPush.length + extraNoncePush.length + 1, flags.length);
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
        return TxOut.of(valueSats, script);
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
