package org.bitcoinrpc.client.model;

/**
 * One entry of {@code getzmqnotifications} (Bitcoin Core only): a {@code -zmqpub<topic>} option.
 *
 * @param type the notification, e.g. {@code pubhashblock}, {@code pubrawtx}, {@code pubsequence}
 * @param address the endpoint the node publishes it on, e.g. {@code tcp://127.0.0.1:28332}
 * @param hwm the outbound message high-water mark
 */
public record ZmqNotification(String type, String address, long hwm) {
}
