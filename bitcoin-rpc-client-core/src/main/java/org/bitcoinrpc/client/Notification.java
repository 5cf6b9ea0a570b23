package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A notification btcd pushed over the websocket, decoded exactly as btcd sends it (see
 * PROTOCOL.md). Anything the client does not know, or a known method with an unexpected shape,
 * arrives as {@link Unknown} with its raw params, never as an error.
 */
public sealed interface Notification extends BitcoinEvent {

	/** The JSON-RPC method name the node used, e.g. {@code blockconnected}. */
	String method();

	/** Block notifications, connected or disconnected, filtered or not: never dropped. */
	@Override
	default boolean mustBeDelivered() {
		return this instanceof BlockChange || this instanceof FilteredBlockConnected
				|| this instanceof FilteredBlockDisconnected;
	}

	/**
	 * A change of the best chain by one block: {@link BlockConnected} or {@link BlockDisconnected}.
	 * What a chain follower delivers (see {@code org.bitcoinrpc.client.follow}).
	 */
	sealed interface BlockChange extends Notification permits BlockConnected, BlockDisconnected {

		/** The block's hash. */
		String hash();

		/** The block's height. */
		long height();

		/** The block's time (Unix seconds). */
		long time();

	}

	/** {@code blockconnected [hash, height, time]}, after {@code notifyblocks}. */
	record BlockConnected(String hash, long height, long time) implements BlockChange {

		@Override
		public String method() {
			return "blockconnected";
		}

	}

	/** {@code blockdisconnected [hash, height, time]}: the block left the main chain (a reorg). */
	record BlockDisconnected(String hash, long height, long time) implements BlockChange {

		@Override
		public String method() {
			return "blockdisconnected";
		}

	}

	/**
	 * {@code filteredblockconnected [height, header, txs]}: the 80-byte header as hex and the
	 * transactions matching the loaded filter, as hex (empty when btcd sends {@code null}).
	 */
	record FilteredBlockConnected(long height, String header, List<String> transactions) implements Notification {

		@Override
		public String method() {
			return "filteredblockconnected";
		}

	}

	/** {@code filteredblockdisconnected [height, header]}. */
	record FilteredBlockDisconnected(long height, String header) implements Notification {

		@Override
		public String method() {
			return "filteredblockdisconnected";
		}

	}

	/** {@code txaccepted [txid, amount]}: the amount is the sum of the outputs, in BTC. */
	record TxAccepted(String txid, BigDecimal amount) implements Notification {

		@Override
		public String method() {
			return "txaccepted";
		}

	}

	/** {@code txacceptedverbose [tx]}: the decoded transaction as btcd's {@code getrawtransaction} shows it. */
	record TxAcceptedVerbose(String txid, JsonNode transaction) implements Notification {

		@Override
		public String method() {
			return "txacceptedverbose";
		}

	}

	/** {@code relevanttxaccepted [hex]}: a mempool transaction that matches the loaded filter. */
	record RelevantTxAccepted(String transaction) implements Notification {

		@Override
		public String method() {
			return "relevanttxaccepted";
		}

	}

	/**
	 * {@code recvtx [hex, block?]}: a transaction paying a watched address; {@code block} is
	 * {@code null} while it is in the mempool.
	 */
	record RecvTx(String transaction, @Nullable BlockDetails block) implements Notification {

		@Override
		public String method() {
			return "recvtx";
		}

	}

	/** {@code redeemingtx [hex, block?]}: a transaction spending a watched outpoint. */
	record RedeemingTx(String transaction, @Nullable BlockDetails block) implements Notification {

		@Override
		public String method() {
			return "redeemingtx";
		}

	}

	/** {@code rescanprogress [hash, height, time]}. */
	record RescanProgress(String hash, long height, long time) implements Notification {

		@Override
		public String method() {
			return "rescanprogress";
		}

	}

	/** {@code rescanfinished [hash, height, time]}. */
	record RescanFinished(String hash, long height, long time) implements Notification {

		@Override
		public String method() {
			return "rescanfinished";
		}

	}

	/** Any other notification, or a known one whose params have an unexpected shape. */
	record Unknown(String method, JsonNode params) implements Notification {
	}

	/**
	 * Where a transaction was mined, as {@code recvtx} and {@code redeemingtx} report it.
	 *
	 * @param height the block height
	 * @param hash the block hash
	 * @param index the transaction's index in the block
	 * @param time the block time, Unix seconds
	 */
	record BlockDetails(long height, String hash, int index, long time) {
	}

}
