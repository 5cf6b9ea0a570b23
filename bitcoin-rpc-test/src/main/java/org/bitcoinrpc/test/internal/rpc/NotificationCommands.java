package org.bitcoinrpc.test.internal.rpc;

import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.test.internal.chain.Addresses;
import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.OutPoint;
import org.bitcoinrpc.test.internal.chain.SimulatedChain;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.json.JsonWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The websocket-only notification commands, each recorded in the session's {@link Subscriptions}
 * and answered {@code null}, with btcd's checks and messages (from btcd 0.24.2's
 * {@code rpcwebsocket.go}; fixtures {@code ws-notifyspent}, {@code ws-notifyreceived},
 * {@code ws-loadtxfilter}, {@code ws-rescanblocks}):
 * <ul>
 * <li>{@code notifyspent}/{@code stopnotifyspent [[{hash, index}]]}: a bad hash is -22 "Argument
 * must be hexadecimal string (not ..)";</li>
 * <li>{@code notifyreceived}/{@code stopnotifyreceived [[address]]}: an address that is not a valid
 * simnet address is -5 "Invalid address or key: ADDR";</li>
 * <li>{@code loadtxfilter [reload, [address], [{hash, index}]]}: invalid addresses are silently
 * dropped, a bad hash is -8 with Go's message;</li>
 * <li>{@code rescanblocks [[hash]]}: -1 "Transaction filter must be loaded before rescanning" without
 * a filter, -5 "Failed to fetch block: .." for an unknown block, -8 "Block B is not a child of A"
 * when not parent to child, else the blocks with matching transactions ({@code []} when none).</li>
 * </ul>
 * Thread-safe (the chain and the subscriptions are).
 */
final class NotificationCommands {

    private final SimulatedChain chain;

    NotificationCommands(SimulatedChain chain) {
        this.chain = chain;
    }

    /**
     * Runs {@code method}, one of {@link #handles}.
     * @param method the method name
     * @param rawParams the params array, or null for none
     * @param subscriptions the calling session's subscriptions
     * @return the result as JSON text
     */
    String call(String method, @Nullable JsonNode rawParams, Subscriptions subscriptions) {
        int[] counts = paramCounts(method);
        if (counts == null) {
            throw RpcException.methodNotFound();
        }
        Params params = Params.of(rawParams, counts[0], counts[1]);
        switch (method) {
            case "notifyblocks", "stopnotifyblocks" -> subscriptions.notifyBlocks("notifyblocks".equals(method));
            case "notifynewtransactions" -> subscriptions.notifyNewTransactions(
                    params.bool(0, "verbose", false) ? Subscriptions.TxMode.VERBOSE : Subscriptions.TxMode.SUMMARY);
            case "stopnotifynewtransactions" -> subscriptions.notifyNewTransactions(Subscriptions.TxMode.OFF);
            case "notifyspent" -> subscriptions.addSpent(spentOutPoints(params));
            case "stopnotifyspent" -> subscriptions.removeSpent(spentOutPoints(params));
            case "notifyreceived" -> subscriptions.addReceived(validAddresses(params));
            case "stopnotifyreceived" -> subscriptions.removeReceived(validAddresses(params));
            case "loadtxfilter" -> loadTxFilter(params, subscriptions);
            case "rescanblocks" -> {
                return rescanBlocks(params, subscriptions);
            }
            default -> throw RpcException.methodNotFound();
        }
        return "null";
    }

    /** Whether {@code method} is one of these commands. */
    static boolean handles(String method) {
        return paramCounts(method) != null;
    }

    /** The {@code [required, total]} parameter counts of {@code method}, or null when it is not one of these. */
    private static int @Nullable [] paramCounts(String method) {
        return switch (method) {
            case "notifyblocks", "stopnotifyblocks", "stopnotifynewtransactions" -> new int[] {0, 0};
            case "notifynewtransactions" -> new int[] {0, 1};
            case "notifyspent", "stopnotifyspent", "notifyreceived", "stopnotifyreceived", "rescanblocks" ->
                    new int[] {1, 1};
            case "loadtxfilter" -> new int[] {3, 3};
            default -> null;
        };
    }

    private static List<OutPoint> spentOutPoints(Params params) {
        List<OutPoint> outPoints = new ArrayList<>();
        for (Params.OutPointParam param : params.outPoints(0, "outpoints")) {
            if (HashArgs.goError(param.hash()) != null) {
                throw new RpcException(RpcException.DECODE_HEX,
                        "Argument must be hexadecimal string (not " + HashArgs.goQuote(param.hash()) + ")");
            }
            outPoints.add(new OutPoint(HashArgs.canonical(param.hash()), param.index()));
        }
        return outPoints;
    }

    private static List<String> validAddresses(Params params) {
        List<String> addresses = params.stringArray(0, "addresses");
        for (String address : addresses) {
            if (Addresses.outputScript(address) == null) {
                throw new RpcException(RpcException.INVALID_ADDRESS_OR_KEY, "Invalid address or key: " + address);
            }
        }
        return addresses;
    }

    private static void loadTxFilter(Params params, Subscriptions subscriptions) {
        boolean reload = params.bool(0, "reload", false);
        List<String> addresses = params.stringArray(1, "addresses");
        List<OutPoint> outPoints = new ArrayList<>();
        for (Params.OutPointParam param : params.outPoints(2, "outpoints")) {
            String error = HashArgs.goError(param.hash());
            if (error != null) {
                throw new RpcException(RpcException.INVALID_PARAMETER, error);
            }
            outPoints.add(new OutPoint(HashArgs.canonical(param.hash()), param.index()));
        }
        subscriptions.loadFilter(reload, addresses, outPoints);
    }

    private String rescanBlocks(Params params, Subscriptions subscriptions) {
        List<String> hashes = params.stringArray(0, "blockhashes");
        if (!subscriptions.hasFilter()) {
            throw new RpcException(RpcException.MISC, "Transaction filter must be loaded before rescanning");
        }
        List<String> canonical = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            String error = HashArgs.goError(hash);
            if (error != null) {
                throw new RpcException(RpcException.INTERNAL, error);
            }
            canonical.add(HashArgs.canonical(hash));
        }
        JsonWriter json = new JsonWriter().beginArray();
        @Nullable String last = null;
        for (int i = 0; i < hashes.size(); i++) {
            String hash = canonical.get(i);
            SimulatedChain.Located located = this.chain.locate(hash);
            if (located == null) {
                throw new RpcException(RpcException.BLOCK_NOT_FOUND,
                        "Failed to fetch block: block " + hash + " is not in the main chain");
            }
            Block block = located.block();
            if (last != null && !block.previousHash().equals(last)) {
                throw new RpcException(RpcException.INVALID_PARAMETER, "Block " + hash + " is not a child of " + last);
            }
            last = hash;
            List<String> matching = new ArrayList<>();
            for (Transaction tx : block.transactions()) {
                if (subscriptions.filterMatches(tx, true)) {
                    matching.add(tx.hex());
                }
            }
            if (!matching.isEmpty()) {
                json.beginObject().name("hash").value(hashes.get(i)).name("transactions").beginArray();
                matching.forEach(json::value);
                json.endArray().endObject();
            }
        }
        return json.endArray().toString();
    }
}
