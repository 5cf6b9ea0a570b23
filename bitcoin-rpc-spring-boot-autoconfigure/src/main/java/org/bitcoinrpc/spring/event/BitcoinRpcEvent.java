package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.zmq.ZmqEvent;

import org.springframework.context.ApplicationEvent;

/**
 * A {@link BitcoinEvent} of a {@link BitcoinRpcClient}, published as a Spring application event.
 * <p>
 * Every notification, connection event and ZMQ event has a concrete subclass, so a listener picks
 * what it wants by its parameter type:
 * <pre>{@code
 * @EventListener
 * void on(BlockConnectedEvent event) {
 *     long height = event.notification().height();
 * }
 *
 * @EventListener
 * void on(BitcoinRpcEvent<?> event) { ... every event ... }
 * }</pre>
 * Events are published on the client's event thread, one at a time, in the order they
 * happened. A slow listener delays the events after it, never the replies to calls; past the
 * client's notification queue size, newer events are dropped and counted, except block and
 * connection events.
 *
 * @param <E> the type of the client's event
 */
public abstract class BitcoinRpcEvent<E extends BitcoinEvent> extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final E payload;

	/**
	 * An event.
	 * @param client the client that received or raised it
	 * @param payload the client's event
	 */
	protected BitcoinRpcEvent(BitcoinRpcClient client, E payload) {
		super(client);
		this.payload = payload;
	}

	/**
	 * The client's event: a {@link Notification}, a {@link ConnectionEvent} or a {@link ZmqEvent} record.
	 * @return the client's event
	 */
	public E getPayload() {
		return this.payload;
	}

	/**
	 * The client the event is about.
	 * @return the client
	 */
	public BitcoinRpcClient getClient() {
		return (BitcoinRpcClient) getSource();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.payload + "]";
	}

	/**
	 * The application event for a client's event.
	 * @param client the client
	 * @param event the client's event
	 * @return the matching subclass of this class
	 */
	public static BitcoinRpcEvent<?> of(BitcoinRpcClient client, BitcoinEvent event) {
		if (event instanceof Notification notification) {
			return BitcoinRpcNotificationEvent.of(client, notification);
		}
		if (event instanceof ConnectionEvent connectionEvent) {
			return BitcoinRpcConnectionEvent.of(client, connectionEvent);
		}
		if (event instanceof ZmqEvent zmqEvent) {
			return new ZmqNotificationEvent(client, zmqEvent);
		}
		throw new IllegalArgumentException("Unknown event type " + event.getClass().getName());
	}

}
