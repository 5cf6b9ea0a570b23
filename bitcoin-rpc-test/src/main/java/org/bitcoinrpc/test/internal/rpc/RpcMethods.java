package org.bitcoinrpc.test.internal.rpc;

import java.util.List;
import java.util.function.LongSupplier;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.Encoding;
import org.bitcoinrpc.test.internal.chain.SimulatedChain;
import org.bitcoinrpc.test.internal.json.JsonWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The btcd commands the simulated node implements, answered from the {@link SimulatedChain}. Each
 * checks its parameters as btcd does and returns its result as JSON text. Thread-safe (the chain
 * is).
 */
public final class RpcMethods {

    private final SimulatedChain chain;

    /** The node's start time (Unix seconds), which btcd's {@code uptime} returns. */
    private final LongSupplier startTime;

    private final TransactionCommands transactions;

    private final NotificationCommands notifications;

    /**
     * Creates the handlers.
     * @param chain the chain to answer from
     * @param startTime supplies the Unix time the node (last) started
     * @param transactions {@code sendrawtransaction} and {@code decoderawtransaction}
     */
    public RpcMethods(SimulatedChain chain, LongSupplier startTime, TransactionCommands transactions) {
        this.chain = chain;
        this.startTime = startTime;
        this.transactions = transactions;
        this.notifications = new NotificationCommands(chain);
    }

    /**
     * Runs one command.
     * @param method the method name
     * @param params the params array, or null for none
     * @param context where the call came from
     * @return the result as JSON text
     * @throws RpcException the error btcd would answer with
     */
    public String call(String method, @Nullable JsonNode params, CallContext context) {
        return switch (method) {
            case "getblockcount" -> {
                Params.of(params, 0, 0);
                yield Integer.toString(this.chain.height());
            }
            case "getbestblockhash" -> {
                Params.of(params, 0, 0);
                yield JsonWriter.quote(this.chain.tip().hash());
            }
            case "getbestblock" -> {
                Params.of(params, 0, 0);
                Block tip = this.chain.tip();
                yield new JsonWriter().beginObject().name("hash").value(tip.hash())
                        .name("height").value(tip.height()).endObject().toString();
            }
            case "getblockhash" -> getBlockHash(Params.of(params, 1, 1));
            case "getblockheader" -> getBlockHeader(Params.of(params, 1, 2));
            case "getblock" -> getBlock(Params.of(params, 1, 2));
            case "generate" -> generate(Params.of(params, 1, 1));
            case "uptime" -> {
                Params.of(params, 0, 0);
                yield Long.toString(this.startTime.getAsLong());
            }
            case "ping" -> {
                Params.of(params, 0, 0);
                yield "null";
            }
            case "help" -> help(Params.of(params, 0, 1), context);
            case "session" -> {
                WebSocketSession session = webSocketOnly(context);
                Params.of(params, 0, 0);
                yield "{\"sessionid\":" + Long.toUnsignedString(session.sessionId()) + "}";
            }
            case "sendrawtransaction" -> this.transactions.sendRawTransaction(Params.of(params, 1, 2));
            case "decoderawtransaction" -> this.transactions.decodeRawTransaction(Params.of(params, 1, 1));
            default -> {
                if (!NotificationCommands.handles(method)) {
                    throw RpcException.methodNotFound();
                }
                yield this.notifications.call(method, params, webSocketOnly(context).subscriptions());
            }
        };
    }

    /** Websocket-only commands do not exist over HTTP POST: btcd answers -32601 there. */
    private static WebSocketSession webSocketOnly(CallContext context) {
        WebSocketSession session = context.webSocket();
        if (session == null) {
            throw RpcException.methodNotFound();
        }
        return session;
    }

    private String getBlockHash(Params params) {
        long index = params.int64(0, "index", 0);
        Block block = this.chain.blockAt(index);
        if (block == null) {
            throw new RpcException(RpcException.MISC, "Block number out of range");
        }
        return JsonWriter.quote(block.hash());
    }

