package org.bitcoinrpc.client.model;

import java.util.List;

import org.bitcoinrpc.client.RpcCalls;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link Psbt}, {@link Descriptor} and {@link TransactionHex}: strings on the wire, types in Java. */
class ValueTypesTests {

	private final ObjectMapper mapper = JsonRpcCodec.defaultMapper();

	@Test
	void eachIsItsTextOnTheWireBothWays() {
		Psbt psbt = Psbt.of("cHNidP8BAHECAAAAAQ==");
		Descriptor descriptor = Descriptor.of("wpkh(02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9)#8fhd9pwu");
		TransactionHex tx = TransactionHex.of("0200000000");
		String json = this.mapper.writeValueAsString(List.of(psbt, descriptor, tx));
		assertThat(json).isEqualTo("[\"cHNidP8BAHECAAAAAQ==\",\"wpkh(02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9)#8fhd9pwu\",\"0200000000\"]");
		assertThat(this.mapper.readValue("\"cHNidP8BAHECAAAAAQ==\"", Psbt.class)).isEqualTo(psbt);
		assertThat(this.mapper.readValue("\"0200000000\"", TransactionHex.class)).isEqualTo(tx);
		assertThat(this.mapper.readValue("\"raw(00)\"", Descriptor.class)).isEqualTo(Descriptor.of("raw(00)"));
	}

	@Test
	void descriptorChecksum() {
		Descriptor with = Descriptor.of("addr(mkmZxiEcEd8ZqjQWVZuC6so5dFMKEFpN2j)#02wpgw69");
		assertThat(with.hasChecksum()).isTrue();
		assertThat(with.withoutChecksum()).isEqualTo("addr(mkmZxiEcEd8ZqjQWVZuC6so5dFMKEFpN2j)");
		Descriptor without = Descriptor.of("addr(mkmZxiEcEd8ZqjQWVZuC6so5dFMKEFpN2j)");
		assertThat(without.hasChecksum()).isFalse();
		assertThat(without.withoutChecksum()).isEqualTo(without.text());
	}

	@Test
	void textThatCannotBeOneIsRefusedSayingWhat() {
		assertThatIllegalArgumentException().isThrownBy(() -> Psbt.of("not base64!")).withMessageContaining("base64");
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionHex.of("abc")).withMessageContaining("whole bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionHex.of("zz")).withMessageContaining("hex");
		assertThatIllegalArgumentException().isThrownBy(() -> Descriptor.of(" ")).withMessageContaining("blank");
	}

	@Test
	void paramsLeaveOutTrailingArgumentsNotGiven() {
		assertThat(RpcCalls.params("a", null, 2, null, null)).containsExactly("a", null, 2);
		assertThat(RpcCalls.params()).isEmpty();
		assertThat(RpcCalls.params((Object) null)).isEmpty();
	}

}
