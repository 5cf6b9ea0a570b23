package org.bitcoinrpc.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.bitcoinrpc.client.CallInfo;
import org.bitcoinrpc.client.CallOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one call to the node: what the client knew when the call was
 * made and, once it completed, how it ended. A {@link SenderContext} of kind
 * {@link Kind#CLIENT}, so tracing makes a client span with the node as the remote service; there
 * is nothing to propagate (a node reads no tracing headers), so the carrier is ignored.
 */
public class BitcoinRpcObservationContext extends SenderContext<Object> {

	/** The remote service name tracing shows for the node. */
	public static final String REMOTE_SERVICE_NAME = "bitcoin-rpc";

	private final CallInfo call;

	/** Set on the thread that completes the call, before the observation stops. */
	private volatile @Nullable CallOutcome outcome;

	/**
	 * The context of a call being made.
	 * @param call what the client knows of the call
	 */
	public BitcoinRpcObservationContext(CallInfo call) {
		super((carrier, key, value) -> {
		}, Kind.CLIENT);
		this.call = call;
		setRemoteServiceName(REMOTE_SERVICE_NAME);
		setRemoteServiceAddress(call.url().toString());
	}

	/**
	 * What the client knew of the call when it was made.
	 * @return the call
	 */
	public CallInfo getCall() {
		return this.call;
	}

	/**
	 * How the call ended.
	 * @return the outcome, or {@code null} while the call runs
	 */
	public @Nullable CallOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Records how the call ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(CallOutcome outcome) {
		this.outcome = outcome;
	}

}
