package org.bitcoinrpc.test.internal;

import java.math.BigDecimal;

import org.bitcoinrpc.test.internal.chain.Block;
import org.bitcoinrpc.test.internal.chain.Encoding;
import org.bitcoinrpc.test.internal.chain.SimulatedChain;
import org.bitcoinrpc.test.internal.json.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Encodings, the Go-style JSON writer and the deterministic chain. */
class EncodingAndChainTests {

    @Test
    void base58CheckMatchesKnownAddresses() {
        byte[] genesisKeyHash = Encoding.unhex("62e907b15cbf27d5425399ebf6f0fb50ebb88f18");

        assertThat(Encoding.base58Check(0, genesisKeyHash)).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThat(Encoding.base58Check(SimulatedChain.SIMNET_PUBKEY_HASH_ADDR_ID,
                Encoding.unhex(SimulatedChain.MINING_PUBKEY_HASH))).isEqualTo("SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh");
    }

    @ParameterizedTest
    @CsvSource({"0,00", "1,51", "16,60", "-1,4f", "17,0111", "121,0179", "128,028000", "255,02ff00", "70000,03701101"})
    void scriptNumbersAreEncodedAsBtcdsScriptBuilder(long value, String hex) {
        assertThat(Encoding.hex(Encoding.scriptInt64(value))).isEqualTo(hex);
    }

    @ParameterizedTest
    @CsvSource({"5000000000,50", "5000010000,50.0001", "3999990000,39.9999", "1000,0.00001", "10,1e-07",
        "1,1e-08", "123456789,1.23456789", "0,0"})
    void amountsArePrintedAsGoPrintsFloat64(long sats, String expected) {
        assertThat(JsonWriter.goFloat(BigDecimal.valueOf(sats, 8))).isEqualTo(expected);
    }

    @Test
    void stringsAreEscapedAsGoEscapesThem() {
        assertThat(JsonWriter.quote("a\"b\\c\nd<e>&\u0001\u2028é"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\u003ce\\u003e\\u0026\\u0001\\u2028é\"");
    }

    @Test
    void chainIsDeterministicAndStartsAtTheSimnetGenesis() {
        SimulatedChain one = new SimulatedChain(20);
        SimulatedChain two = new SimulatedChain(5);
        two.generate(15);

        assertThat(one.blockAt(0).hash()).isEqualTo("683e86bd5c6d110d91b94b97137ba6bfe02dbbdb8e3dff722a669b5d69d77af6");
        assertThat(one.blockAt(0).merkleRoot()).isEqualTo("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
        assertThat(two.tip().hash()).isEqualTo(one.tip().hash());
        assertThat(one.height()).isEqualTo(20);
    }

    @Test
    void minedBlocksLinkAndCarryBtcdsCoinbase() {
        SimulatedChain chain = new SimulatedChain(130);
        Block block = chain.blockAt(128);

        assertThat(block.previousHash()).isEqualTo(chain.blockAt(127).hash());
        assertThat(block.transactions().get(0).coinbaseHex())
                .isEqualTo("028000" + "00" + "0b" + Encoding.hex("/P2SH/btcd/".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(block.headerHex()).startsWith("00000020").endsWith("ffff7f20" + block.headerHex().substring(152));
        assertThat(chain.locate(block.hash()).confirmations()).isEqualTo(3);
        assertThat(chain.locate(block.hash()).nextHash()).isEqualTo(chain.blockAt(129).hash());
        assertThat(chain.locate(chain.tip().hash()).nextHash()).isNull();
    }
}
