package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;

/**
 * Something happened to the client's connection, as an application event. Listen for
 * {@code BitcoinRpcConnectionEvent<?>} to receive every connection event, for a named subclass such
 * as {@link ReconnectingEvent}, or for {@code BitcoinRpcEvent<ConnectionEvent.Reconnecting>}. A
 * connection event without a named subclass is published as this class, typed by its record.
 *
 * @param <C> the type of the connection event
 */
public class BitcoinRpcConnectionEvent<C extends ConnectionEvent> extends BitcoinRpcEvent<C> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client whose connection it is about
	 * @param event the connection event
	 */
	public BitcoinRpcConnectionEvent(BitcoinRpcClient client, C event) {
		super(client, event);
	}

	/**
	 * The connection event.
	 * @return the connection event record
	 */
	public C connectionEvent() {
		return getPayload();
	}

	/**
	 * The application event for a connection event: its named class, such as
	 * {@link ReconnectingEvent}, or this class for one without.
	 * @param client the client
	 * @param event the connection event
	 * @return the application event
	 */
	public static BitcoinRpcConnectionEvent<?> of(BitcoinRpcClient client, ConnectionEvent event) {
		return (BitcoinRpcConnectionEvent<?>) BitcoinRpcEvent.of(client, event);
	}

}
