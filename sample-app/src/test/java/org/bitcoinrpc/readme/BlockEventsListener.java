package org.bitcoinrpc.readme;

// tag::event-listener[]
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.springframework.context.event.EventListener;

// end::event-listener[]
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** README "Spring Boot": the block listener ({@link SpringBootEventsTests} runs it). */
@Component
class BlockEventsListener {

	private static final Logger log = LoggerFactory.getLogger(BlockEventsListener.class);

	// tag::event-listener[]
	@EventListener
	void on(BlockConnectedEvent event) {
		log.info("block {} at height {}", event.notification().hash(), event.notification().height());
	}
	// end::event-listener[]

}
