package org.bitcoinrpc.client.model.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.client.model.TxInput;
import org.bitcoinrpc.client.model.TxOutput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DeserializationContext;

/**
 * Reads {@link RawTransaction} from the token stream, as Jackson's record binding would with
 * {@code JsonRpcCodec.defaultMapper()} (see {@link StrictValues}). The inputs and outputs are read
 * by {@link TxInputDeserializer} and {@link TxOutputDeserializer} directly. Not API.
 */
public final class RawTransactionDeserializer extends RecordDeserializer<RawTransaction> {

	private static final PropertyNameMatcher NAMES = StrictValues.names("txid", "hash", "version", "size", "vsize",
			"weight", "locktime", "vin", "vout", "fee", "hex", "blockhash", "confirmations", "time", "blocktime");

	private static final int TXID = 0;

	private static final int HASH = 1;

	private static final int VERSION = 2;

	private static final int SIZE = 3;

	private static final int VSIZE = 4;

	private static final int WEIGHT = 5;

	private static final int LOCKTIME = 6;

	private static final int VIN = 7;

	private static final int VOUT = 8;

	private static final int FEE = 9;

	private static final int HEX = 10;

	private static final int BLOCKHASH = 11;

	private static final int CONFIRMATIONS = 12;

	private static final int TIME = 13;

	private static final int BLOCKTIME = 14;

	public RawTransactionDeserializer() {
		super(RawTransaction.class);
	}

	@Override
	public @Nullable RawTransaction deserialize(JsonParser parser, DeserializationContext context) {
		return read(parser, context);
	}

	/** The value at the parser's current token: {@code null} for a JSON {@code null}, else an object. */
	static @Nullable RawTransaction read(JsonParser parser, DeserializationContext context) {
		int match = StrictValues.firstName(parser, context, RawTransaction.class, NAMES);
		if (match == StrictValues.NULL_OBJECT) {
			return null;
		}
		String txid = null;
		String hash = null;
		long version = 0;
		boolean hasVersion = false;
		Long size = null;
		Long vsize = null;
		Long weight = null;
		long lockTime = 0;
		boolean hasLockTime = false;
		List<TxInput> vin = null;
		List<TxOutput> vout = null;
		BigDecimal fee = null;
		String hex = null;
		String blockHash = null;
		Long confirmations = null;
		Long time = null;
		Long blockTime = null;
		for (; match != PropertyNameMatcher.MATCH_END_OBJECT; match = parser.nextNameMatch(NAMES)) {
			switch (match) {
				case TXID -> txid = StrictValues.nextString(parser, context, RawTransaction.class, "txid");
				case HASH -> hash = StrictValues.nextString(parser, context, RawTransaction.class, "hash");
				case VERSION -> {
					version = StrictValues.nextLong(parser, context, RawTransaction.class, "version");
					hasVersion = true;
				}
				case SIZE -> size = StrictValues.nextLongOrNull(parser, context, RawTransaction.class, "size");
				case VSIZE -> vsize = StrictValues.nextLongOrNull(parser, context, RawTransaction.class, "vsize");
				case WEIGHT -> weight = StrictValues.nextLongOrNull(parser, context, RawTransaction.class, "weight");
				case LOCKTIME -> {
					lockTime = StrictValues.nextLong(parser, context, RawTransaction.class, "locktime");
					hasLockTime = true;
				}
				case VIN -> vin = readInputs(parser, context);
				case VOUT -> vout = readOutputs(parser, context);
				case FEE -> fee = StrictValues.nextDecimal(parser, context, RawTransaction.class, "fee");
				case HEX -> hex = StrictValues.nextString(parser, context, RawTransaction.class, "hex");
				case BLOCKHASH -> blockHash = StrictValues.nextString(parser, context, RawTransaction.class,
						"blockhash");
				case CONFIRMATIONS -> confirmations = StrictValues.nextLongOrNull(parser, context,
						RawTransaction.class, "confirmations");
				case TIME -> time = StrictValues.nextLongOrNull(parser, context, RawTransaction.class, "time");
				case BLOCKTIME -> blockTime = StrictValues.nextLongOrNull(parser, context, RawTransaction.class,
						"blocktime");
				default -> StrictValues.skipUnknown(parser, context, RawTransaction.class, match);
			}
		}
		if (!hasVersion) {
			StrictValues.missing(context, RawTransaction.class, "version", "long");
		}
		if (!hasLockTime) {
			StrictValues.missing(context, RawTransaction.class, "locktime", "long");
		}
		return new RawTransaction(txid, hash, version, size, vsize, weight, lockTime, vin, vout, fee, hex, blockHash,
				confirmations, time, blockTime);
	}

	private static @Nullable List<TxInput> readInputs(JsonParser parser, DeserializationContext context) {
		if (!StrictValues.startArray(parser, context, RawTransaction.class, "vin")) {
			return null;
		}
		List<TxInput> inputs = new ArrayList<>(2);
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			inputs.add(TxInputDeserializer.read(parser, context));
		}
		return inputs;
	}

	private static @Nullable List<TxOutput> readOutputs(JsonParser parser, DeserializationContext context) {
		if (!StrictValues.startArray(parser, context, RawTransaction.class, "vout")) {
			return null;
		}
		List<TxOutput> outputs = new ArrayList<>(2);
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			outputs.add(TxOutputDeserializer.read(parser, context));
		}
		return outputs;
	}

}
