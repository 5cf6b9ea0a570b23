package org.bitcoinrpc.test.internal.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.json.JsonWriter;
import org.bitcoinrpc.test.internal.rpc.Replies;

/** The open websocket sessions of one server run. Thread-safe (a concurrent set). */
final class WebSocketClients {

    private final Set<WsClient> clients = ConcurrentHashMap.newKeySet();

    void add(WsClient client) {
        this.clients.add(client);
    }

    void remove(WsClient client) {
        this.clients.remove(client);
    }

    int size() {
        return this.clients.size();
    }

    /**
     * Sends, to each client that asked with {@code notifyblocks}, {@code blockconnected [hash, height,
     * time]} then {@code filteredblockconnected [height, header, null]} for each block in order
     * (fixture {@code ws-notifyblocks-generate3}). Only queues frames, so it may run under the
     * chain's mining lock.
     */
    void blocksConnected(List<Block> blocks) {
        String[] frames = new String[blocks.size() * 2];
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            frames[2 * i] = Replies.notification("blockconnected", new JsonWriter().beginArray()
                    .value(block.hash()).value(block.height()).value(block.time()).endArray().toString());
            frames[2 * i + 1] = Replies.notification("filteredblockconnected", new JsonWriter().beginArray()
                    .value(block.height()).value(block.headerHex()).nullValue().endArray().toString());
        }
        for (WsClient client : this.clients) {
            if (client.wantsBlocks()) {
                for (String frame : frames) {
                    client.send(frame);
                }
            }
        }
    }

    /** Sends {@code text} as a text frame to every open session. */
    void sendRaw(String text) {
        for (WsClient client : this.clients) {
            client.send(text);
        }
    }

    /** Drops every session without a close frame. */
    void disconnectAll() {
        for (WsClient client : this.clients) {
            this.clients.remove(client);
            client.disconnect();
        }
    }
}
