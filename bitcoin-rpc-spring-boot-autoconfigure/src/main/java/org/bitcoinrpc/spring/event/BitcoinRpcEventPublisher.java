package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;
import org.bitcoinrpc.client.BitcoinRpcClient;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every event of a client as a {@link BitcoinRpcEvent}. Add it to the client with
 * {@link BitcoinRpcClient#addListener}; it runs on the client's event thread, so application
 * listeners run there too, in order, and never on the connection's reader.
 */
public class BitcoinRpcEventPublisher implements BitcoinEventListener {

	private final BitcoinRpcClient client;

	private final ApplicationEventPublisher publisher;

	/**
	 * A publisher.
	 * @param client the client whose events are published (the events' source)
	 * @param publisher where to publish, usually the application context
	 */
	public BitcoinRpcEventPublisher(BitcoinRpcClient client, ApplicationEventPublisher publisher) {
		this.client = client;
		this.publisher = publisher;
	}

	@Override
	public void onEvent(BitcoinEvent event) {
		this.publisher.publishEvent(BitcoinRpcEvent.of(this.client, event));
	}

}
