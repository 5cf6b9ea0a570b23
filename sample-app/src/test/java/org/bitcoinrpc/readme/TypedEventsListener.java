package org.bitcoinrpc.readme;

// tag::typed-events[]
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.spring.event.BitcoinRpcEvent;
import org.springframework.context.event.EventListener;

// end::typed-events[]
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** README "Spring Boot", Events: listeners typed by the record ({@link SpringBootEventsTests} runs them). */
@Component
class TypedEventsListener {

	private static final Logger log = LoggerFactory.getLogger(TypedEventsListener.class);

	// tag::typed-events[]
	@EventListener
	void onBlock(BitcoinRpcEvent<Notification.BlockConnected> event) {
		log.info("block {} at height {}", event.getPayload().hash(), event.getPayload().height());
	}

	@EventListener // no named class: still typed
	void onRescanFinished(BitcoinRpcEvent<Notification.RescanFinished> event) {
		log.info("rescan finished at {}", event.getPayload().height());
	}

	@EventListener
	void onMempoolAdded(BitcoinRpcEvent<ZmqEvent.MempoolAdded> event) {
		log.info("mempool + {}", event.getPayload().txid());
	}

	@EventListener
	void onEvent(BitcoinRpcEvent<?> event) { // every event
		log.info("event {}", event.getPayload());
	}
	// end::typed-events[]

}
