package org.bitcoinrpc.client.model;

import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.bitcoinrpc.client.model.RefusedArguments.assertRefused;

/**
 * The util calls added to {@link org.bitcoinrpc.client.UtilityCalls} ({@code createmultisig},
 * {@code deriveaddresses}, {@code getdescriptorinfo}, {@code getindexinfo},
 * {@code signmessagewithprivkey}, {@code verifymessage}) against the btcd and Core transcripts.
 */
class UtilCallsFixtureTests {

	private static final List<String> KEYS = List.of("02bd18c3b6e938b81fd349c671b8b9f79172a2f1dd5e0e281eeac5b25d27e1a757",
			"03d4dc0037c6e7abfb96947ca33b20e4b317be9b5bf991067170b54bd2f4924e28",
			"021948588b2a4e39877ffc0c00a2ed269314d3daefe0a7bdf4919bb8579277e266");

	private static final String MULTISIG_SCRIPT = "5221" + KEYS.get(0) + "21" + KEYS.get(1) + "21" + KEYS.get(2) + "53ae";

	private static final Descriptor RANGED = Descriptor.of("wpkh([95a770fd/84h/1h/0h]tpubDDVci4TwN6UxBEtL762VY5ZrtJ2Eh2"
			+ "P7RJzqAPB1BH4QymyGS5hz2WkcJqKe5sMt3iaY4iTkczKvcQ9BVVQzNSMN4G11MBDtfJMtHPGHXN1/0/*)#tupujr2h");

	private static final String CORE_SIGNATURE = "IE0ZzbS676K4Yjpiw0LpeukxtWePGKA6CuhW4eQ/ITGiZT3o+/GYTlioYSJWHtDR284duE/DTBSADmofW2c2TDo=";

	private static final String BTCD_SIGNATURE = "IHfvy6U1BbPay1Eyt7CpTWc9Nzh2Lw+E90Z8TpGUvRVOfIoabJMLS8opbs9pT/iXBH0JeOI1oOkF/7wl7vkt2HU=";

	private static final String MESSAGE = "fixture message 2026-12-04";