    /**
     * btcd reads the header with {@code HeaderByHash}, which finds stale (side-chain) blocks too, so
     * {@code [hash, false]} answers for them; the verbose form then asks {@code BlockHeightByHash},
     * which knows only the main chain, and fails with -32603.
     */
    private String getBlockHeader(Params params) {
        String hash = params.string(0, "hash", "");
        boolean verbose = params.bool(1, "verbose", true);
        String canonical = checkedHash(hash);
        SimulatedChain.Located located = this.chain.locate(canonical);
        if (located == null) {
            Block stale = staleOrNotFound(canonical);
            if (!verbose) {
                return JsonWriter.quote(stale.headerHex());
            }
            throw notInMainChain(canonical);
        }
        if (!verbose) {
            return JsonWriter.quote(located.block().headerHex());
        }
        return BlockJson.header(located, hash);
    }

    /**
     * btcd reads the block from its database, which holds stale blocks too, so verbosity 0 answers
     * for them; any other verbosity then asks {@code BlockHeightByHash} and fails with -32603.
     */
    private String getBlock(Params params) {
        String hash = params.string(0, "hash", "");
        long verbosity = params.goInt(1, "verbosity", 1);
        String canonical = checkedHash(hash);
        SimulatedChain.Located located = this.chain.locate(canonical);
        if (located == null) {
            Block stale = staleOrNotFound(canonical);
            if (verbosity == 0) {
                return JsonWriter.quote(Encoding.hex(stale.serialize()));
            }
            throw notInMainChain(canonical);
        }
        if (verbosity == 0) {
            return JsonWriter.quote(Encoding.hex(located.block().serialize()));
        }
        return BlockJson.block(located, hash, verbosity);
    }

    private String generate(Params params) {
        long count = params.uint32(0, "numblocks", 0);
        if (count == 0) {
            throw new RpcException(RpcException.INTERNAL, "Please request a nonzero number of blocks to generate.");
        }
        if (count > Integer.MAX_VALUE) {
            throw new RpcException(RpcException.INTERNAL, "Too many blocks requested: " + count);
        }
        List<Block> blocks = this.chain.generate((int) count);
        JsonWriter json = new JsonWriter(70 * blocks.size() + 2).beginArray();
        for (Block block : blocks) {
            json.value(block.hash());
        }
        return json.endArray().toString();
    }

    private String help(Params params, CallContext context) {
        String command = params.string(0, "command", "");
        if (command.isEmpty()) {
            return JsonWriter.quote(HelpTexts.usage(context.isWebSocket()));
        }
        String detail = HelpTexts.detail(command);
        if (detail == null) {
            throw new RpcException(RpcException.INVALID_PARAMETER, "Unknown command: " + command);
        }
        return JsonWriter.quote(detail);
    }

    /**
     * Checks a hash as btcd's {@code chainhash.NewHashFromStr} does (at most 64 hex digits, an odd
     * count gets a leading zero, short ones are zero-padded on the left).
     * @return the 64 lower-case digits
     */
    private static String checkedHash(String hash) {
        if (HashArgs.goError(hash) != null) {
            throw new RpcException(RpcException.DECODE_HEX,
                    "Argument must be hexadecimal string (not " + HashArgs.goQuote(hash) + ")");
        }
        return HashArgs.canonical(hash);
    }

    /**
     * The stale block with this hash, which {@link SimulatedChain#locate} just did not find on the
     * chain. Looking there second is safe without one lock over both: a block only ever goes from
     * unknown to the chain to stale, so a block that left the chain in between is found here.
     */
    private Block staleOrNotFound(String canonicalHash) {
        Block stale = this.chain.staleBlock(canonicalHash);
        if (stale == null) {
            throw new RpcException(RpcException.BLOCK_NOT_FOUND, "Block not found");
        }
        return stale;
    }

    /**
     * btcd's {@code internalRPCError} around {@code BlockHeightByHash}'s error: code -32603 and the
     * bare error text, with the hash as {@code chainhash.Hash.String()} prints it (64 lower-case
     * digits, whatever the request's spelling).
     */
    private static RpcException notInMainChain(String canonicalHash) {
        return new RpcException(RpcException.INTERNAL, "block " + canonicalHash + " is not in the main chain");
    }
}
