package org.bitcoinrpc.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of a {@link org.bitcoinrpc.client.BitcoinRpcClient}, with their key names.
 */
public enum BitcoinRpcObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call to the node, from the moment it is made to its completion (its reply, an error, a
	 * timeout, a lost connection). Each call of a batch is observed on its own. Named
	 * {@code bitcoin.rpc.requests}, so its timer is the request timer the metrics had before
	 * observations; the span is named after the method.
	 */
	RPC_CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultBitcoinRpcObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/** Key values on every meter and span: each takes few values. */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The RPC method in lower case if it is a known Bitcoin RPC method, else {@code other}
		 * (see {@link org.bitcoinrpc.spring.metrics.MethodTags}).
		 */
		METHOD {
			@Override
			public String asString() {
				return "method";
			}
		},

		/**
		 * How the call ended: a {@link org.bitcoinrpc.client.CallOutcome} in lower case
		 * ({@code success}, {@code rpc_error}, {@code timeout}, {@code connection_error}, ...).
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The node: {@code btcd}, {@code core}, or {@code unknown} until the client has learned it
		 * ({@link org.bitcoinrpc.client.BitcoinRpcClient#nodeInfo()}).
		 */
		NODE {
			@Override
			public String asString() {
				return "node";
			}
		}

	}

	/** Key values on spans only: too many values for meters. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The node's URL, which never holds credentials. */
		URL {
			@Override
			public String asString() {
				return "url";
			}
		},

		/** The Bitcoin Core wallet the call went to; absent for calls to the node itself. */
		WALLET {
			@Override
			public String asString() {
				return "wallet";
			}
		},

		/** The RPC method as the caller gave it, also when the {@code method} key says {@code other}. */
		RPC_METHOD {
			@Override
			public String asString() {
				return "rpc.method";
			}
		},

		/**
		 * The node's JSON-RPC error code when the call failed with one (e.g. {@code -5}); the
		 * failure itself is the observation's error, which tracing records on the span and
		 * metrics as the {@code error} tag.
		 */
		RPC_ERROR_CODE {
			@Override
			public String asString() {
				return "rpc.error.code";
			}
		}

	}

}
