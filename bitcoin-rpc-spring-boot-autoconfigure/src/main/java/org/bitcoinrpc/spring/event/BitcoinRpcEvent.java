package org.bitcoinrpc.spring.event;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * A {@link BitcoinEvent} of a {@link BitcoinRpcClient}, published as a Spring application event.
 * <p>
 * A listener picks what it wants by the payload type, for every notification, connection event
 * and ZMQ event, as with Spring Boot's {@code AvailabilityChangeEvent}:
 * <pre>{@code
 * @EventListener
 * void on(BitcoinRpcEvent<Notification.BlockConnected> event) {
 *     long height = event.getPayload().height();
 * }
 *
 * @EventListener
 * void on(BitcoinRpcEvent<Notification.RescanFinished> event) { ... }
 *
 * @EventListener
 * void on(BitcoinRpcEvent<?> event) { ... every event ... }
 * }</pre>
 * The events most listened for also have a named class, which the listener may take instead:
 * {@link BlockConnectedEvent} and {@link BlockDisconnectedEvent} (with the chain follower's
 * block), {@link TxAcceptedEvent}, and the connection events {@link ConnectedEvent},
 * {@link DisconnectedEvent}, {@link ReconnectingEvent}, {@link ReconnectedEvent} and
 * {@link ReconnectFailedEvent}. Every other notification is a {@link BitcoinRpcNotificationEvent},
 * every ZMQ event a {@link ZmqNotificationEvent}, each typed by its payload.
 * <p>
 * Events are published on the client's event thread, one at a time, in the order they
 * happened. A slow listener delays the events after it, never the replies to calls; past the
 * client's notification queue size, newer events are dropped and counted, except block and
 * connection events.
 *
 * @param <E> the type of the client's event
 */
public abstract class BitcoinRpcEvent<E extends BitcoinEvent> extends ApplicationEvent implements ResolvableTypeProvider {

	private static final long serialVersionUID = 1L;

	/**
	 * The named classes, by the exact class of the client's event (records, so final); every
	 * other event gets its family's generic class.
	 */
	private static final Map<Class<?>, BiFunction<BitcoinRpcClient, BitcoinEvent, BitcoinRpcEvent<?>>> NAMED = Map
		.ofEntries(named(Notification.BlockConnected.class, BlockConnectedEvent::new),
				named(Notification.BlockDisconnected.class, BlockDisconnectedEvent::new),
				named(Notification.TxAccepted.class, TxAcceptedEvent::new),
				named(ConnectionEvent.Connected.class, ConnectedEvent::new),
				named(ConnectionEvent.Disconnected.class, DisconnectedEvent::new),
				named(ConnectionEvent.Reconnecting.class, ReconnectingEvent::new),
				named(ConnectionEvent.Reconnected.class, ReconnectedEvent::new),
				named(ConnectionEvent.ReconnectFailed.class, ReconnectFailedEvent::new));

	/**
	 * The resolvable type of an event class, as a function of its payload's class: the class
	 * itself when it has no type parameter (a named class), else the class with the payload's.
	 */
	private static final ClassValue<Function<Class<?>, ResolvableType>> TYPES = new ClassValue<>() {

		@Override
		protected Function<Class<?>, ResolvableType> computeValue(Class<?> eventType) {
			if (eventType.getTypeParameters().length != 1) {
				ResolvableType type = ResolvableType.forClass(eventType);
				return (payloadType) -> type;
			}
			ClassValue<ResolvableType> byPayload = new ClassValue<>() {

				@Override
				protected ResolvableType computeValue(Class<?> payloadType) {
					return ResolvableType.forClassWithGenerics(eventType, payloadType);
				}

			};
			return byPayload::get;
		}

	};

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

	/**
	 * The type listeners are matched against: this class, with the payload's class as its type
	 * argument when the class has one type parameter ({@code BitcoinRpcNotificationEvent<RescanFinished>}),
	 * so that {@code BitcoinRpcEvent<RescanFinished>} matches it. A named class without type
	 * parameter ({@link BlockConnectedEvent}) is its own type, which matches both its name and
	 * {@code BitcoinRpcEvent<BlockConnected>}. A subclass with a type parameter of another meaning
	 * overrides this method.
	 * @return the event's type
	 */
	@Override
	public ResolvableType getResolvableType() {
		return TYPES.get(getClass()).apply(this.payload.getClass());
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.payload + "]";
	}

	/**
	 * The application event for a client's event: its named class if it has one, else the
	 * generic class of its family.
	 * @param client the client
	 * @param event the client's event
	 * @return a {@link BitcoinRpcNotificationEvent}, a {@link BitcoinRpcConnectionEvent} or a
	 * {@link ZmqNotificationEvent}
	 * @throws IllegalArgumentException if the event is none of the client's own
	 */
	public static BitcoinRpcEvent<?> of(BitcoinRpcClient client, BitcoinEvent event) {
		BitcoinRpcEvent<?> published = from(client, event);
		if (published == null) {
			throw new IllegalArgumentException("Unknown event type " + event.getClass().getName());
		}
		return published;
	}

	/**
	 * The application event for a client's event, or {@code null} for an event of another source.
	 * @param client the client
	 * @param event the event
	 * @return the application event, or {@code null}
	 */
	static @Nullable BitcoinRpcEvent<?> from(BitcoinRpcClient client, BitcoinEvent event) {
		BiFunction<BitcoinRpcClient, BitcoinEvent, BitcoinRpcEvent<?>> named = NAMED.get(event.getClass());
		if (named != null) {
			return named.apply(client, event);
		}
		if (event instanceof Notification notification) {
			return new BitcoinRpcNotificationEvent<>(client, notification);
		}
		if (event instanceof ConnectionEvent connectionEvent) {
			return new BitcoinRpcConnectionEvent<>(client, connectionEvent);
		}
		if (event instanceof ZmqEvent zmqEvent) {
			return new ZmqNotificationEvent<>(client, zmqEvent);
		}
		return null;
	}

	private static <T extends BitcoinEvent> Map.Entry<Class<?>, BiFunction<BitcoinRpcClient, BitcoinEvent, BitcoinRpcEvent<?>>> named(
			Class<T> type, BiFunction<BitcoinRpcClient, T, ? extends BitcoinRpcEvent<T>> factory) {
		return Map.entry(type, (client, event) -> factory.apply(client, type.cast(event)));
	}

}
