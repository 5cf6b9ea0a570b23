package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.List;

import org.bitcoinrpc.client.transport.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * Calls written together as one JSON-RPC batch: the exchange a transport gets back with the
 * batch's reply or failure. Its first call names it, addresses it and bounds its time. Immutable.
 */
final class Batch implements Exchange {

	private final List<PendingRequest<?>> requests;

	/** @param requests at least one, all registered and claimed for writing */
	Batch(List<PendingRequest<?>> requests) {
		this.requests = requests;
	}

	List<PendingRequest<?>> requests() {
		return this.requests;
	}

	private PendingRequest<?> lead() {
		return this.requests.get(0);
	}

	@Override
	public long id() {
		return lead().id();
	}

	@Override
	public String method() {
		return lead().method();
	}

	@Override
	public boolean isBatch() {
		return true;
	}

	@Override
	public @Nullable String wallet() {
		return lead().wallet();
	}

	@Override
	public Duration timeout() {
		return lead().timeout();
	}

	@Override
	public String toString() {
		return "Batch[" + this.requests.size() + " calls, led by " + lead() + "]";
	}

}
