package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInsufficientFundsException;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.bitcoinrpc.client.RpcWalletAlreadyLoadedException;
import org.bitcoinrpc.client.RpcWalletUnlockNeededException;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transcripts of typed methods that no other test replayed by name: each goes through its
 * typed call, which must send the recorded request (or, where the recording used a form the typed
 * call deliberately does not send, the form it does send) and decode the recorded reply into
 * concrete values or surface the recorded error as its named exception. The wallet transcripts'
 * {@code /wallet/<name>} path is the wallet client's concern (WalletCallsWireTests), not the
 * typed call's.
 */
class RecordedRepliesFixtureTests {

	private static final String BTCD_BLOCK_121 = "4d2af2dca5ffa4b59662a568f8b67020f959fde5ec991bdc6d7c78894b1bf61b";

	private static final String CORE_BLOCK_102 = "3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43";

	private static final String CORE_PAYEE = "bcrt1qautf05ywsvzpy5rxcx8d6wpqryxxg9xkyrnx48";

	// btcd

	@Test
	void btcdBlockWithDefaultVerbosity() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblock-default.json");
		Block block = calls.getBlock(BTCD_BLOCK_121);
		// Recorded as [hash] (btcd's default verbosity is 1); the typed call always names the
		// verbosity so both nodes answer the same shape whatever their default.
		calls.assertSent("[\"" + BTCD_BLOCK_121 + "\",1]");
		assertThat(block.hash()).isEqualTo(BTCD_BLOCK_121);
		assertThat(block.height()).isEqualTo(121);
		assertThat(block.confirmations()).isEqualTo(1);
		assertThat(block.strippedSize()).isEqualTo(415L);
		assertThat(block.size()).isEqualTo(415);
		assertThat(block.weight()).isEqualTo(1660L);
		assertThat(block.version()).isEqualTo(809500679L);
		assertThat(block.versionHex()).isEqualTo("30400007");
		assertThat(block.merkleRoot()).isEqualTo("9eb4742866e47c816a13df876d18f13287e40aaa7247868addb227af13e7b1d0");
		assertThat(block.txIds()).containsExactly("a7b6199a333ece6469b665225dafd541d59256e12ca1df819d0bc370a7d4bec1",
				"cb3b8af536173b590eb6379fda1aff72097820b7ae771ef78b3752eb9ea32211");
		assertThat(block.time()).isEqualTo(1795621996L);
		assertThat(block.nonce()).isEqualTo(5);
		assertThat(block.bits()).isEqualTo("207fffff");
		assertThat(block.difficulty()).isEqualByComparingTo("1");
		assertThat(block.previousBlockHash())
			.isEqualTo("151e9b9ff43e86d9797872b1bd19cd8d3aa69c2ee95103013410581ea96f804a");
		// btcd leaves out what Core adds, and the tip has no successor.
		assertThat(block.medianTime()).isNull();
		assertThat(block.chainWork()).isNull();
		assertThat(block.txCount()).isNull();
		assertThat(block.target()).isNull();
		assertThat(block.nextBlockHash()).isNull();
	}

	@Test
	void btcdRefusalOfABooleanVerbositySurfacesAsInvalidParams() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblock-verbose-true.json");
		assertThatThrownBy(() -> calls.getBlock(BTCD_BLOCK_121)).isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-32602));
		// Recorded as [hash, true], which btcd refuses: that refusal is why the typed call sends the
		// integer 1 instead.
		calls.assertSent("[\"" + BTCD_BLOCK_121 + "\",1]");
	}

	@Test
	void btcdRefusalOfTheLegacyThreeParamFormSurfacesAsInvalidParams() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblock-verbosetx-3params.json");
		assertThatThrownBy(() -> calls.getBlockWithTransactions(BTCD_BLOCK_121))
			.isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-32602));
		// Recorded as the legacy [hash, verbose, verbosetx], which btcd 0.24 refuses: the typed call
		// asks for decoded transactions with verbosity 2.
		calls.assertSent("[\"" + BTCD_BLOCK_121 + "\",2]");
	}

	@Test
	void btcdRefusalOfABooleanVerboseRawTransactionSurfacesAsInvalidParams() {
		String txid = "7cb43dc3727b4efddff1e67280d65828fbbdea8f5d0b2945f4515abcd23f4c99";
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getrawtransaction-verbose-bool.json");
		assertThatThrownBy(() -> calls.getRawTransaction(txid)).isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-32602));
		// Recorded as [txid, true], which btcd refuses: the typed call sends the integer 1.
		calls.assertSent("[\"" + txid + "\",1]");
	}

	@Test
	void btcdPing() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-ping.json");
		calls.ping();
		calls.assertSentAsRecorded();
	}

	@Test
	void btcdBlockCountRecordedWithoutParams() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblockcount-no-params.json");
		assertThat(calls.getBlockCount()).isEqualTo(121);
		// Recorded without a params member (btcd reads it as []); the client always sends an array.
		calls.assertSent("[]");
	}

	@Test
	void btcdBlockCountWithoutTls() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-notls-getblockcount.json");
		assertThat(calls.getBlockCount()).isZero();
		calls.assertSentAsRecorded();
	}

	@Test
	void btcdHeaderBelowTheTip() {
		String hash = "2c7a7190714c9e501801202d6cee1345c59e5cc2d3b3a2e99aa227e6fb841d60";
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblockheader-verbose-true-not-tip.json");
		BlockHeader header = calls.getBlockHeader(hash);
		calls.assertSentAsRecorded();
		assertThat(header.hash()).isEqualTo(hash);
		assertThat(header.height()).isEqualTo(60);
		assertThat(header.confirmations()).isEqualTo(62);
		assertThat(header.version()).isEqualTo(536870912L);
		assertThat(header.versionHex()).isEqualTo("20000000");
		assertThat(header.merkleRoot()).isEqualTo("395ac15d716121a7a1819e9f2ecced59ff4c2be77d177943ab792fe885ae412e");
		assertThat(header.time()).isEqualTo(1795621986L);
		assertThat(header.nonce()).isEqualTo(1);
		assertThat(header.difficulty()).isEqualByComparingTo("1");
		assertThat(header.previousBlockHash())
			.isEqualTo("7f85e75698ed7759c871ab9b7bbcea61726cac225be4a4ef2613a07f4091a5fd");
		assertThat(header.nextBlockHash()).isEqualTo("1a365bb2922b6403c6330b7eca5f8f3bd0c2d895850b95b2e5e742e92a6afff0");
		assertThat(header.medianTime()).isNull();
		assertThat(header.chainWork()).isNull();
		assertThat(header.txCount()).isNull();
	}

	@Test
	void btcdUnknownBlock() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblock-notfound.json");
		assertThatThrownBy(() -> calls.getBlock("0".repeat(64)))
			.isExactlyInstanceOf(RpcInvalidAddressOrKeyException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-5))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage()).isEqualTo("Block not found"));
		// Recorded as [hash] (default verbosity); the typed call names verbosity 1.
		calls.assertSent("[\"" + "0".repeat(64) + "\",1]");
	}

	@Test
	void btcdRefusalOfAFalseVerbositySurfacesAsInvalidParams() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblock-verbose-false.json");
		assertThatThrownBy(() -> calls.getBlockHex(BTCD_BLOCK_121)).isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-32602));
		// Recorded as [hash, false], which btcd refuses: that refusal is why the typed call sends 0.
		calls.assertSent("[\"" + BTCD_BLOCK_121 + "\",0]");
	}

	@Test
	void btcdBlockCountOverJsonRpc20() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblockcount-jsonrpc2.json");
		// btcd sends "error":null beside the result even in 2.0: still a result.
		assertThat(calls.getBlockCount()).isEqualTo(121);
		calls.assertSentAsRecorded();
	}

	// Core: chain, mempool, raw transactions

	@Test
	void coreBlockRecordedWithABooleanVerbosity() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblock-verbose-true.json");
		Block block = calls.getBlock(CORE_BLOCK_102);
		// Recorded as [hash, true], which Core still reads as verbosity 1 but btcd refuses: the typed
		// call sends the integer both accept.
		calls.assertSent("[\"" + CORE_BLOCK_102 + "\",1]");
		assertThat(block.hash()).isEqualTo(CORE_BLOCK_102);
		assertThat(block.height()).isEqualTo(102);
		assertThat(block.confirmations()).isEqualTo(1);
		assertThat(block.version()).isEqualTo(536870912L);
		assertThat(block.medianTime()).isEqualTo(1795622259L);
		assertThat(block.target()).isEqualTo("7fffff0000000000000000000000000000000000000000000000000000000000");
		assertThat(block.difficulty()).isEqualTo(new BigDecimal("4.656542373906925E-10"));
		assertThat(block.chainWork()).isEqualTo("00000000000000000000000000000000000000000000000000000000000000ce");
		assertThat(block.txCount()).isEqualTo(2);
		assertThat(block.strippedSize()).isEqualTo(326L);
		assertThat(block.size()).isEqualTo(471);
		assertThat(block.weight()).isEqualTo(1449L);
		assertThat(block.txIds()).containsExactly("ebfa5da47d7e6b9e98076cb2c1952108c784ff4987c70beb53732f3f834635bf",
				"b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa");
		assertThat(block.previousBlockHash())
			.isEqualTo("24197c43eccb414640ee2c319096f0efa071efe2ba46d20db62ef932a7a25dd4");
		assertThat(block.nextBlockHash()).isNull();
	}

	@Test
	void coreHeaderBelowTheTip() {
		String hash = "4cccb88a8a0b7c991286e5ccc88f32886eb4f2c4d617a866b70ae6da027202ca";
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockheader-not-tip.json");
		BlockHeader header = calls.getBlockHeader(hash);
		// Recorded as [hash] (Core's default is verbose=true); the typed call names it so that the
		// reply is the decoded header on both nodes.
		calls.assertSent("[\"" + hash + "\",true]");
		assertThat(header.hash()).isEqualTo(hash);
		assertThat(header.height()).isEqualTo(50);
		assertThat(header.confirmations()).isEqualTo(53);
		assertThat(header.merkleRoot()).isEqualTo("ab537a64fb2ec5a2f45eb6180f45777fedf6eec4c9fa2f1a4428546578c08c57");
		assertThat(header.time()).isEqualTo(1795622251L);
		assertThat(header.medianTime()).isEqualTo(1795622250L);
		assertThat(header.nonce()).isZero();
		assertThat(header.bits()).isEqualTo("207fffff");
		assertThat(header.difficulty()).isEqualTo(new BigDecimal("4.656542373906925E-10"));
		assertThat(header.chainWork()).isEqualTo("0000000000000000000000000000000000000000000000000000000000000066");
		assertThat(header.txCount()).isEqualTo(1);
		assertThat(header.previousBlockHash())
			.isEqualTo("335ca32e84b7edfcd7760d3fc02a05c42d822129b26e6c7feb269f058d983f5e");
		assertThat(header.nextBlockHash()).isEqualTo("5a9a6a3a696010b3a83499f80c2aaf7ff582d31fef69f9e03d84165f1a6878e6");
	}

	@Test
	void coreBlockHash() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockhash.json");
		assertThat(calls.getBlockHash(102)).isEqualTo(CORE_BLOCK_102);
		calls.assertSentAsRecorded();
	}

	@Test
	void coreBlockHashAboveTheTipIsAnInvalidParameter() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockhash-out-of-range-v2.json");
		assertThatThrownBy(() -> calls.getBlockHash(100000)).isExactlyInstanceOf(RpcInvalidParameterException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-8))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage()).isEqualTo("Block height out of range"));
		calls.assertSentAsRecorded();
	}

	@Test
	void coreBlockCountRecordedWithoutParams() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockcount-no-params.json");
		assertThat(calls.getBlockCount()).isEqualTo(102);
		// Recorded without a params member (Core reads it as []); the client always sends an array.
		calls.assertSent("[]");
	}

	@Test
	void coreBlockCountWithUserAndPassword() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-userpass-getblockcount.json");
		assertThat(calls.getBlockCount()).isZero();
		calls.assertSentAsRecorded();
	}

	@Test
	void corePing() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-ping.json");
		calls.ping();
		calls.assertSentAsRecorded();
	}

	@Test
	void coreMempoolEntryOfAnUnknownTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmempoolentry-not-in-mempool.json");
		assertThatThrownBy(() -> calls.getMempoolEntry("6".repeat(64)))
			.isExactlyInstanceOf(RpcInvalidAddressOrKeyException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-5))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage()).isEqualTo("Transaction not in mempool"));
		calls.assertSentAsRecorded();
	}

	@Test
	void coreBlockCountWithoutAJsonRpcMember() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockcount-no-jsonrpc-field.json");
		assertThat(calls.getBlockCount()).isEqualTo(102);
		calls.assertSentAsRecorded();
	}

	@Test
	void coreConnectionCount() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getconnectioncount.json");
		assertThat(calls.getConnectionCount()).isZero();
		calls.assertSentAsRecorded();
	}

	@Test
	void coreNetTotals() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getnettotals.json");
		// Core's uploadtarget object has no member in NetTotals (btcd does not send it).
		assertThat(calls.getNetTotals()).isEqualTo(new NetTotals(0, 0, 1796411251015L));
		calls.assertSentAsRecorded();
	}

	@Test
	void coreUnspentTxOut() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxout.json");
		assertThat(calls.getTxOut("941a7cb5cc199f6a0453df6b4c04cae7873ab042221f27d22bbee81ce6f653ed", 0))
			.hasValueSatisfying((out) -> {
				assertThat(out.bestBlock()).isEqualTo("3222ae972a79a67f881a76214098a94f57f1739665a95a49dbaff510632d19a0");
				assertThat(out.confirmations()).isEqualTo(7);
				assertThat(out.value()).isEqualByComparingTo("0.5");
				assertThat(out.coinbase()).isFalse();
				assertThat(out.scriptPubKey()).isEqualTo(new ScriptPubKey("0 246c02d65150432207aafbae1d3a2b68de05942b",
						"0014246c02d65150432207aafbae1d3a2b68de05942b",
						"addr(bcrt1qy3kq94j32ppjypa2lwhp6w3tdr0qt9ptf4gvcp)#9cx0ctzh", "witness_v0_keyhash",
						"bcrt1qy3kq94j32ppjypa2lwhp6w3tdr0qt9ptf4gvcp", null, null));
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void coreSpentTxOutIsEmpty() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxout-spent.json");
		assertThat(calls.getTxOut("53a385852ce351d8af7f18cb7dcc96183c233832299ded5e8e5f112602ca5603", 1)).isEmpty();
		calls.assertSentAsRecorded();
	}

	@Test
	void coreDecodeASegwitSpendWithAnOpReturn() {
		String hex = Fixtures.fixture("core/http-decoderawtransaction.json").get("request").get("params").get(0)
			.asString();
		FixtureCalls calls = FixtureCalls.replaying("core/http-decoderawtransaction.json");
		RawTransaction tx = calls.decodeRawTransaction(hex);
		calls.assertSentAsRecorded();
		assertThat(tx.txid()).isEqualTo("53a385852ce351d8af7f18cb7dcc96183c233832299ded5e8e5f112602ca5603");
		assertThat(tx.hash()).isEqualTo("c4762b442bc41742807718c7cbb199879afde0050fa5d7f3e80bf47781a06f0f");
		assertThat(tx.version()).isEqualTo(2);
		assertThat(tx.size()).isEqualTo(241L);
		assertThat(tx.vsize()).isEqualTo(160L);
		assertThat(tx.weight()).isEqualTo(637L);
		assertThat(tx.lockTime()).isZero();
		assertThat(tx.vin()).singleElement().satisfies((in) -> {
			assertThat(in.txid()).isEqualTo("5899a198ba7d9b0e9399ee78e605173a80f231750c105292fe98143e2a38f30b");
			assertThat(in.vout()).isZero();
			assertThat(in.scriptSig().hex()).isEmpty();
			assertThat(in.witness()).containsExactly(
					"304402207f47feba58e99fd6f6f0dbc3f6b38e095627fa89d688779dda8b446865919cb30220679cd741f4f68d8591429cc58e3b996d5b8ad7b563ce8234655d390e56a5a02801",
					"020bf44b8849d61cf3965e0093b6ed9f561737bf0f11fbd5711acd485272a3b96e");
			assertThat(in.sequence()).isEqualTo(4294967293L);
		});
		assertThat(tx.vout()).hasSize(3);
		assertThat(tx.vout().get(0).value()).isEqualByComparingTo("10.0");
		assertThat(tx.vout().get(0).scriptPubKey().address()).isEqualTo(CORE_PAYEE);
		assertThat(tx.vout().get(1).value()).isEqualByComparingTo("39.999998");
		// The OP_RETURN output: a zero value and no address.
		assertThat(tx.vout().get(2).n()).isEqualTo(2);
		assertThat(tx.vout().get(2).value()).isEqualByComparingTo("0");
		assertThat(tx.vout().get(2).scriptPubKey().type()).isEqualTo("nulldata");
		assertThat(tx.vout().get(2).scriptPubKey().asm()).isEqualTo("OP_RETURN 6669787475726573");
		assertThat(tx.vout().get(2).scriptPubKey().address()).isNull();
		// Decoded without a lookup: no fee, hex or block.
		assertThat(tx.fee()).isNull();
		assertThat(tx.hex()).isNull();
		assertThat(tx.blockHash()).isNull();
	}

	@Test
	void coreDecodeOfBytesThatAreNoTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-decoderawtransaction-bad-hex.json");
		// Recorded with "zz", which the typed call does not send (it is not hex); "00" is hex but no
		// transaction, and Core gives it the same -22 "TX decode failed".
		assertThatThrownBy(() -> calls.decodeRawTransaction("00")).isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-22))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage()).isEqualTo("TX decode failed"));
		calls.assertSent("[\"00\"]");
	}

	// Core: wallet

	@Test
	void coreBalancesOfAWatchOnlyWallet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getbalances-watchonly.json");
		WalletBalances balances = calls.getBalances();
		calls.assertSentAsRecorded();
		assertThat(balances.mine().trusted()).isEqualByComparingTo("2.0");
		assertThat(balances.mine().untrustedPending()).isEqualByComparingTo("0");
		assertThat(balances.mine().immature()).isEqualByComparingTo("0");
		assertThat(balances.mine().used()).isNull();
		// Descriptor wallets keep watch-only funds under "mine": there is no watchonly section.
		assertThat(balances.watchOnly()).isNull();
		assertThat(balances.lastProcessedBlock()).isEqualTo(
				new BlockRef("2e8484ad68c84bed89aa3c2d37f3e3f90704b51a49fff08fe2bd6d7168051f92", 114));
	}

	@Test
	void coreInfoOfAnUnlockedWallet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getwalletinfo-unlocked.json");
		WalletInfo info = calls.getWalletInfo();
		calls.assertSentAsRecorded();
		assertThat(info.walletName()).isEqualTo("carol");
		assertThat(info.walletVersion()).isEqualTo(169900);
		assertThat(info.format()).isEqualTo("sqlite");
		assertThat(info.txCount()).isEqualTo(1);
		assertThat(info.keypoolSize()).isEqualTo(4000);
		assertThat(info.keypoolSizeHdInternal()).isEqualTo(4000L);
		assertThat(info.unlockedUntil()).isEqualTo(1796411327L);
		assertThat(info.privateKeysEnabled()).isTrue();
		assertThat(info.avoidReuse()).isFalse();
		assertThat(info.descriptors()).isTrue();
		assertThat(info.externalSigner()).isFalse();
		assertThat(info.blank()).isFalse();
		assertThat(info.birthTime()).isEqualTo(1796411266L);
		assertThat(info.flags()).containsExactly("last_hardened_xpub_cached", "descriptor_wallet");
		assertThat(info.lastProcessedBlock()).isEqualTo(
				new BlockRef("13cecf28f80e7eda7c930eacddd474ad52f6f311f4a06a306fa6b52825367bce", 118));
	}

	@Test
	void coreNewLegacyAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getnewaddress-legacy.json");
		assertThat(calls.getNewAddress("alice-legacy", "legacy")).isEqualTo("n2PsZq9MP8cFeBBTZPyferZZqF76ZLcaXE");
		calls.assertSentAsRecorded();
	}

	@Test
	void coreNewP2shSegwitAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getnewaddress-p2sh-segwit.json");
		assertThat(calls.getNewAddress("", "p2sh-segwit")).isEqualTo("2NAcBYZwq3FqqcxXxPRn43XgwAQcn3UgfF7");
		calls.assertSentAsRecorded();
	}

	@Test
	void coreNewTaprootAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getnewaddress-bech32m.json");
		assertThat(calls.getNewAddress("bob-2", "bech32m"))
			.isEqualTo("bcrt1p4s4h24g5l0kqdd4264a2l2al5q5q86xk677lusat5z6s5wfwmnfsg84xzq");
		calls.assertSentAsRecorded();
	}

	@Test
	void coreTransactionReminedAfterAReorg() {
		String txid = "29a5f92b96c2cf50b2d3555b3390700684531c673b8585c9e41cd6b2ea60dbc0";
		String newBlock = "2358ba53b85f09736adda6fde73a1d4c3f0a905e3fac448e39de87f34245e596";
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettransaction-after-reorg.json");
		WalletTransaction tx = calls.getTransaction(txid);
		calls.assertSentAsRecorded();
		assertThat(tx.txid()).isEqualTo(txid);
		assertThat(tx.wtxid()).isEqualTo("04be70123b1d3defbe72b87b586d6381960e6ab0012636752f62e621c4c96e6a");
		assertThat(tx.amount()).isEqualByComparingTo("-0.42");
		assertThat(tx.fee()).isEqualByComparingTo("-0.0000331");
		assertThat(tx.confirmations()).isEqualTo(1);
		assertThat(tx.blockHash()).isEqualTo(newBlock);
		assertThat(tx.blockHeight()).isEqualTo(123L);
		assertThat(tx.blockIndex()).isEqualTo(1);
		assertThat(tx.blockTime()).isEqualTo(1796411333L);
		assertThat(tx.walletConflicts()).isEmpty();
		assertThat(tx.mempoolConflicts()).isEmpty();
		assertThat(tx.replacedByTxid()).isNull();
		assertThat(tx.replacesTxid()).isNull();
		assertThat(tx.generated()).isNull();
		assertThat(tx.trusted()).isNull();
		assertThat(tx.time()).isEqualTo(1796411327L);
		assertThat(tx.timeReceived()).isEqualTo(1796411327L);
		assertThat(tx.bip125Replaceable()).isEqualTo("no");
		assertThat(tx.details()).hasSize(1);
		WalletTransactionDetail detail = tx.details().get(0);
		assertThat(detail.address()).isEqualTo("bcrt1p4s4h24g5l0kqdd4264a2l2al5q5q86xk677lusat5z6s5wfwmnfsg84xzq");
		assertThat(detail.category()).isEqualTo("send");
		assertThat(detail.amount()).isEqualByComparingTo("-0.42");
		assertThat(detail.vout()).isZero();
		assertThat(detail.fee()).isEqualByComparingTo("-0.0000331");
		assertThat(detail.abandoned()).isFalse();
		assertThat(detail.label()).isNull();
		assertThat(tx.hex()).startsWith("02000000000101a7a6b850").endsWith("7a000000");
		assertThat(tx.lastProcessedBlock()).isEqualTo(new BlockRef(newBlock, 123));
	}

	@Test
	void coreUnknownWalletTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettransaction-unknown.json");
		assertThatThrownBy(() -> calls.getTransaction("3".repeat(64)))
			.isExactlyInstanceOf(RpcInvalidAddressOrKeyException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-5))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage())
				.isEqualTo("Invalid or non-wallet transaction id"));
		calls.assertSentAsRecorded();
	}

	@Test
	void coreLoadWallet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-loadwallet.json");
		LoadedWallet loaded = calls.loadWallet("alice-restored");
		calls.assertSentAsRecorded();
		// No warnings member when there are none.
		assertThat(loaded).isEqualTo(new LoadedWallet("alice-restored", null));
	}

	@Test
	void coreLoadWalletThatIsLoaded() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-loadwallet-already-loaded.json");
		assertThatThrownBy(() -> calls.loadWallet("alice-restored"))
			.isExactlyInstanceOf(RpcWalletAlreadyLoadedException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-35))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage())
				.isEqualTo("Wallet \"alice-restored\" is already loaded."));
		calls.assertSentAsRecorded();
	}

	@Test
	void coreSendMoreThanTheWalletHolds() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendtoaddress-insufficient-funds.json");
		assertThatThrownBy(() -> calls.sendToAddress(CORE_PAYEE, new BigDecimal("100000.00000000")))
			.isExactlyInstanceOf(RpcInsufficientFundsException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-6))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage()).isEqualTo("Insufficient funds"));
		calls.assertSentAsRecorded();
	}

	@Test
	void coreSendFromALockedWallet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendtoaddress-wallet-locked.json");
		assertThatThrownBy(() -> calls.sendToAddress(CORE_PAYEE, new BigDecimal("0.10000000")))
			.isExactlyInstanceOf(RpcWalletUnlockNeededException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-13))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage())
				.isEqualTo("Error: Please enter the wallet passphrase with walletpassphrase first."));
		calls.assertSentAsRecorded();
	}

	@Test
	void coreBumpFeeOfAConfirmedTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-bumpfee-confirmed.json");
		assertThatThrownBy(() -> calls.bumpFee("480708595448bcaf78253422a162ac5e1cbf5383b840d882b3ea563097e414e4"))
			.isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(-1))
			// Core 31 names the transaction's own input, not "Transaction has been mined".
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage()).isEqualTo(
					"b234aaadc84192740b548bddd3a754599a4dd1bfb9aa36a6158ff6e182a916f8:0 is already spent"));
		calls.assertSentAsRecorded();
	}

}
