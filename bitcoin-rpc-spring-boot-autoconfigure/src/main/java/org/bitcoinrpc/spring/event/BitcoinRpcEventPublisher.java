package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every event of a client as a {@link BitcoinRpcEvent}: notifications, connection
 * events and ZMQ events ({@link ZmqNotificationEvent}); an event of another source handed to
 * {@link BitcoinRpcClient#dispatchEvent} is published as it is (a {@code PayloadApplicationEvent}).
 * Add it to the client with {@link BitcoinRpcClient#addListener}; it runs on the client's event
 * thread, so application listeners run there too, in order, and never on the connection's reader.
 * <p>
 * When a chain follower publishes the block events ({@link ChainFollowerEventPublisher}), this
 * publisher leaves out the client's own {@link Notification.BlockConnected} and
 * {@link Notification.BlockDisconnected} (from the websocket), which would repeat them.
 */
public class BitcoinRpcEventPublisher implements BitcoinEventListener {

	private final BitcoinRpcClient client;

	private final ApplicationEventPublisher publisher;

	private final boolean blockChanges;

	/**
	 * A publisher of every event.
	 * @param client the client whose events are published (the events' source)
	 * @param publisher where to publish, usually the application context
	 */
	public BitcoinRpcEventPublisher(BitcoinRpcClient client, ApplicationEventPublisher publisher) {
		this(client, publisher, true);
	}

	/**
	 * A publisher.
	 * @param client the client whose events are published (the events' source)
	 * @param publisher where to publish, usually the application context
	 * @param blockChanges whether to publish the client's {@code blockconnected} and
	 * {@code blockdisconnected} notifications; false when a chain follower publishes
	 * {@link BlockConnectedEvent} and {@link BlockDisconnectedEvent} itself
	 */
	public BitcoinRpcEventPublisher(BitcoinRpcClient client, ApplicationEventPublisher publisher, boolean blockChanges) {
		this.client = client;
		this.publisher = publisher;
		this.blockChanges = blockChanges;
	}

	@Override
	public void onEvent(BitcoinEvent event) {
		if (!this.blockChanges && event instanceof Notification.BlockChange) {
			return;
		}
		BitcoinRpcEvent<?> published = BitcoinRpcEvent.from(this.client, event);
		this.publisher.publishEvent((published != null) ? published : event);
	}

}
