package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import org.bitcoinrpc.client.ListSinceBlockOptions;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Core's {@code listtransactions} and {@code listsinceblock} against the Core 31 transcripts: which
 * optional members each kind of entry carries (fixtures README, surprises 17 and 23).
 */
class WalletTransactionListFixtureTests {

	private static final String TIP = "38b89dc0364e78dbcacad29a4480bd8483466b9fc444e907d6ef3f3fc4669717";

	private static final String PAY_BOB = "480708595448bcaf78253422a162ac5e1cbf5383b840d882b3ea563097e414e4";

	private static final String BOB_TO_ALICE = "107f5579d8018a586863cfb58a5f0ded97cd1d34e5fa9c9655051af850014243";

	private static final String ALICE_MINING = "wpkh([95a770fd/84h/1h/0h]tpubDDVci4TwN6UxBEtL762VY5ZrtJ2Eh2P7RJzqAPB1BH4QymyGS5hz2WkcJqKe5sMt3iaY4iTkczKvcQ9BVVQzNSMN4G11MBDtfJMtHPGHXN1/0/*)#tupujr2h";

	@Test
	void listTransactionsDecodesEveryKindOfEntry() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listtransactions.json");
		List<WalletTransactionEntry> entries = calls.listTransactions(8);
		calls.assertSentAsRecorded();
		assertThat(entries).hasSize(8);
		assertThat(entries).extracting(WalletTransactionEntry::category)
			.containsExactly(WalletTransactionCategory.IMMATURE, WalletTransactionCategory.SEND,
					WalletTransactionCategory.SEND, WalletTransactionCategory.SEND, WalletTransactionCategory.SEND,
					WalletTransactionCategory.IMMATURE, WalletTransactionCategory.RECEIVE, WalletTransactionCategory.SEND);

		// A coinbase: immature, generated, labelled, in a block, no fee and no trusted.
		WalletTransactionEntry coinbase = entries.get(0);
		assertThat(coinbase.address()).isEqualTo("bcrt1q4yw9rynr5m0lsqzzq8vee7y8arhe5z662sac7t");
		assertThat(coinbase.amount()).isEqualTo(new BigDecimal("50.00000000"));
		assertThat(coinbase.label()).isEqualTo("mining");
		assertThat(coinbase.vout()).isZero();
		assertThat(coinbase.generated()).isTrue();
		assertThat(coinbase.category().isCoinbase()).isTrue();
		assertThat(coinbase.fee()).isNull();
		assertThat(coinbase.trusted()).isNull();
		assertThat(coinbase.confirmations()).isEqualTo(2L);
		assertThat(coinbase.isConfirmed()).isTrue();
		assertThat(coinbase.blockHash()).isEqualTo("6d93094b914644de7bd2aa270c0e57da081a1f57c1147b4289c77bd920f93fab");
		assertThat(coinbase.blockHeight()).isEqualTo(110L);
		assertThat(coinbase.blockIndex()).isZero();
		assertThat(coinbase.blockTime()).isEqualTo(1796411271L);
		assertThat(coinbase.txid()).isEqualTo("6a882ac4488e94ca2ef676ba105335e12aa541baf0a42b9a24528e13de850fca");
		assertThat(coinbase.wtxid()).isEqualTo("611f1f8b03784a4cf896855a1da22c3478afc6a76b59fa3c96e7a79be1ee5a20");
		assertThat(coinbase.parentDescs()).containsExactly(ALICE_MINING);
		assertThat(coinbase.walletConflicts()).isEmpty();
		assertThat(coinbase.mempoolConflicts()).isEmpty();
		assertThat(coinbase.time()).isEqualTo(1796411251L);
		assertThat(coinbase.timeReceived()).isEqualTo(1796411251L);
		assertThat(coinbase.bip125Replaceable()).isEqualTo("no");
		assertThat(coinbase.abandoned()).isFalse();
		assertThat(coinbase.replacedByTxid()).isNull();
		assertThat(coinbase.comment()).isNull();

