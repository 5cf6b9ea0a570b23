package org.bitcoinrpc.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DelayAndResendPolicyTests {

	@Test
	void linearIsTheGoClientsPolicy() {
		Delay delay = Delay.linear(Duration.ofSeconds(5), Duration.ofSeconds(60));
		assertThat(delay.delay(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(delay.delay(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(delay.delay(12)).isEqualTo(Duration.ofSeconds(60));
		assertThat(delay.delay(13)).isEqualTo(Duration.ofSeconds(60));
		assertThat(delay.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void exponentialDoublesCapsAndJitters() {
		Delay top = Delay.exponentialWithJitter(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.999999);
		Delay bottom = Delay.exponentialWithJitter(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);
		assertThat(bottom.delay(1)).isEqualTo(Duration.ofMillis(50));
		assertThat(bottom.delay(2)).isEqualTo(Duration.ofMillis(100));
		assertThat(bottom.delay(4)).isEqualTo(Duration.ofMillis(400));
		assertThat(top.delay(4)).isBetween(Duration.ofMillis(799), Duration.ofMillis(800));
		assertThat(top.delay(40)).isBetween(Duration.ofMillis(9_999), Duration.ofSeconds(10));
		assertThat(bottom.delay(1000)).isEqualTo(Duration.ofSeconds(5));
		Delay random = Delay.exponentialWithJitter(Duration.ofMillis(100), Duration.ofSeconds(10));
		for (int attempt = 1; attempt < 50; attempt++) {
			assertThat(random.delay(attempt)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
		}
	}

	@Test
	void delaysRejectNonPositiveArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> Delay.constant(Duration.ZERO)).withMessageContaining("delay");
		assertThatIllegalArgumentException().isThrownBy(() -> Delay.linear(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
			.withMessageContaining("step");
	}

	@ParameterizedTest
	@ValueSource(strings = { "getblockcount", "getblock", "getrawtransaction", "listunspent", "estimatesmartfee",
			"decoderawtransaction", "validateaddress", "testmempoolaccept", "ping", "notifyblocks", "loadtxfilter",
			"help", "GETBLOCKHASH" })
	void readOnlyCallsAreResent(String method) {
		assertThat(ResendPolicy.readOnlyCalls().isSafeToResend(method)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sendrawtransaction", "sendtoaddress", "sendmany", "walletpassphrase", "generate",
			"generatetoaddress", "rescan", "getnewaddress", "getrawchangeaddress", "createwallet", "submitblock",
			"invalidateblock", "bumpfee", "importdescriptors", "stop", "somefuturemethod" })
	void callsThatChangeStateAreNot(String method) {
		assertThat(ResendPolicy.readOnlyCalls().isSafeToResend(method)).isFalse();
	}

	@Test
	void policiesCompose() {
		assertThat(ResendPolicy.never().isSafeToResend("getblockcount")).isFalse();
		ResendPolicy extended = ResendPolicy.readOnlyCallsAnd(java.util.Set.of("submitblock"));
		assertThat(extended.isSafeToResend("submitblock")).isTrue();
		assertThat(extended.isSafeToResend("getblockcount")).isTrue();
		assertThat(extended.isSafeToResend("sendrawtransaction")).isFalse();
	}

}
