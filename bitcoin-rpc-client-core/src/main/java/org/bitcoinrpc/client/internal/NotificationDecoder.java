package org.bitcoinrpc.client.internal;

import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.client.Notification;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Turns btcd's notifications into {@link Notification} records, checking each shape strictly:
 * a known method with params of another shape becomes {@link Notification.Unknown} (and is logged),
 * so a listener never receives half-filled records. Stateless and thread-safe.
 */
public final class NotificationDecoder {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDecoder.class);

	public Notification decode(String method, JsonNode params) {
		try {
			Notification decoded = decodeKnown(method, params);
			if (decoded != null) {
				return decoded;
			}
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Notification {} has an unexpected shape ({}); delivered as Unknown", method, ex.getMessage());
		}
		return new Notification.Unknown(method, params);
	}

	private static @Nullable Notification decodeKnown(String method, JsonNode params) {
		if (!params.isArray()) {
			throw new IllegalArgumentException("params is not an array");
		}
		return switch (method) {
			case "blockconnected" -> new Notification.BlockConnected(text(params, 0, 3), number(params, 1), number(params, 2));
			case "blockdisconnected" -> new Notification.BlockDisconnected(text(params, 0, 3), number(params, 1), number(params, 2));
			case "filteredblockconnected" -> new Notification.FilteredBlockConnected(number(params, 0, 3), text(params, 1),
					texts(params.get(2)));
			case "filteredblockdisconnected" -> new Notification.FilteredBlockDisconnected(number(params, 0, 2), text(params, 1));
			case "txaccepted" -> {
				JsonNode amount = params.get(1);
				if (params.size() != 2 || amount == null || !amount.isNumber()) {
					throw new IllegalArgumentException("expected [txid, amount]");
				}
				yield new Notification.TxAccepted(text(params, 0), amount.decimalValue());
			}
			case "txacceptedverbose" -> {
				JsonNode tx = params.get(0);
				if (params.size() != 1 || tx == null || !tx.isObject() || !tx.path("txid").isString()) {
					throw new IllegalArgumentException("expected [transaction object with a txid]");
				}
				yield new Notification.TxAcceptedVerbose(tx.get("txid").asString(), tx);
			}
			case "relevanttxaccepted" -> new Notification.RelevantTxAccepted(text(params, 0, 1));
			case "recvtx" -> new Notification.RecvTx(text(params, 0), blockDetails(params));
			case "redeemingtx" -> new Notification.RedeemingTx(text(params, 0), blockDetails(params));
			case "rescanprogress" -> new Notification.RescanProgress(text(params, 0, 3), number(params, 1), number(params, 2));
			case "rescanfinished" -> new Notification.RescanFinished(text(params, 0, 3), number(params, 1), number(params, 2));
			default -> null;
		};
	}

	private static String text(JsonNode params, int index, int expectedSize) {
		if (params.size() != expectedSize) {
			throw new IllegalArgumentException("expected " + expectedSize + " params, got " + params.size());
		}
		return text(params, index);
	}

	private static String text(JsonNode params, int index) {
		JsonNode value = params.get(index);
		if (value == null || !value.isString()) {
			throw new IllegalArgumentException("param " + index + " is not a string");
		}
		return value.asString();
	}

	private static long number(JsonNode params, int index, int expectedSize) {
		if (params.size() != expectedSize) {
			throw new IllegalArgumentException("expected " + expectedSize + " params, got " + params.size());
		}
		return number(params, index);
	}

	private static long number(JsonNode params, int index) {
		JsonNode value = params.get(index);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new IllegalArgumentException("param " + index + " is not an integer");
		}
		return value.asLong();
	}

	private static List<String> texts(@Nullable JsonNode array) {
		if (array == null || array.isNull()) {
			return List.of();
		}
		if (!array.isArray()) {
			throw new IllegalArgumentException("transactions is neither an array nor null");
		}
		List<String> texts = new ArrayList<>(array.size());
		for (JsonNode value : array) {
			if (!value.isString()) {
				throw new IllegalArgumentException("a transaction is not a string");
			}
			texts.add(value.asString());
		}
		return List.copyOf(texts);
	}

	private static Notification.@Nullable BlockDetails blockDetails(JsonNode params) {
		if (params.size() == 1) {
			return null;
		}
		JsonNode block = params.get(1);
		if (params.size() != 2 || !block.isObject() || !block.path("hash").isString()) {
			throw new IllegalArgumentException("expected [hex] or [hex, block details]");
		}
		return new Notification.BlockDetails(block.path("height").asLong(), block.get("hash").asString(),
				block.path("index").asInt(), block.path("time").asLong());
	}

}
