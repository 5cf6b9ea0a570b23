package org.bitcoinrpc.client.follow;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Difficulties as btcd's {@code getDifficultyRatio} gives them, for the network named by its genesis
 * hash: the limit's target over the block's, with 8 decimals, read back as a float64 and printed as
 * Go prints it. Compared with {@code equals}, so the scale must be the one the client decodes
 * btcd's JSON number into ({@code 1}, not {@code 1.00000000}).
 */
class BtcdDifficultyTests {

	private static final String MAINNET = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

	private static final String SIGNET = "00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6";

	private static final String REGTEST = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206";

	private static final String SIMNET = "683e86bd5c6d110d91b94b97137ba6bfe02dbbdb8e3dff722a669b5d69d77af6";

	@ParameterizedTest
	@CsvSource({
			// the limit itself: Go prints the float64 1 as "1"
			MAINNET + ", 1d00ffff, 1", SIGNET + ", 1e0377ae, 1", REGTEST + ", 207fffff, 1", SIMNET + ", 207fffff, 1",
			// mainnet block 100000 (Core: 14484.1623612254) and a 2010 block (16307.420938523983)
			MAINNET + ", 1b04864c, 14484.16236123", MAINNET + ", 1b0404cb, 16307.42093852",
			// 86388558925171.01171269 with 8 decimals, then the float64's shortest digits
			MAINNET + ", 17034219, 86388558925171.02" })
	void theDifficultyIsBtcds(String genesis, String bits, String difficulty) {
		Long limit = BtcdDifficulty.powLimitBits(genesis.toUpperCase(Locale.ROOT));

		assertThat(limit).isNotNull();
		assertThat(BtcdDifficulty.of(Long.parseLong(bits, 16), limit)).isEqualTo(new BigDecimal(difficulty));
	}

	@ParameterizedTest
	@CsvSource({ "1d00ffff, 00000000ffff0000000000000000000000000000000000000000000000000000",
			"207fffff, 7fffff0000000000000000000000000000000000000000000000000000000000",
			"03123456, 0000000000000000000000000000000000000000000000000000000000123456",
			"02123456, 0000000000000000000000000000000000000000000000000000000000001234" })
	void theTargetIsCompactToBigs(String bits, String target) {
		assertThat(BtcdDifficulty.target(Long.parseLong(bits, 16)).toString(16)).isEqualTo(target.replaceFirst("^0+", ""));
	}

	@Test
	void anUnknownNetworkHasNoLimit() {
		assertThat(BtcdDifficulty.powLimitBits("11".repeat(32))).isNull();
	}

	@Test
	void aTargetOfZeroHasNoDifficulty() {
		assertThatIllegalArgumentException().isThrownBy(() -> BtcdDifficulty.of(0x1d000000L, 0x1d00ffffL))
			.withMessage("bits 1d000000 encode a target of zero");
	}

}
