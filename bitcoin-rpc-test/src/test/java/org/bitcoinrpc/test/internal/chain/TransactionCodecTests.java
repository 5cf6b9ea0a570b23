package org.bitcoinrpc.test.internal.chain;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hashing, address codecs, script classification and transaction decoding, checked against
 * published test vectors and the btcd fixtures' transactions.
 */
class TransactionCodecTests {

    /** The tx of fixture ws-notifynewtransactions-true.json. */
    private static final String FIXTURE_TX = "01000000017ea5c6d4e61f90336387b495bdf023a96aae20258a7e5d17119749fab3c137f7"
            + "000000006a4730440220370a5be4f13bdb57e876716fcc29a0d3c9cce2af2c5cf03e99b5abcf8990ad9102204e1cdd3f63e918b8"
            + "c4d241ff9ff2f583872b9233471150d60737911f1e6016ff012103b2afc6e4449e92a6cb30b6480715da5dd4c4eff3d207c0a549"
            + "e975acdd88df53ffffffff0200c2eb0b000000001976a914b06df04243ea746e4263e070f06bf38bab1579fd88ac781c1a1e0100"
            + "00001976a91416af5d2a2ad407af5335a4d6d204ddd2842f6cad88ac00000000";

    @ParameterizedTest
    @CsvSource({"'',9c1185a5c5e9fc54612808977ee8f548b2258d31", "abc,8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        "message digest,5d0689ef49d2fae572b881b123a85ffa21595f36"})
    void ripemd160MatchesTheReferenceVectors(String input, String digest) {
        assertThat(Encoding.hex(Ripemd160.digest(input.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(digest);
    }

    @Test
    void ripemd160HandlesMultiBlockInput() {
        byte[] million = "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);

        assertThat(Encoding.hex(Ripemd160.digest(million))).isEqualTo("52783243c1697bdbe16d37f97f68f08325dc1528");
    }

    @Test
    void hash160OfTheGenesisKeyIsItsAddressHash() {
        byte[] genesisKey = Encoding.unhex("04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb6"
                + "49f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f");

        assertThat(Encoding.hex(Encoding.hash160(genesisKey))).isEqualTo("62e907b15cbf27d5425399ebf6f0fb50ebb88f18");
    }

    @ParameterizedTest
    @CsvSource({"bc,BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4,0,751e76e8199196d454941c45d1b3a323f1433bd6",
        "tb,tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7,0,1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
        "bc,bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0,1,79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"})
    void bech32MatchesBip173AndBip350Vectors(String hrp, String address, int version, String program) {
        Bech32.Segwit decoded = Bech32.decode(hrp, address);

        assertThat(decoded).isNotNull();
        assertThat(decoded.version()).isEqualTo(version);
        assertThat(Encoding.hex(decoded.program())).isEqualTo(program);
        assertThat(Bech32.encode(hrp, version, Encoding.unhex(program))).isEqualTo(address.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void bech32RejectsBadChecksumsMixedCaseAndTheWrongVariant() {
        assertThat(Bech32.decode("bc", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).isNull();
        assertThat(Bech32.decode("bc", "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isNull();
        assertThat(Bech32.decode("tb", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isNull();
        // A version 1 program checksummed with bech32 instead of bech32m.
        String wrongVariant = Bech32.encode("bc", 0, new byte[32]).replaceFirst("bc1q", "bc1p");
        assertThat(Bech32.decode("bc", wrongVariant)).isNull();
    }

    @Test
    void simnetAddressesDecodeAsBtcdDecodesThem() {
        assertThat(Encoding.hex(Addresses.outputScript("SdNsfGMtSoUYpJ3JzFhQscuu6qFFodd1Ed")))
                .isEqualTo("76a914b06df04243ea746e4263e070f06bf38bab1579fd88ac");
        assertThat(Addresses.canonical("SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh")).isEqualTo("SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh");
        String segwit = Addresses.segwit(0, new byte[20]);
        assertThat(segwit).startsWith("sb1q");
        assertThat(Addresses.canonical(segwit.toUpperCase(java.util.Locale.ROOT))).isEqualTo(segwit);
        assertThat(Addresses.canonical(Addresses.scriptHash(new byte[20]))).startsWith("r");
        // Mainnet, regtest-prefixed, corrupted and nonsense addresses are refused.
        assertThat(Addresses.outputScript("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isNull();
        assertThat(Addresses.outputScript("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080")).isNull();
        assertThat(Addresses.outputScript("SdNsfGMtSoUYpJ3JzFhQscuu6qFFodd1Ee")).isNull();
        assertThat(Addresses.outputScript("not-an-address")).isNull();
    }

    @Test
    void outputScriptsAreClassifiedAsBtcdDoes() {
        ScriptInfo p2pkh = Scripts.classify(Encoding.unhex("76a91416af5d2a2ad407af5335a4d6d204ddd2842f6cad88ac"));
        ScriptInfo nullData = Scripts.classify(Encoding.unhex("6a0401020304"));
        ScriptInfo truncated = Scripts.classify(Encoding.unhex("76a914"));

        assertThat(p2pkh).isEqualTo(new ScriptInfo("pubkeyhash",
                "OP_DUP OP_HASH160 16af5d2a2ad407af5335a4d6d204ddd2842f6cad OP_EQUALVERIFY OP_CHECKSIG", 1,
                List.of("SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh")));
        assertThat(nullData).isEqualTo(new ScriptInfo("nulldata", "OP_RETURN 01020304", 0, List.of()));
        assertThat(truncated.type()).isEqualTo("nonstandard");
        assertThat(truncated.asm()).isEqualTo("OP_DUP OP_HASH160 [error]");
        assertThat(Scripts.classify(Encoding.unhex("0014" + "00".repeat(20))).type()).isEqualTo("witness_v0_keyhash");
        assertThat(Scripts.classify(Encoding.unhex("5120" + "00".repeat(32))).type()).isEqualTo("witness_v1_taproot");
        assertThat(Scripts.disassemble(Encoding.unhex("00514f60"))).isEqualTo("0 1 -1 16");
    }

    @Test
    void fixtureTransactionDecodesWithItsTxidAndOutputs() {
        Transaction tx = Transaction.fromBytes(Encoding.unhex(FIXTURE_TX));

        assertThat(tx.isDecoded()).isTrue();
        assertThat(tx.txid()).isEqualTo("d63b01ccdb334f213cb95cb06c04c5921db650e41487ff312dc5665a1f9887a9");
        assertThat(tx.hash()).isEqualTo(tx.txid());
        assertThat(tx.size()).isEqualTo(225);
        assertThat(tx.weight()).isEqualTo(900);
        assertThat(tx.inputs()).singleElement().satisfies(in -> {
            assertThat(in.previous()).isEqualTo(new OutPoint("f737c1b3fa499711175d7e8a2520ae6aa923f0bd95b4876333901fe6d4c6a57e", 0));
            assertThat(in.sequence()).isEqualTo(0xffffffffL);
        });
        assertThat(tx.outputs()).extracting(TxOut::valueSats).containsExactly(200_000_000L, 4_799_995_000L);
        assertThat(tx.totalOutputSats()).isEqualTo(4_999_995_000L);
        assertThat(tx.hex()).isEqualTo(FIXTURE_TX);
    }

    @Test
    void segwitTransactionHasATxidWithoutWitnessAndAHashWithIt() {
        TxIn input = new TxIn(new OutPoint("11".repeat(32), 1), new byte[0], List.of(new byte[] {1, 2}, new byte[33]), 0xfffffffdL);
        Transaction built = Transaction.build(2, List.of(input), List.of(TxOut.of(5_000, Encoding.unhex("0014" + "ab".repeat(20)))), 7);

        Transaction decoded = Transaction.fromBytes(built.raw());

        assertThat(decoded.isDecoded()).isTrue();
        assertThat(decoded.txid()).isEqualTo(built.txid()).isNotEqualTo(decoded.hash());
        assertThat(decoded.hash()).isEqualTo(Encoding.displayHash(Encoding.doubleSha256(built.raw())));
        assertThat(decoded.strippedSize()).isLessThan(decoded.size());
        assertThat(decoded.vsize()).isEqualTo((3 * decoded.strippedSize() + decoded.size() + 3) / 4);
        assertThat(decoded.inputs().get(0).witness()).hasSize(2);
        assertThat(decoded.lockTime()).isEqualTo(7);
    }

    @Test
    void bytesThatAreNotATransactionAreOpaque() {
        byte[] bytes = Encoding.unhex("0100deadbeef");

        Transaction opaque = Transaction.fromBytes(bytes);
        Transaction trailing = Transaction.fromBytes(Encoding.unhex(FIXTURE_TX + "00"));

        assertThat(opaque.isDecoded()).isFalse();
        assertThat(opaque.txid()).isEqualTo(Encoding.displayHash(Encoding.doubleSha256(bytes)));
        assertThat(opaque.inputs()).isEmpty();
        assertThat(opaque.outputs()).isEmpty();
        assertThat(opaque.totalOutputSats()).isZero();
        assertThat(trailing.isDecoded()).as("trailing bytes").isFalse();
    }
}
