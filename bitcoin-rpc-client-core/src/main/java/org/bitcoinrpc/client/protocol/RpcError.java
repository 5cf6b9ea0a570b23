package org.bitcoinrpc.client.protocol;

/**
 * A JSON-RPC error object as a node sent it.
 *
 * @param code the error code
 * @param message the message, empty when the node sent none
 */
public record RpcError(int code, String message) {
}
