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
import static org.bitcoinrpc.client.model.RefusedArguments.assertRefused;

/** Arguments the typed calls refuse before sending anything, and decoding details no transcript shows. */
class TypedCallArgumentTests {

	private static final String HASH = "4d2af2dca5ffa4b59662a568f8b67020f959fde5ec991bdc6d7c78894b1bf61b";

	private final FixtureCalls calls = FixtureCalls.replaying("btcd/http-getbestblockhash.json");

	@Test
	void hashesAndTxidsAreCheckedAndNamed() {
		assertRefused(this.calls.getBlockHexAsync("xyz"), IllegalArgumentException.class)
			.withMessage("blockHash must be 64 hex characters, was 'xyz'");
		assertRefused(this.calls.getRawTransactionAsync(null), NullPointerException.class)
			.withMessage("txid must not be null");
		assertRefused(this.calls.getTransactionAsync(HASH.replace('4', 'g')), IllegalArgumentException.class)
			.withMessageStartingWith("txid must be 64 hex characters");
		assertRefused(this.calls.getTxOutAsync(HASH, -1), IllegalArgumentException.class)
			.withMessage("n must not be negative, was -1");
	}

	@Test
	void theBlockingFormThrowsTheRefusalUnwrapped() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calls.getBlockHex("xyz"))
			.withMessage("blockHash must be 64 hex characters, was 'xyz'");
		assertThatNullPointerException().isThrownBy(() -> this.calls.getRawTransaction(null))
			.withMessage("txid must not be null");
	}

	@Test
	void transactionHexIsChecked() {
		assertRefused(this.calls.sendRawTransactionAsync("abc"), IllegalArgumentException.class)
			.withMessageStartingWith("hex must be");
		assertRefused(this.calls.decodeRawTransactionAsync(""), IllegalArgumentException.class)
			.withMessageStartingWith("hex must be");
		assertRefused(this.calls.testMempoolAcceptAsync(List.of(), null), IllegalArgumentException.class)
			.withMessage("hexes must not be empty");
		assertRefused(this.calls.testMempoolAcceptAsync(List.of("00"), new BigDecimal("-1")), IllegalArgumentException.class)
			.withMessage("maxFeeRate must not be negative, was -1");
	}

	@Test
	void countsTargetsAndAmountsAreChecked() {
		assertRefused(this.calls.generateAsync(0), IllegalArgumentException.class)
			.withMessage("blocks must be at least 1, was 0");
		assertRefused(this.calls.generateToAddressAsync(1, " "), IllegalArgumentException.class)
			.withMessage("address must not be blank");
		assertRefused(this.calls.estimateSmartFeeAsync(0), IllegalArgumentException.class)
			.withMessage("confTarget must be at least 1, was 0");
		assertRefused(this.calls.sendToAddressAsync("addr", BigDecimal.ZERO), IllegalArgumentException.class)
			.withMessage("amount must be positive, was 0");
		assertRefused(this.calls.sendToAddressAsync("addr", new BigDecimal("0.000000001")), IllegalArgumentException.class)
			.withMessage("amount must have at most 8 decimals, was 0.000000001");
		assertRefused(this.calls.createWalletAsync(null), NullPointerException.class)
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
