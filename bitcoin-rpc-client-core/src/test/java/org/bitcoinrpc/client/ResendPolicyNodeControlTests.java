package org.bitcoinrpc.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default resend policy and the control, mining, network and btcd calls: a call that changes
 * the node must never run twice because a connection broke.
 */
class ResendPolicyNodeControlTests {

	private final ResendPolicy policy = ResendPolicy.readOnlyCalls();

	@ParameterizedTest
	@ValueSource(strings = { "stop", "logging", "invalidateblock", "reconsiderblock", "prioritisetransaction",
			"submitblock", "submitheader", "addnode", "clearbanned", "disconnectnode", "setban", "setnetworkactive",
			"debuglevel", "node", "setgenerate" })
	void callsThatChangeTheNodeAreNotResent(String method) {
		assertThat(this.policy.isSafeToResend(method)).isFalse();
		assertThat(this.policy.isSafeToResend(method.toUpperCase(java.util.Locale.ROOT))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "help", "version", "getmemoryinfo", "getrpcinfo", "getblocktemplate", "getnetworkhashps",
			"getprioritisedtransactions", "getaddednodeinfo", "getaddrmaninfo", "getnodeaddresses", "listbanned",
			"getzmqnotifications", "getcfilter", "getcfilterheader", "getheaders", "getgenerate", "gethashespersec" })
	void callsThatOnlyReadAreResent(String method) {
		assertThat(this.policy.isSafeToResend(method)).isTrue();
	}

}
