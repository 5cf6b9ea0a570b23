package org.bitcoinrpc.client.follow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A block's {@code difficulty} exactly as btcd's {@code getblock} reports it, for blocks the
 * follower rebuilds from their serialization. btcd's {@code getDifficultyRatio} (rpcserver.go)
 * divides the target of the network's proof-of-work limit ({@code PowLimitBits}) by the block's
 * target as exact rationals, prints the quotient with 8 decimals (rounded half away from zero),
 * parses that into a float64, and the JSON encoder writes the shortest decimal that reads back as
 * that float64. So btcd reports {@code 1} for a block at its network's limit where Core, which
 * divides mainnet's limit in floating point, reports {@code 4.656542373906925e-10} on regtest, and
 * a mainnet difficulty has at most 8 decimals ({@code 86388558925171.02}).
 * <p>
 * The limit depends on the network, which a serialized block does not name; the genesis block's
 * hash does. Stateless.
 */
final class BtcdDifficulty {

	/** btcd's {@code PowLimitBits} by genesis hash (every signet, custom or not, shares signet's genesis and limit). */
	private static final Map<String, Long> POW_LIMIT_BITS = Map.of(
			"000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", 0x1d00ffffL, // mainnet
			"000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943", 0x1d00ffffL, // testnet3
			"00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043", 0x1d00ffffL, // testnet4
			"00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6", 0x1e0377aeL, // signet
			"0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206", 0x207fffffL, // regtest
			"683e86bd5c6d110d91b94b97137ba6bfe02dbbdb8e3dff722a669b5d69d77af6", 0x207fffffL); // simnet

	private BtcdDifficulty() {
	}

	/** The network's proof-of-work limit in compact form, or null for a network btcd does not know. */
	static @Nullable Long powLimitBits(String genesisHash) {
		return POW_LIMIT_BITS.get(genesisHash.toLowerCase(Locale.ROOT));
	}

	/**
	 * The difficulty of a block with these {@code bits} on the network with this limit, as the
	 * client decodes btcd's JSON number (a {@link BigDecimal} of the printed digits).
	 * @throws IllegalArgumentException when {@code bits} encode a target of zero (btcd would fail too)
	 */
	static BigDecimal of(long bits, long powLimitBits) {
		BigInteger target = target(bits);
		if (target.signum() == 0) {
			throw new IllegalArgumentException("bits " + Long.toHexString(bits) + " encode a target of zero");
		}
		// big.Rat.FloatString(8): 8 decimals, the last rounded half away from zero.
		BigDecimal printed = new BigDecimal(target(powLimitBits)).divide(new BigDecimal(target), 8, RoundingMode.HALF_UP);
		// strconv.ParseFloat(.., 64): the nearest float64.
		double value = Double.parseDouble(printed.toPlainString());
		return shortest(value);
	}

	/**
	 * btcd's {@code CompactToBig}: a 23-bit mantissa, a sign bit, and a base-256 exponent in the
	 * top byte.
	 */
	static BigInteger target(long bits) {
		long mantissa = bits & 0x007fffffL;
		boolean negative = (bits & 0x00800000L) != 0;
		int exponent = (int) ((bits >>> 24) & 0xff);
		BigInteger target = (exponent <= 3) ? BigInteger.valueOf(mantissa >>> (8 * (3 - exponent)))
				: BigInteger.valueOf(mantissa).shiftLeft(8 * (exponent - 3));
		return negative ? target.negate() : target;
	}

	/**
	 * The shortest decimal that reads back as {@code value}, as Go's JSON encoder prints a float64
	 * (no exponent: difficulties lie between 1e-6 and 1e21, where Go does not use one), with no
	 * trailing zeros: {@code 1}, not {@code 1.0}.
	 */
	private static BigDecimal shortest(double value) {
		BigDecimal exact = new BigDecimal(value);
		for (int digits = 1; digits < 17; digits++) {
			BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
			if (candidate.doubleValue() == value) {
				return plain(candidate);
			}
		}
		return plain(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
	}

	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
