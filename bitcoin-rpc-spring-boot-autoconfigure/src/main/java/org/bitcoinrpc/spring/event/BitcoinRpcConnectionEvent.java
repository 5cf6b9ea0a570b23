package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;

/**
 * Something happened to the client's connection, as an application event. Listen for this type
 * to receive every connection event, or for a subclass such as {@link ReconnectingEvent}.
 *
 * @param <C> the type of the connection event
 */
public abstract class BitcoinRpcConnectionEvent<C extends ConnectionEvent> extends BitcoinRpcEvent<C> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client whose connection it is about
	 * @param event the connection event
	 */
	protected BitcoinRpcConnectionEvent(BitcoinRpcClient client, C event) {
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
	 * The application event for a connection event.
	 * @param client the client
	 * @param event the connection event
	 * @return the matching subclass of this class
	 */
	public static BitcoinRpcConnectionEvent<?> of(BitcoinRpcClient client, ConnectionEvent event) {
		if (event instanceof ConnectionEvent.Connected value) {
			return new ConnectedEvent(client, value);
		}
		if (event instanceof ConnectionEvent.Disconnected value) {
			return new DisconnectedEvent(client, value);
		}
		if (event instanceof ConnectionEvent.Reconnecting value) {
			return new ReconnectingEvent(client, value);
		}
		if (event instanceof ConnectionEvent.Reconnected value) {
			return new ReconnectedEvent(client, value);
		}
		if (event instanceof ConnectionEvent.ReconnectFailed value) {
			return new ReconnectFailedEvent(client, value);
		}
		throw new IllegalArgumentException("Unknown connection event type " + event.getClass().getName());
	}

}
