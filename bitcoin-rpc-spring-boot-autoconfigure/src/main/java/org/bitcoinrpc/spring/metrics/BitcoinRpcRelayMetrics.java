package org.bitcoinrpc.spring.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bitcoinrpc.spring.relay.ChainEventRelay;

/**
 * Micrometer meters of the browser relay: {@value #SESSIONS_OPEN} (gauge),
 * {@value #MESSAGES_SENT} and {@value #SLOW_SESSIONS_CLOSED} (counters), read from the
 * {@link ChainEventRelay} at each scrape.
 */
public class BitcoinRpcRelayMetrics implements MeterBinder {

	/** Browser sessions open now. */
	public static final String SESSIONS_OPEN = "bitcoin.rpc.relay.sessions.open";

	/** Messages sent to browsers, snapshots included. */
	public static final String MESSAGES_SENT = "bitcoin.rpc.relay.messages.sent";

	/** Browser sessions closed because they could not keep up. */
	public static final String SLOW_SESSIONS_CLOSED = "bitcoin.rpc.relay.sessions.closed.slow";

	private final ChainEventRelay relay;

	/**
	 * Meters of a relay.
	 * @param relay the relay
	 */
	public BitcoinRpcRelayMetrics(ChainEventRelay relay) {
		this.relay = relay;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(SESSIONS_OPEN, this.relay, ChainEventRelay::openSessions)
			.description("Browser sessions of the chain event relay open now")
			.baseUnit("sessions")
			.register(registry);
		FunctionCounter.builder(MESSAGES_SENT, this.relay, ChainEventRelay::messagesSent)
			.description("Messages the chain event relay sent to browsers")
			.baseUnit("messages")
			.register(registry);
		FunctionCounter.builder(SLOW_SESSIONS_CLOSED, this.relay, ChainEventRelay::slowSessionsClosed)
			.description("Browser sessions the chain event relay closed because they could not keep up")
			.baseUnit("sessions")
			.register(registry);
	}

}
