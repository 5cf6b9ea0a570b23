package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** Arguments the typed calls refuse before sending anything, and decoding details no transcript shows. */
class TypedCallArgumentTests {

	private static final String HASH = "4d2af2dca5ffa4b59662a568f8b67020f959fde5ec991bdc6d7c78894b1bf61b";

	private final FixtureCalls calls = FixtureCalls.replaying("btcd/http-getbestblockhash.json");

	@Test
	void hashesAndTxidsAreCheckedAndNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.getBlockHexAsync("xyz"))
			.withMessage("blockHash must be 64 hex characters, was 'xyz'");
		assertThatNullPointerException().isThrownBy(() -> this.calls.getRawTransactionAsync(null))
			.withMessage("txid must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.getTransactionAsync(HASH.replace('4', 'g')))
			.withMessageStartingWith("txid must be 64 hex characters");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.getTxOutAsync(HASH, -1))
			.withMessage("n must not be negative, was -1");
	}

	@Test
	void transactionHexIsChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.sendRawTransactionAsync("abc"))
			.withMessageStartingWith("hex must be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.decodeRawTransactionAsync(""))
			.withMessageStartingWith("hex must be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.testMempoolAcceptAsync(List.of(), null))
			.withMessage("hexes must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calls.testMempoolAcceptAsync(List.of("00"), new BigDecimal("-1")))
			.withMessage("maxFeeRate must not be negative, was -1");
	}

	@Test
	void countsTargetsAndAmountsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.generateAsync(0))
			.withMessage("blocks must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.generateToAddressAsync(1, " "))
			.withMessage("address must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.estimateSmartFeeAsync(0))
			.withMessage("confTarget must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.sendToAddressAsync("addr", BigDecimal.ZERO))
			.withMessage("amount must be positive, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calls.sendToAddressAsync("addr", new BigDecimal("0.000000001")))
			.withMessage("amount must have at most 8 decimals, was 0.000000001");
		assertThatNullPointerException().isThrownBy(() -> this.calls.createWalletAsync(null))
			.withMessage("name must not be null");
	}

	@Test
	void warningsBeforeCore28WereOneString() {
		String body = "{\"result\":{\"chain\":\"main\",\"blocks\":1,\"headers\":1,\"bestblockhash\":\"" + HASH
				+ "\",\"difficulty\":1,\"mediantime\":1,\"pruned\":false,\"warnings\":\"This is a pre-release\"},"
				+ "\"error\":null,\"id\":1}";
		JsonRpcCodec codec = new JsonRpcCodec();
		InboundMessage.Response response = (InboundMessage.Response) codec
			.decode(JsonText.of(body.getBytes(StandardCharsets.UTF_8)));
		BlockchainInfo info = response.result().decode(codec.mapper(), codec.mapper().readerFor(BlockchainInfo.class));
		assertThat(info.warnings()).containsExactly("This is a pre-release");
	}

}
