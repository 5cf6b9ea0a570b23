package org.bitcoinrpc.client.zmq;

import java.util.function.Consumer;

import org.bitcoinrpc.client.BitcoinEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two consumers a subscriber reports to, called on the receive thread, in order. A consumer
 * that throws is logged and the next event still delivered, as with the client's listeners.
 */
final class EventSinks {

	private static final Logger logger = LoggerFactory.getLogger(EventSinks.class);

	private final Consumer<BitcoinEvent> blocks;

	private final Consumer<ZmqEvent> events;

	EventSinks(Consumer<BitcoinEvent> blocks, Consumer<ZmqEvent> events) {
		this.blocks = blocks;
		this.events = events;
	}

	void block(BitcoinEvent event) {
		try {
			this.blocks.accept(event);
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			logger.warn("Block event consumer {} failed on {}", this.blocks, event, ex);
		}
	}

	void event(ZmqEvent event) {
		try {
			this.events.accept(event);
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			logger.warn("ZMQ event consumer {} failed on {}", this.events, event, ex);
		}
	}

}
