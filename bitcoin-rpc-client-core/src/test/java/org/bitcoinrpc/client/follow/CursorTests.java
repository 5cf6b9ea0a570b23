package org.bitcoinrpc.client.follow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CursorTests {

	/** From Bitcoin Core's getblockheader (fixtures/core/http-getblockheader-verbose-true.json). */
	static final String HASH = "3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43";

	static final String PREVIOUS = "24197c43eccb414640ee2c319096f0efa071efe2ba46d20db62ef932a7a25dd4";

	@Test
	void acceptsHashesAsNodesPrintThem() {
		assertThat(new Cursor(HASH, 102, 1795622297, PREVIOUS).hash()).isEqualTo(HASH);
		assertThat(new Cursor(HASH, 0, 1795622297, null).previousHash()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "3d7f", "3D7FCBD8D999E5B4A1CF4E69D04241871A5ADFCA3E5BD1B23A2196BA1307CA43",
			"3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca4g",
			"3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43 ",
			"0x7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43" })
	void rejectsOtherSpellingsNamingTheValue(String bad) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Cursor(bad, 102, 0, PREVIOUS))
			.withMessageContaining("hash must be 64 lowercase hex digits, was '" + bad + "'");
		assertThatIllegalArgumentException().isThrownBy(() -> new Cursor(HASH, 102, 0, bad))
			.withMessageContaining("previousHash must be 64 lowercase hex digits, was '" + bad + "'");
	}

	@Test
	void aHugeBadValueIsCutShortInTheMessage() {
		String huge = "z".repeat(10_000);
		assertThatIllegalArgumentException().isThrownBy(() -> new Cursor(huge, 1, 0, PREVIOUS))
			.withMessageContaining("(10000 chars)")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200));
	}

	@Test
	void rejectsNegativeHeightAndMissingParentAboveGenesis() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Cursor(HASH, -1, 0, PREVIOUS))
			.withMessageContaining("-1");
		assertThatIllegalArgumentException().isThrownBy(() -> new Cursor(HASH, 5, 0, null))
			.withMessageContaining("previousHash may be null only at height 0");
	}

}
