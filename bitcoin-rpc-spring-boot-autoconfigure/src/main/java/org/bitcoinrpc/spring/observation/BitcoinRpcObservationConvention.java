package org.bitcoinrpc.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for the calls of a {@link org.bitcoinrpc.client.BitcoinRpcClient}.
 * Declare a bean of this type to replace or extend
 * {@link DefaultBitcoinRpcObservationConvention} (extend it to keep its key values).
 */
public interface BitcoinRpcObservationConvention extends ObservationConvention<BitcoinRpcObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof BitcoinRpcObservationContext;
	}

}