		// A confirmed send to another wallet: negative amount and fee, no label, no parent_descs.
		WalletTransactionEntry send = entries.get(2);
		assertThat(send.address()).isEqualTo("bcrt1qautf05ywsvzpy5rxcx8d6wpqryxxg9xkyrnx48");
		assertThat(send.amount()).isEqualTo(new BigDecimal("-1.50000000"));
		assertThat(send.fee()).isEqualTo(new BigDecimal("-0.00004560"));
		assertThat(send.vout()).isEqualTo(1);
		assertThat(send.label()).isNull();
		assertThat(send.parentDescs()).isNull();
		assertThat(send.generated()).isNull();
		assertThat(send.trusted()).isNull();
		assertThat(send.confirmations()).isEqualTo(1L);
		assertThat(send.blockHeight()).isEqualTo(111L);
		assertThat(send.blockIndex()).isEqualTo(1);
		assertThat(send.txid()).isEqualTo(PAY_BOB);

		// An unconfirmed receive: trusted (false: from another wallet), no block members, no fee.
		WalletTransactionEntry receive = entries.get(6);
		assertThat(receive.amount()).isEqualTo(new BigDecimal("0.20000000"));
		assertThat(receive.label()).isEqualTo("alice-recv");
		assertThat(receive.confirmations()).isZero();
		assertThat(receive.isConfirmed()).isFalse();
		assertThat(receive.trusted()).isFalse();
		assertThat(receive.blockHash()).isNull();
		assertThat(receive.blockHeight()).isNull();
		assertThat(receive.blockIndex()).isNull();
		assertThat(receive.blockTime()).isNull();
		assertThat(receive.fee()).isNull();
		assertThat(receive.bip125Replaceable()).isEqualTo("yes");
		assertThat(receive.txid()).isEqualTo(BOB_TO_ALICE);

