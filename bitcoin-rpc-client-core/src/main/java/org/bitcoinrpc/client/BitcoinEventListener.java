package org.bitcoinrpc.client;

/**
 * Receives notifications and connection events.
 * <p>
 * Listeners run on the client's event thread, one event at a time, in the order the events
 * happened; never on the connection's reader, so a slow listener does not delay replies to calls.
 * A listener that throws is logged and the next event is still delivered. If listeners fall more
 * than {@code notificationQueueSize} events behind, newer events are dropped and counted
 * ({@link BitcoinRpcClient#droppedNotifications()}), except block and connection events, which
 * are always delivered.
 */
@FunctionalInterface
public interface BitcoinEventListener {

	void onEvent(BitcoinEvent event);

}
