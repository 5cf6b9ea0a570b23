package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Core's wallet calls against the Core transcripts (and btcd's refusal). */
class WalletCallsFixtureTests {

	private static final String ORIGINAL = "b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e";

	private static final String REPLACEMENT = "b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa";

	private static final String PAYEE = "bcrt1qjalcu8z3yajklsm5fcjjn9ekxmp5prla4u3h4d";

	private static final String PARENT_DESC = "wpkh([900247a8/84h/1h/0h]tpubDCRm1QgGWATcdtVSWiQdRFhHdgnHsvkovCfu9X7VmMjc7xgAfQsQfyKwPcEmJUbdt8yanDmWVEMEYH55rK3Tjhtgb11fAwogcUKNLTUbFL7/0/*)#0fwg0tkc";

	@Test
	void createWallet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createwallet.json");
		assertThat(calls.createWallet("w1")).isEqualTo(new LoadedWallet("w1", null));
		calls.assertSentAsRecorded();
	}

	@Test
	void createExistingWalletFails() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createwallet-exists.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.createWallet("w1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-4));
		calls.assertSentAsRecorded();
	}

	@Test
	void loadWalletSendsTheName() {
		// No transcript recorded loadwallet; createwallet's reply has the same shape.
		FixtureCalls calls = FixtureCalls.replaying("core/http-createwallet.json");
		assertThat(calls.loadWallet("w1").name()).isEqualTo("w1");
		assertThat(calls.sentRequest().get("method").asString()).isEqualTo("loadwallet");
		assertThat(calls.sentRequest().get("params")).hasSize(1);
		assertThat(calls.sentRequest().get("params").get(0).asString()).isEqualTo("w1");
	}

	@Test
	void listWallets() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listwallets.json");
		assertThat(calls.listWallets()).containsExactly("w1", "w2");
		calls.assertSentAsRecorded();
	}

	@Test
	void walletInfo() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getwalletinfo.json");
		WalletInfo info = calls.getWalletInfo();
		calls.assertSentAsRecorded();
		assertThat(info.walletName()).isEqualTo("w1");
		assertThat(info.walletVersion()).isEqualTo(169900L);
		assertThat(info.format()).isEqualTo("sqlite");
		assertThat(info.txCount()).isZero();
		assertThat(info.keypoolSize()).isEqualTo(4000L);
		assertThat(info.keypoolSizeHdInternal()).isEqualTo(4000L);
		assertThat(info.unlockedUntil()).isNull();
		assertThat(info.privateKeysEnabled()).isTrue();
		assertThat(info.avoidReuse()).isFalse();
		assertThat(info.scanning()).isEqualTo(new WalletScan(false, null, null));
		assertThat(info.descriptors()).isTrue();
		assertThat(info.externalSigner()).isFalse();
		assertThat(info.blank()).isFalse();
		assertThat(info.birthTime()).isEqualTo(1795622239L);
		assertThat(info.flags()).containsExactly("last_hardened_xpub_cached", "descriptor_wallet");
		assertThat(info.lastProcessedBlock())
			.isEqualTo(new BlockRef("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206", 0));
	}

	@Test
	void walletScanWhileRescanning() {
		// Core's other shape of "scanning", which the transcripts (no rescan running) do not show.
		String body = "{\"result\":{\"walletname\":\"w1\",\"walletversion\":169900,\"txcount\":0,\"keypoolsize\":1,"
				+ "\"private_keys_enabled\":true,\"scanning\":{\"duration\":12,\"progress\":0.25}},\"error\":null,\"id\":1}";
		JsonRpcCodec codec = new JsonRpcCodec();
		InboundMessage.Response response = (InboundMessage.Response) codec
			.decode(JsonText.of(body.getBytes(StandardCharsets.UTF_8)));
		WalletInfo info = response.result().decode(codec.mapper(), codec.mapper().readerFor(WalletInfo.class));
		assertThat(info.scanning()).isEqualTo(new WalletScan(true, 12L, new BigDecimal("0.25")));
	}

	@Test
	void balanceKeepsCoresEightDecimals() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getbalance.json");
		assertThat(calls.getBalance()).isEqualTo(new BigDecimal("50.00000000"));
		calls.assertSentAsRecorded();

		FixtureCalls root = FixtureCalls.replaying("core/http-wallet-rpc-on-root-single-wallet.json");
		assertThat(root.getBalance()).isEqualTo(new BigDecimal("99.99996474"));
		root.assertSentAsRecorded();
	}

	@Test
	void balanceErrorsWithoutTheRightWallet() {
		record Case(String fixture, int code) {
		}
		for (Case c : List.of(new Case("core/http-wallet-not-found-v1.json", -18),
				new Case("core/http-wallet-not-found-v2.json", -18),
				new Case("core/http-no-wallet-loaded.json", -18),
				new Case("core/http-wallet-rpc-on-root-multiwallet.json", -19),
				new Case("core/http-wallet-rpc-on-root-multiwallet-v1.json", -19),
				new Case("btcd/http-getbalance-wallet-cmd.json", -1))) {
			FixtureCalls calls = FixtureCalls.replaying(c.fixture());
			assertThatExceptionOfType(RpcErrorException.class).isThrownBy(calls::getBalance)
				.satisfies((ex) -> assertThat(ex.code()).as(c.fixture()).isEqualTo(c.code()));
			calls.assertSentAsRecorded();
		}
	}

	@Test
	void balances() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getbalances.json");
		WalletBalances balances = calls.getBalances();
		calls.assertSentAsRecorded();
		assertThat(balances.mine()).isEqualTo(new Balances(new BigDecimal("50.00000000"), new BigDecimal("0.00000000"),
				new BigDecimal("5000.00000000"), null));
		assertThat(balances.watchOnly()).isNull();
		assertThat(balances.lastProcessedBlock())
			.isEqualTo(new BlockRef("24197c43eccb414640ee2c319096f0efa071efe2ba46d20db62ef932a7a25dd4", 101));
	}

	@Test
	void newAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getnewaddress.json");
		assertThat(calls.getNewAddress(null)).isEqualTo("bcrt1qsr5fdlsm3uras00sj0qzmnterv5p2hlvsdk8vj");
		calls.assertSentAsRecorded();

		FixtureCalls labelled = FixtureCalls.replaying("core/http-getnewaddress.json");
		labelled.getNewAddress("savings");
		labelled.assertSent("[\"savings\"]");
	}

	@Test
	void listUnspent() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listunspent.json");
		List<Unspent> unspent = calls.listUnspent();
		calls.assertSentAsRecorded();
		assertThat(unspent).singleElement().satisfies((utxo) -> {
			assertThat(utxo.txid()).isEqualTo("cfd22ce4c30c3c0aa3eccd604672e2f45782735f73d80c38fc504ad746a27ddc");
			assertThat(utxo.vout()).isZero();
			assertThat(utxo.address()).isEqualTo("bcrt1qsr5fdlsm3uras00sj0qzmnterv5p2hlvsdk8vj");
			assertThat(utxo.label()).isEmpty();
			assertThat(utxo.scriptPubKey()).isEqualTo("001480e896fe1b8f07d83df093c02dcd791b28155fec");
			assertThat(utxo.amount()).isEqualTo(new BigDecimal("50.00000000"));
			assertThat(utxo.confirmations()).isEqualTo(101L);
			assertThat(utxo.spendable()).isTrue();
			assertThat(utxo.solvable()).isTrue();
			assertThat(utxo.safe()).isTrue();
			assertThat(utxo.desc()).startsWith("wpkh([900247a8/84h/1h/0h/0/0]0280b1e3").endsWith("#mvunftuc");
			assertThat(utxo.parentDescs()).containsExactly(PARENT_DESC);
			assertThat(utxo.ancestorCount()).isNull();
			assertThat(utxo.redeemScript()).isNull();
			assertThat(utxo.reused()).isNull();
		});
	}

	@Test
	void unconfirmedTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettransaction-unconfirmed.json");
		WalletTransaction tx = calls.getTransaction(ORIGINAL);
		calls.assertSentAsRecorded();
		assertThat(tx.amount()).isEqualTo(new BigDecimal("0.00000000"));
		assertThat(tx.fee()).isEqualTo(new BigDecimal("-0.00002820"));
		assertThat(tx.confirmations()).isZero();
		assertThat(tx.trusted()).isTrue();
		assertThat(tx.blockHash()).isNull();
		assertThat(tx.blockHeight()).isNull();
		assertThat(tx.blockIndex()).isNull();
		assertThat(tx.blockTime()).isNull();
		assertThat(tx.txid()).isEqualTo(ORIGINAL);
		assertThat(tx.wtxid()).isEqualTo("fba8f90032068f84163ee2e68a66f396d9e9ba4d264ee415f732094efad83bcd");
		assertThat(tx.walletConflicts()).isEmpty();
		assertThat(tx.mempoolConflicts()).isEmpty();
		assertThat(tx.replacedByTxid()).isNull();
		assertThat(tx.replacesTxid()).isNull();
		assertThat(tx.time()).isEqualTo(1795622272L);
		assertThat(tx.timeReceived()).isEqualTo(1795622272L);
		assertThat(tx.bip125Replaceable()).isEqualTo("yes");
		assertThat(tx.details()).containsExactly(
				new WalletTransactionDetail(PAYEE, "send", new BigDecimal("-1.50000000"), "", 0,
						new BigDecimal("-0.00002820"), false, null),
				new WalletTransactionDetail(PAYEE, "receive", new BigDecimal("1.50000000"), "", 0, null, false,
						List.of(PARENT_DESC)));
		assertThat(tx.hex()).startsWith("02000000000101dc7da246");
		assertThat(tx.lastProcessedBlock())
			.isEqualTo(new BlockRef("24197c43eccb414640ee2c319096f0efa071efe2ba46d20db62ef932a7a25dd4", 101));
	}

	@Test
	void replacedTransactionHasNegativeConfirmations() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettransaction-replaced.json");
		WalletTransaction tx = calls.getTransaction(ORIGINAL);
		calls.assertSentAsRecorded();
		assertThat(tx.confirmations()).isEqualTo(-1L);
		assertThat(tx.trusted()).isFalse();
		assertThat(tx.replacedByTxid()).isEqualTo(REPLACEMENT);
		assertThat(tx.walletConflicts()).containsExactly(REPLACEMENT);
		assertThat(tx.fee()).isEqualByComparingTo("-0.0000282");
		assertThat(tx.details()).singleElement().satisfies((detail) -> {
			assertThat(detail.category()).isEqualTo("send");
			assertThat(detail.amount()).isEqualTo(new BigDecimal("-1.50000000"));
			assertThat(detail.abandoned()).isFalse();
		});
		assertThat(tx.blockHash()).isNull();
	}

	@Test
	void confirmedReplacement() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettransaction-confirmed.json");
		WalletTransaction tx = calls.getTransaction(REPLACEMENT);
		calls.assertSentAsRecorded();
		assertThat(tx.confirmations()).isEqualTo(1L);
		assertThat(tx.fee()).isEqualTo(new BigDecimal("-0.00003526"));
		assertThat(tx.trusted()).isNull();
		assertThat(tx.blockHash()).isEqualTo("3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43");
		assertThat(tx.blockHeight()).isEqualTo(102L);
		assertThat(tx.blockIndex()).isEqualTo(1);
		assertThat(tx.blockTime()).isEqualTo(1795622297L);
		assertThat(tx.replacesTxid()).isEqualTo(ORIGINAL);
		assertThat(tx.replacedByTxid()).isNull();
		assertThat(tx.walletConflicts()).containsExactly(ORIGINAL);
		assertThat(tx.bip125Replaceable()).isEqualTo("no");
		assertThat(tx.details()).extracting(WalletTransactionDetail::vout).containsExactly(1, 1);
		assertThat(tx.lastProcessedBlock().height()).isEqualTo(102L);
	}

	@Test
	void sendToAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendtoaddress.json");
		assertThat(calls.sendToAddress(PAYEE, new BigDecimal("1.5"))).isEqualTo(ORIGINAL);
		calls.assertSentAsRecorded();
	}

	@Test
	void bumpFee() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-bumpfee.json");
		BumpFeeResult result = calls.bumpFee(ORIGINAL);
		calls.assertSentAsRecorded();
		assertThat(result).isEqualTo(new BumpFeeResult(REPLACEMENT, new BigDecimal("0.00002820"),
				new BigDecimal("0.00003526"), List.of()));
	}

}