		// An unconfirmed send of its own: trusted.
		WalletTransactionEntry pending = entries.get(7);
		assertThat(pending.trusted()).isTrue();
		assertThat(pending.fee()).isEqualTo(new BigDecimal("-0.00002620"));
		assertThat(pending.amount()).isEqualTo(new BigDecimal("-0.12500000"));
		assertThat(pending.blockHash()).isNull();
	}

	@Test
	void listTransactionsOnTheReceivingWallet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listtransactions-receives.json");
		List<WalletTransactionEntry> entries = calls.listTransactions("*", 10, 0);
		calls.assertSent("[\"*\", 10, 0]");
		FixtureCalls recorded = FixtureCalls.replaying("core/http-listtransactions-receives.json");
		recorded.listTransactions(10);
		recorded.assertSentAsRecorded();

		assertThat(entries).hasSize(6);
		assertThat(entries).extracting(WalletTransactionEntry::label)
			.containsExactly("bob-2", "bob-1", "bob-3", "bob-2", null, "bob-1");
		assertThat(entries).extracting(WalletTransactionEntry::vout).containsExactly(3, 1, 0, 1, 1, 1);
		assertThat(entries.get(2).address()).isEqualTo("2NAcBYZwq3FqqcxXxPRn43XgwAQcn3UgfF7");
		assertThat(entries.get(2).amount()).isEqualTo(new BigDecimal("0.30000000"));
		assertThat(entries.get(2).parentDescs()).singleElement().asString().startsWith("sh(wpkh([702dc3c9/49h/1h/0h]");
		assertThat(entries.get(4).category()).isEqualTo(WalletTransactionCategory.SEND);
		assertThat(entries.get(4).trusted()).isTrue();
		assertThat(entries.get(4).txid()).isEqualTo(BOB_TO_ALICE);
		assertThat(entries.get(5).category()).isEqualTo(WalletTransactionCategory.RECEIVE);
		assertThat(entries.get(5).trusted()).isFalse();
		assertThat(entries.get(5).amount()).isEqualTo(new BigDecimal("0.12500000"));
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.walletConflicts()).isEmpty();
			assertThat(entry.mempoolConflicts()).isEmpty();
			assertThat(entry.abandoned()).isFalse();
		});
	}

	@Test
	void negativeCountIsRefusedBeforeSending() {
		// The transcript's request ["*", -1] cannot come from the typed call: it refuses a negative
		// count itself. Core's answer to it (-8) still maps to the named exception.
		FixtureCalls calls = FixtureCalls.replaying("core/http-listtransactions-negative-count.json");
		assertThat(calls.listTransactionsAsync(-1)).isCompletedExceptionally();
		assertThatIllegalArgumentException().isThrownBy(() -> calls.listTransactions(-1))
			.withMessage("count must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.listTransactions("*", 1, -1))
			.withMessage("skip must not be negative, was -1");
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> calls.call("listtransactions", List.of("*", -1), Object.class))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Negative count"));
		calls.assertSentAsRecorded();
	}

	@Test
	void listSinceBlock() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listsinceblock.json");
		TransactionsSinceBlock since = calls
			.listSinceBlock("6d93094b914644de7bd2aa270c0e57da081a1f57c1147b4289c77bd920f93fab");
		calls.assertSentAsRecorded();
		assertThat(since.lastBlock()).isEqualTo(TIP);
		assertThat(since.removed()).isEmpty();
		assertThat(since.transactions()).hasSize(7);
		// Unconfirmed entries first, as the notes say.
		WalletTransactionEntry first = since.transactions().get(0);
		assertThat(first.category()).isEqualTo(WalletTransactionCategory.RECEIVE);
		assertThat(first.confirmations()).isZero();
		assertThat(first.trusted()).isNotNull();
		assertThat(first.blockHash()).isNull();
		assertThat(since.transactions()).filteredOn(WalletTransactionEntry::isConfirmed).allSatisfy((entry) -> {
			assertThat(entry.trusted()).isNull();
			assertThat(entry.blockHash()).isNotNull();
			assertThat(entry.blockHeight()).isNotNull();
		});
		assertThat(since.transactions()).allSatisfy((entry) -> assertThat(entry.fee() != null)
			.isEqualTo(entry.category() == WalletTransactionCategory.SEND));
		assertThat(since.transactions()).filteredOn((entry) -> entry.category() == WalletTransactionCategory.IMMATURE)
			.singleElement()
			.satisfies((coinbase) -> {
				assertThat(coinbase.generated()).isTrue();
				assertThat(coinbase.amount()).isEqualTo(new BigDecimal("50.00005385"));
				assertThat(coinbase.blockHeight()).isEqualTo(111L);
			});
	}

	@Test
	void listSinceBlockWithoutAHashListsEverything() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listsinceblock-all.json");
		TransactionsSinceBlock since = calls.listSinceBlock();
		calls.assertSentAsRecorded();
		assertThat(since.lastBlock()).isEqualTo(TIP);
		assertThat(since.removed()).isEmpty();
		assertThat(since.transactions()).hasSize(6);
		WalletTransactionEntry send = since.transactions().get(1);
		assertThat(send.category()).isEqualTo(WalletTransactionCategory.SEND);
		assertThat(send.amount()).isEqualTo(new BigDecimal("-0.20000000"));
		assertThat(send.trusted()).isTrue();
		assertThat(send.label()).isNull();

		FixtureCalls explicit = FixtureCalls.replaying("core/http-listsinceblock-all.json");
		explicit.listSinceBlock(null, ListSinceBlockOptions.DEFAULTS);
		explicit.assertSentAsRecorded();
	}

	@Test
	void listSinceAStaleBlockListsTheRemovedInTheirCurrentState() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listsinceblock-reorg.json");
		TransactionsSinceBlock since = calls.listSinceBlock(
				"22b54bd1f7e0ca48b19ebf6fd8c6ec1b4ba6cf59a3993a68da075a6c3fdb2665",
				ListSinceBlockOptions.builder().targetConfirmations(1).includeRemoved(true).build());
		calls.assertSentAsRecorded();
		String newTip = "2358ba53b85f09736adda6fde73a1d4c3f0a905e3fac448e39de87f34245e596";
		assertThat(since.lastBlock()).isEqualTo(newTip);
		assertThat(since.transactions()).extracting(WalletTransactionEntry::category)
			.containsExactly(WalletTransactionCategory.IMMATURE, WalletTransactionCategory.ORPHAN,
					WalletTransactionCategory.SEND);
		assertThat(since.removed()).extracting(WalletTransactionEntry::category)
			.containsExactly(WalletTransactionCategory.ORPHAN, WalletTransactionCategory.SEND);

		// The stale coinbase: orphan, abandoned, unconfirmed (so trusted), no block members.
		WalletTransactionEntry orphan = since.removed().get(0);
		assertThat(orphan.txid()).isEqualTo("bcb5415b0fdbb1b60ef135065180c6cb2c5c6ac00ace604ab7839373b2b9d778");
		assertThat(orphan.amount()).isEqualTo(new BigDecimal("50.00003310"));
		assertThat(orphan.abandoned()).isTrue();
		assertThat(orphan.generated()).isTrue();
		assertThat(orphan.trusted()).isFalse();
		assertThat(orphan.confirmations()).isZero();
		assertThat(orphan.blockHash()).isNull();
		assertThat(orphan.bip125Replaceable()).isEqualTo("unknown");
		assertThat(orphan.category().isCoinbase()).isTrue();
		assertThat(since.transactions().get(1)).isEqualTo(orphan);

		// The send mined again: listed as removed, but with its new block.
		WalletTransactionEntry send = since.removed().get(1);
		assertThat(send.txid()).isEqualTo("29a5f92b96c2cf50b2d3555b3390700684531c673b8585c9e41cd6b2ea60dbc0");
		assertThat(send.confirmations()).isEqualTo(1L);
		assertThat(send.blockHash()).isEqualTo(newTip);
		assertThat(send.blockHeight()).isEqualTo(123L);
		assertThat(send.fee()).isEqualTo(new BigDecimal("-0.00003310"));
		assertThat(since.transactions().get(2)).isEqualTo(send);
	}

	@Test
	void listSinceAnUnknownBlockFails() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listsinceblock-unknown-block.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.listSinceBlock("00".repeat(32)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-5))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Block not found"));
		calls.assertSentAsRecorded();
	}

	@Test
	void listSinceBlockOptionsAreSentInCoresPositions() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listsinceblock-all.json");
		calls.listSinceBlock(TIP, ListSinceBlockOptions.builder().targetConfirmations(6).includeChange(true).label("x").build());
		calls.assertSent("[\"" + TIP + "\", 6, false, null, true, \"x\"]");
		FixtureCalls noRemoved = FixtureCalls.replaying("core/http-listsinceblock-all.json");
		noRemoved.listSinceBlock(null, ListSinceBlockOptions.builder().includeRemoved(false).build());
		noRemoved.assertSent("[null, null, false, false]");
		assertThatIllegalArgumentException().isThrownBy(() -> ListSinceBlockOptions.builder().targetConfirmations(0))
			.withMessage("targetConfirmations must be at least 1, was 0");
		assertThat(calls.listSinceBlockAsync("xyz")).isCompletedExceptionally();
		assertThatIllegalArgumentException().isThrownBy(() -> calls.listSinceBlock("xyz"))
			.withMessage("blockHash must be 64 hex characters, was 'xyz'");
	}

	@Test
	void unknownCategoryDecodesInsteadOfFailingTheListing() {
		assertThat(WalletTransactionCategory.of("immature")).isEqualTo(WalletTransactionCategory.IMMATURE);
		assertThat(WalletTransactionCategory.of("generate")).isEqualTo(WalletTransactionCategory.GENERATE);
		assertThat(WalletTransactionCategory.of("teleport")).isEqualTo(WalletTransactionCategory.UNKNOWN);
		assertThat(WalletTransactionCategory.of("unknown")).isEqualTo(WalletTransactionCategory.UNKNOWN);
		assertThat(WalletTransactionCategory.ORPHAN.wireName()).isEqualTo("orphan");
		assertThat(WalletTransactionCategory.RECEIVE.isCoinbase()).isFalse();
		assertThat(RpcErrorException.class).isAssignableFrom(RpcInvalidParameterException.class);
	}

}
