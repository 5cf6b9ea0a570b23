package org.bitcoinrpc.client.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validateaddress} against the btcd and Core transcripts. */
class UtilityCallsFixtureTests {

	@Test
	void validP2pkhOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-validateaddress-valid.json");
		AddressValidation validation = calls.validateAddress("SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh");
		calls.assertSentAsRecorded();
		assertThat(validation).isEqualTo(new AddressValidation(true, "SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh", null, false,
				false, null, null, null, null));
	}

	@Test
	void validSegwitOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-validateaddress-segwit.json");
		AddressValidation validation = calls.validateAddress("sb1qz6h462326sr675e45ntdypxa62zz7m9dlzrgca");
		calls.assertSentAsRecorded();
		assertThat(validation.isValid()).isTrue();
		assertThat(validation.isWitness()).isTrue();
		assertThat(validation.isScript()).isFalse();
		assertThat(validation.witnessVersion()).isZero();
		assertThat(validation.witnessProgram()).isEqualTo("16af5d2a2ad407af5335a4d6d204ddd2842f6cad");
		assertThat(validation.scriptPubKey()).isNull();
	}

	@Test
	void invalidOnBtcdHasNoReason() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-validateaddress-invalid.json");
		AddressValidation validation = calls.validateAddress("notanaddress");
		calls.assertSentAsRecorded();
		assertThat(validation).isEqualTo(new AddressValidation(false, null, null, null, null, null, null, null, null));
	}

	@Test
	void validSegwitOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-validateaddress.json");
		AddressValidation validation = calls.validateAddress("bcrt1qsr5fdlsm3uras00sj0qzmnterv5p2hlvsdk8vj");
		calls.assertSentAsRecorded();
		assertThat(validation).isEqualTo(new AddressValidation(true, "bcrt1qsr5fdlsm3uras00sj0qzmnterv5p2hlvsdk8vj",
				"001480e896fe1b8f07d83df093c02dcd791b28155fec", false, true, 0, "80e896fe1b8f07d83df093c02dcd791b28155fec",
				null, null));
	}

	@Test
	void invalidOnCoreSaysWhy() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-validateaddress-invalid.json");
		AddressValidation validation = calls.validateAddress("notanaddress");
		calls.assertSentAsRecorded();
		assertThat(validation.isValid()).isFalse();
		assertThat(validation.error()).isEqualTo("Invalid checksum or length of Base58 address (P2PKH or P2SH)");
		assertThat(validation.errorLocations()).isEqualTo(List.of());
		assertThat(validation.address()).isNull();
	}

}
