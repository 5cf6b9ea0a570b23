package org.bitcoinrpc.client.model.json;

import java.util.List;

import org.bitcoinrpc.client.model.Prevout;
import org.bitcoinrpc.client.model.ScriptSig;
import org.bitcoinrpc.client.model.TxInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DeserializationContext;

/**
 * Reads {@link TxInput} from the token stream, as Jackson's record binding would with
 * {@code JsonRpcCodec.defaultMapper()} (see {@link StrictValues}). Not API.
 */
public final class TxInputDeserializer extends RecordDeserializer<TxInput> {

	private static final PropertyNameMatcher NAMES = StrictValues.names("txid", "vout", "scriptSig", "coinbase",
			"txinwitness", "prevout", "sequence");

	private static final int TXID = 0;

	private static final int VOUT = 1;

	private static final int SCRIPT_SIG = 2;

	private static final int COINBASE = 3;

	private static final int TXINWITNESS = 4;

	private static final int PREVOUT = 5;

	private static final int SEQUENCE = 6;

	public TxInputDeserializer() {
		super(TxInput.class);
	}

	@Override
	public @Nullable TxInput deserialize(JsonParser parser, DeserializationContext context) {
		return read(parser, context);
	}

	/** The value at the parser's current token: {@code null} for a JSON {@code null}, else an object. */
	static @Nullable TxInput read(JsonParser parser, DeserializationContext context) {
		int match = StrictValues.firstName(parser, context, TxInput.class, NAMES);
		if (match == StrictValues.NULL_OBJECT) {
			return null;
		}
		String txid = null;
		Integer vout = null;
		ScriptSig scriptSig = null;
		String coinbase = null;
		List<String> witness = null;
		Prevout prevout = null;
		long sequence = 0;
		boolean hasSequence = false;
		for (; match != PropertyNameMatcher.MATCH_END_OBJECT; match = parser.nextNameMatch(NAMES)) {
			switch (match) {
				case TXID -> txid = StrictValues.nextString(parser, context, TxInput.class, "txid");
				case VOUT -> vout = StrictValues.nextIntOrNull(parser, context, TxInput.class, "vout");
				case SCRIPT_SIG -> {
					parser.nextToken();
					scriptSig = ScriptSigDeserializer.read(parser, context);
				}
				case COINBASE -> coinbase = StrictValues.nextString(parser, context, TxInput.class, "coinbase");
				case TXINWITNESS -> witness = StrictValues.nextStrings(parser, context, TxInput.class, "txinwitness");
				case PREVOUT -> {
					parser.nextToken();
					prevout = PrevoutDeserializer.read(parser, context);
				}
				case SEQUENCE -> {
					sequence = StrictValues.nextLong(parser, context, TxInput.class, "sequence");
					hasSequence = true;
				}
				default -> StrictValues.skipUnknown(parser, context, TxInput.class, match);
			}
		}
		if (!hasSequence) {
			StrictValues.missing(context, TxInput.class, "sequence", "long");
		}
		return new TxInput(txid, vout, scriptSig, coinbase, witness, prevout, sequence);
	}

}