	@Test
	void createLegacyMultisig() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createmultisig.json");
		MultisigAddress multisig = calls.createMultisig(2, KEYS, null);
		calls.assertSentAsRecorded();
		assertThat(multisig).isEqualTo(new MultisigAddress("2MzfoTSwMmbJvqjpxzpFthRhtocYPvqrtow", MULTISIG_SCRIPT,
				Descriptor.of("sh(multi(2," + String.join(",", KEYS) + "))#u2uyrpfn"), null));
	}

	@Test
	void createBech32Multisig() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createmultisig-bech32.json");
		MultisigAddress multisig = calls.createMultisig(2, KEYS, "bech32");
		calls.assertSentAsRecorded();
		assertThat(multisig.address()).isEqualTo("bcrt1qrm2t3ecgcca8y038smjtxd34jf02pwfjcdu3zpnpun6fpz65p4pqkzkv5d");
		assertThat(multisig.redeemScript()).isEqualTo(MULTISIG_SCRIPT);
		assertThat(multisig.descriptor().withoutChecksum()).isEqualTo("wsh(multi(2," + String.join(",", KEYS) + "))");
		assertThat(multisig.descriptor().text()).endsWith("#60fzfd8l");
	}

	@Test
	void createMultisigWithAKeyThatIsNotHexIsMinus5() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createmultisig-invalid-key.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.createMultisig(2, List.of(KEYS.get(0), "zz"), null))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Pubkey \"zz\" must be a hex string"));
		calls.assertSentAsRecorded();
		assertRefused(calls.createMultisigAsync(0, KEYS, null), IllegalArgumentException.class)
			.withMessage("required must be at least 1, was 0");
	}

	@Test
	void deriveAddressesOfARangeIncludesBothEnds() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-deriveaddresses.json");
		List<String> addresses = calls.deriveAddresses(RANGED, 0, 2);
		calls.assertSentAsRecorded();
		assertThat(addresses).containsExactly("bcrt1q4yw9rynr5m0lsqzzq8vee7y8arhe5z662sac7t",
				"bcrt1qy3kq94j32ppjypa2lwhp6w3tdr0qt9ptf4gvcp", "bcrt1q482llgxkzay35stzxpwqsqa44a73pfk9g9g474");
		assertRefused(calls.deriveAddressesAsync(RANGED, 3, 2), IllegalArgumentException.class)
			.withMessage("end must not be below begin, was 2 < 3");
	}

	@Test
	void deriveAddressOfASingleKeyDescriptor() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-deriveaddresses-single.json");
		List<String> addresses = calls.deriveAddresses(
				Descriptor.of("wpkh(029f1c86baade18756446147174de27f76fe3a63bd2b8eba8bde320a0cb4c0c550)#fnezmls9"));
		calls.assertSentAsRecorded();
		assertThat(addresses).containsExactly("bcrt1qwdmgj3jn6vhuxtclwwjpygrwazqwfylq8vgvwq");
	}

	@Test
	void deriveAddressesOfARangedDescriptorWithoutRangeIsMinus8() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-deriveaddresses-no-range.json");
		assertThatExceptionOfType(RpcInvalidParameterException.class).isThrownBy(() -> calls.deriveAddresses(RANGED))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Range must be specified for a ranged descriptor"));
		calls.assertSentAsRecorded();
	}

	@Test
	void descriptorInfoOfARangedDescriptor() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getdescriptorinfo.json");
		DescriptorInfo info = calls.getDescriptorInfo(RANGED);
		calls.assertSentAsRecorded();
		assertThat(info).isEqualTo(new DescriptorInfo(RANGED, "tupujr2h", true, true, false));
	}

	@Test
	void descriptorInfoOfAPrivateKeyDescriptorComesBackPublic() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getdescriptorinfo-private-key.json");
		DescriptorInfo info = calls
			.getDescriptorInfo(Descriptor.of("wpkh(cSvTnzNjQLUBYV5su9oBaLc2Jxzr79cKwEmdmrddHxZhnUkaVBw4)"));
		calls.assertSentAsRecorded();
		assertThat(info).isEqualTo(new DescriptorInfo(
				Descriptor.of("wpkh(029f1c86baade18756446147174de27f76fe3a63bd2b8eba8bde320a0cb4c0c550)#fnezmls9"),
				"heylq52c", false, true, true));
	}

	@Test
	void descriptorInfoOfAnInvalidKeyIsMinus5() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getdescriptorinfo-invalid.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.getDescriptorInfo(Descriptor.of("wpkh(xyz)")))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("wpkh(): key 'xyz' is not valid"));
		calls.assertSentAsRecorded();
	}

	@Test
	void indexInfoByName() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getindexinfo.json");
		Map<String, IndexInfo> indexes = calls.getIndexInfo();
		calls.assertSentAsRecorded();
		assertThat(indexes).containsOnlyKeys("txindex", "coinstatsindex", "txospenderindex", "basic block filter index")
			.allSatisfy((name, info) -> assertThat(info).isEqualTo(new IndexInfo(true, 121)));
	}

	@Test
	void indexInfoOfOneIndex() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getindexinfo-txindex.json");
		Map<String, IndexInfo> indexes = calls.getIndexInfo("txindex");
		calls.assertSentAsRecorded();
		assertThat(indexes).containsExactly(Map.entry("txindex", new IndexInfo(true, 121)));
	}

	@Test
	void signMessageOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-signmessagewithprivkey.json");
		String signature = calls.signMessageWithPrivKey("cSvTnzNjQLUBYV5su9oBaLc2Jxzr79cKwEmdmrddHxZhnUkaVBw4", MESSAGE);
		calls.assertSentAsRecorded();
		assertThat(signature).isEqualTo(CORE_SIGNATURE);
	}

	@Test
	void signMessageOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-signmessagewithprivkey.json");
		String signature = calls.signMessageWithPrivKey("Ftpj1TTV9arELY7M33oB6vc1UaxTmHLSZSN4g4H73jr9rzijszTT", MESSAGE);
		calls.assertSentAsRecorded();
		assertThat(signature).isEqualTo(BTCD_SIGNATURE);
	}

	@Test
	void signMessageWithAMalformedKeyOnBtcdIsMinus5() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-signmessagewithprivkey-invalid-key.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.signMessageWithPrivKey("notawif", MESSAGE))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Malformed private key"));
		calls.assertSentAsRecorded();
	}

	@Test
	void verifyMessageOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-verifymessage.json");
		assertThat(calls.verifyMessage("mr3U1A1T6kKbrvoLYrxR8F7aDS93rxnxnd", CORE_SIGNATURE, MESSAGE)).isTrue();
		calls.assertSentAsRecorded();
	}

	@Test
	void verifyAnotherMessageOnCoreIsFalse() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-verifymessage-false.json");
		assertThat(calls.verifyMessage("mr3U1A1T6kKbrvoLYrxR8F7aDS93rxnxnd", CORE_SIGNATURE, MESSAGE + "!")).isFalse();
		calls.assertSentAsRecorded();
	}

	@Test
	void verifyMalformedSignatureOnCoreIsATypeError() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-verifymessage-malformed.json");
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.verifyMessage("mr3U1A1T6kKbrvoLYrxR8F7aDS93rxnxnd", "not base64!", MESSAGE))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.TYPE_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("Malformed base64 encoding");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void verifyMessageOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-verifymessage.json");
		assertThat(calls.verifyMessage("SQSoyveCHGDSXcwk1EiJv2JN1MY19cCcsc", BTCD_SIGNATURE, MESSAGE)).isTrue();
		calls.assertSentAsRecorded();
	}

	@Test
	void verifyAnotherMessageOnBtcdIsFalse() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-verifymessage-false.json");
		assertThat(calls.verifyMessage("SQSoyveCHGDSXcwk1EiJv2JN1MY19cCcsc", BTCD_SIGNATURE, MESSAGE + "!")).isFalse();
		calls.assertSentAsRecorded();
	}

	@Test
	void verifyMalformedSignatureOnBtcdIsAParseError() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-verifymessage-malformed.json");
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.verifyMessage("SQSoyveCHGDSXcwk1EiJv2JN1MY19cCcsc", "not base64!", MESSAGE))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.PARSE_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("Malformed base64 encoding: illegal base64 data at input byte 3");
			});
		calls.assertSentAsRecorded();
	}

}
