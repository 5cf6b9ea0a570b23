package org.bitcoinrpc.spring.observation;

import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.bitcoinrpc.client.CallInfo;
import org.bitcoinrpc.client.CallOutcome;
import org.bitcoinrpc.client.NodeInfo;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.spring.metrics.MethodTags;
import org.bitcoinrpc.spring.observation.BitcoinRpcObservationDocumentation.HighCardinalityKeyNames;
import org.bitcoinrpc.spring.observation.BitcoinRpcObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link BitcoinRpcObservationConvention}: observations named {@value #NAME}, spans
 * named after the method, and the key values of {@link BitcoinRpcObservationDocumentation}.
 */
public class DefaultBitcoinRpcObservationConvention implements BitcoinRpcObservationConvention {

	/** The observation's name, and so the name of its timer. */
	public static final String NAME = "bitcoin.rpc.requests";

	/** The shared instance. */
	public static final DefaultBitcoinRpcObservationConvention INSTANCE = new DefaultBitcoinRpcObservationConvention();

	private static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(BitcoinRpcObservationContext context) {
		return context.getCall().method().toLowerCase(Locale.ROOT);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(BitcoinRpcObservationContext context) {
		return KeyValues.of(method(context), outcome(context), node(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(BitcoinRpcObservationContext context) {
		CallInfo call = context.getCall();
		KeyValues values = KeyValues.of(HighCardinalityKeyNames.URL.withValue(call.url().toString()),
				HighCardinalityKeyNames.RPC_METHOD.withValue(call.method()));
		if (call.wallet() != null) {
			values = values.and(HighCardinalityKeyNames.WALLET.withValue(call.wallet()));
		}
		if (context.getError() instanceof RpcErrorException error) {
			values = values.and(HighCardinalityKeyNames.RPC_ERROR_CODE.withValue(Integer.toString(error.code())));
		}
		return values;
	}

	protected KeyValue method(BitcoinRpcObservationContext context) {
		return LowCardinalityKeyNames.METHOD.withValue(MethodTags.of(context.getCall().method()));
	}

	protected KeyValue outcome(BitcoinRpcObservationContext context) {
		CallOutcome outcome = context.getOutcome();
		return LowCardinalityKeyNames.OUTCOME
			.withValue((outcome != null) ? outcome.name().toLowerCase(Locale.ROOT) : UNKNOWN);
	}

	protected KeyValue node(BitcoinRpcObservationContext context) {
		NodeInfo.Kind kind = context.getCall().nodeKind();
		String value = (kind == null) ? UNKNOWN : switch (kind) {
			case BTCD -> "btcd";
			case BITCOIN_CORE -> "core";
		};
		return LowCardinalityKeyNames.NODE.withValue(value);
	}

}
