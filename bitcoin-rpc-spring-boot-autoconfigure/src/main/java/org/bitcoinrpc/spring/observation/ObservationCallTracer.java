package org.bitcoinrpc.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.bitcoinrpc.client.CallInfo;
import org.bitcoinrpc.client.CallTracer;
import org.bitcoinrpc.client.ClientOptions;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CallTracer} that makes every call a Micrometer {@link Observation}
 * ({@link BitcoinRpcObservationDocumentation#RPC_CALL}). The observation starts on the thread that
 * makes the call, so an observation open there (a web request's, a scheduled job's) becomes its
 * parent, and stops when the call completes, with the failure as its error. Set it with
 * {@link ClientOptions.Builder#callTracer(CallTracer)}; the Spring Boot starter does so when there
 * is an {@link ObservationRegistry} bean.
 */
public class ObservationCallTracer implements CallTracer {

	private static final Span NOOP_SPAN = (outcome, failure) -> {
	};

	private final ObservationRegistry registry;

	private final @Nullable BitcoinRpcObservationConvention convention;

	/**
	 * A tracer with the default convention.
	 * @param registry where the observations go
	 */
	public ObservationCallTracer(ObservationRegistry registry) {
		this(registry, null);
	}

	/**
	 * A tracer.
	 * @param registry where the observations go
	 * @param convention the convention to use instead of the default, or {@code null}
	 */
	public ObservationCallTracer(ObservationRegistry registry, @Nullable BitcoinRpcObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public Span start(CallInfo call) {
		if (this.registry.isNoop()) {
			return NOOP_SPAN;
		}
		BitcoinRpcObservationContext context = new BitcoinRpcObservationContext(call);
		Observation observation = BitcoinRpcObservationDocumentation.RPC_CALL
			.observation(this.convention, DefaultBitcoinRpcObservationConvention.INSTANCE, () -> context, this.registry)
			.start();
		return (outcome, failure) -> {
			// The outcome is a low-cardinality key value: it must be set before stop reads them.
			context.setOutcome(outcome);
			if (failure != null) {
				observation.error(failure);
			}
			observation.stop();
		};
	}

	@Override
	public String toString() {
		return "ObservationCallTracer[" + ((this.convention != null) ? this.convention : "default convention") + "]";
	}

}
